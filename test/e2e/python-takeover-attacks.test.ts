import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { UserModel } from '../../src/models/user.js';
import { initialQuotaFields } from '../../src/modules/auth/new-user.js';
import { testConfig } from '../helpers/config.js';
import { chatBody, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import {
  migrateEnv,
  pythonHash,
  pythonOrganization,
  pythonUser,
  reportOf,
  startMigration,
  summaryOf,
  withRawDb,
} from '../helpers/legacy-python.js';

const { ObjectId } = mongoose.mongo;
const config = testConfig();
const env = migrateEnv(config);
const PASSWORD = 'legacy-pass';

/** Python accounts an outsider attacks before and through `npm run db:migrate` (finding 6 of issue 17). */
const ids = {
  parent: new ObjectId(),
  sub: new ObjectId(),
  owner: new ObjectId(),
  org: new ObjectId(),
  mixed: new ObjectId(),
  squatted: new ObjectId(),
  twinOld: new ObjectId(),
  twinNew: new ObjectId(),
  offString: new ObjectId(),
  offZero: new ObjectId(),
};
const MIXED = 'Mixed.Case@Legacy.Example.com';
const SQUATTED = 'Squat.Target@Legacy.Example.com';

async function writePythonDatabase() {
  const hash = await pythonHash(PASSWORD, 4);
  const pro = { subscription: 'pro', monthly_limit: 1_000_000, tokens_remaining: 1_000_000 };
  await withRawDb(config.DATABASE_URL, async (db) => {
    await db.collection('users').insertMany([
      pythonUser({ _id: ids.parent, email: 'parent@legacy.example.com', password_hash: hash, ...pro }),
      pythonUser({
        _id: ids.sub,
        email: 'sub@legacy.example.com',
        password_hash: hash,
        is_sub_user: true,
        parent_user_id: ids.parent,
        sub_user_permissions: { models: ['gpt-3.5-turbo'] },
        sub_user_limits: { monthly_tokens: 50 },
      }),
      pythonUser({ _id: ids.owner, email: 'owner@legacy.example.com', password_hash: hash, ...pro }),
      pythonUser({ _id: ids.mixed, email: MIXED, password_hash: hash, stripe_customer_id: 'cus_mixed', ...pro }),
      // Its owner changed the password through this service before the migration (which wrote token_version).
      pythonUser({
        _id: ids.squatted,
        email: SQUATTED,
        password_hash: hash,
        stripe_customer_id: 'cus_squat',
        token_version: 1,
        ...pro,
      }),
      // The Python system matched addresses exactly: one person (or two) held both spellings.
      pythonUser({ _id: ids.twinOld, email: 'Twin@Legacy.Example.com', password_hash: hash }),
      pythonUser({ _id: ids.twinNew, email: 'twin@legacy.example.COM', password_hash: hash }),
      // Deactivated, as a client of the Python API may have written it.
      pythonUser({
        _id: ids.offString,
        email: 'off.string@legacy.example.com',
        password_hash: hash,
        is_active: 'false',
      }),
      pythonUser({ _id: ids.offZero, email: 'off.zero@legacy.example.com', password_hash: hash, is_active: 0 }),
    ]);
    await db.collection('organizations').insertOne(
      pythonOrganization({
        _id: ids.org,
        name: 'Legacy Pool',
        subscription_tier: 'enterprise',
        owner_id: ids.owner,
        members: [ids.owner, ids.sub],
      }),
    );
  });
}

describe('attacks on the Python data before and through db:migrate', { timeout: 180_000 }, () => {
  let llm: LlmEnv;
  beforeAll(async () => {
    await writePythonDatabase();
    llm = await startLlmEnv({ DATABASE_URL: config.DATABASE_URL, REDIS_PREFIX: config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await llm?.stop();
  });

  const login = (email: string, password = PASSWORD) =>
    llm.app.request.post('/auth/login-json').send({ email, password });

  it('before the migration, a mixed-case Python account signs in with its address in any case', async () => {
    for (const typed of ['mixed.case@legacy.example.com', MIXED, 'MIXED.CASE@LEGACY.EXAMPLE.COM']) {
      const res = await login(typed);
      expect(res.status, `${typed}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.user.id).toBe(ids.mixed.toHexString());
    }
  });

  it('before the migration, nobody registers the lower-cased address of a Python account (409 like any taken email)', async () => {
    const res = await llm.app.request
      .post('/auth/register')
      .send({ email: 'squat.target@legacy.example.com', password: 'attacker-password-1' });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.code).toBe('email_taken');
    expect(await UserModel.countDocuments({ email: 'squat.target@legacy.example.com' })).toBe(0);
  });

  it('Python accounts deactivated as "false" or 0 are refused before the migration', async () => {
    for (const email of ['off.string@legacy.example.com', 'off.zero@legacy.example.com'])
      expect((await login(email)).status, email).toBe(401);
  });

  describe('a newcomer who took the lower-cased address before this release', () => {
    let newcomerId: string;
    let dry: { code: number | null; output: string };
    let real: { code: number | null; output: string };
    beforeAll(async () => {
      // Registered under the earlier code, which looked the address up exactly (an account of this service's
      // shape; the registration above made it when it was not refused).
      const newcomer =
        (await UserModel.findOne({ email: 'squat.target@legacy.example.com' })) ??
        (await UserModel.create({
          email: 'squat.target@legacy.example.com',
          password_hash: await pythonHash('attacker-password-1', 4),
          ...initialQuotaFields('free', llm.app.config.plans.free),
        }));
      newcomerId = newcomer._id.toHexString();
      const dryRun = startMigration(env, ['--dry-run']);
      dry = { code: (await dryRun.exit).code, output: dryRun.output() };
      const run = startMigration(env);
      real = { code: (await run.exit).code, output: run.output() };
    });

    it('the dry run reports the collisions (never as converted) and exits non-zero', () => {
      expect(dry.code, dry.output).toBe(2);
      expect(dry.output).toContain('address collision');
      const users = reportOf(summaryOf(dry.output), 'users');
      expect(users.collisions).toEqual(
        expect.arrayContaining([
          {
            keeps: ids.squatted.toHexString(),
            accounts: [
              { id: ids.squatted.toHexString(), origin: 'python' },
              { id: newcomerId, origin: 'service' },
            ],
          },
          {
            keeps: ids.twinOld.toHexString(),
            accounts: [
              { id: ids.twinOld.toHexString(), origin: 'python' },
              { id: ids.twinNew.toHexString(), origin: 'python' },
            ],
          },
        ]),
      );
      expect(users.collisions).toHaveLength(2);
      // The squatted account and both twins are held back; everything else would be converted.
      expect(users).toMatchObject({ converted: 6, skipped: 3, current: 1 });
    });

    it('the migration leaves colliding accounts to the operator (exit 2) and the legacy account keeps the address', async () => {
      expect(real.code, real.output).toBe(2);
      const users = reportOf(summaryOf(real.output), 'users');
      expect(users).toMatchObject({ converted: 6, skipped: 3, current: 1 });
      const docs = await withRawDb(config.DATABASE_URL, (db) => db.collection('users').find({}).toArray());
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      expect(byId.get(ids.squatted.toHexString())).toMatchObject({ email: SQUATTED, subscription: 'pro' });
      expect(byId.get(ids.squatted.toHexString())!.legacy_migration).toBeUndefined();
      expect(byId.get(newcomerId)).toMatchObject({ email: 'squat.target@legacy.example.com' });
      expect(byId.get(ids.mixed.toHexString())).toMatchObject({ email: 'mixed.case@legacy.example.com' });

      // The paying account signs in with its address; the newcomer's password does not open it (or anything).
      const owner = await login('squat.target@legacy.example.com');
      expect(owner.status, JSON.stringify(owner.body)).toBe(200);
      expect(owner.body.user.id).toBe(ids.squatted.toHexString());
      expect((await login('squat.target@legacy.example.com', 'attacker-password-1')).status).toBe(401);
      // Of the twins, the older account answers to the address.
      expect((await login('TWIN@legacy.example.com')).body.user.id).toBe(ids.twinOld.toHexString());
    });

    it('deactivated Python accounts ("false", 0) stay deactivated', async () => {
      const docs = await withRawDb(config.DATABASE_URL, (db) =>
        db
          .collection('users')
          .find({ _id: { $in: [ids.offString, ids.offZero] } })
          .toArray(),
      );
      expect(docs.map((d) => [d.is_active, d.legacy_migration?.version])).toEqual([
        [false, 1],
        [false, 1],
      ]);
      for (const email of ['off.string@legacy.example.com', 'off.zero@legacy.example.com'])
        expect((await login(email)).status, email).toBe(401);
    });

    it("a Python sub-user listed among an organization's members stays a sub-user and never spends the pool", async () => {
      const report = reportOf(summaryOf(real.output), 'organizations');
      expect(report.notes['sub-users among the members, left out (they stay under their parent)']).toBe(1);
      expect(await OrganizationMemberModel.exists({ user_id: ids.sub })).toBeNull();
      const sub = await login('sub@legacy.example.com');
      const auth = { Authorization: `Bearer ${sub.body.access_token as string}` };
      const me = await llm.app.request.get('/auth/me').set(auth);
      expect(me.body).toMatchObject({ is_sub_user: true, parent_user_id: ids.parent.toHexString() });
      llm.upstream.requests.length = 0;
      const chat = await llm.app.request
        .post('/v1/chat/completions')
        .set(auth)
        .set('X-Organization-Id', ids.org.toHexString())
        .send(chatBody('spend the pool', { max_tokens: 500 }));
      expect(chat.status, JSON.stringify(chat.body)).toBe(404);
      expect(llm.upstream.requests).toHaveLength(0);
    });
  });
});
