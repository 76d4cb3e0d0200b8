import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import {
  BILLING_ENV,
  PRICE_PRO,
  deliver,
  monthAfter,
  newId,
  nowSeconds,
  stripeEvent,
  subscription,
} from '../factories/stripe-events.js';
import { testConfig } from '../helpers/config.js';
import { chatBody, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import {
  migrateEnv,
  pythonHash,
  pythonOrganization,
  pythonUser,
  reportOf,
  snapshot,
  startMigration,
  summaryOf,
  withRawDb,
  type MigrationSummary,
} from '../helpers/legacy-python.js';
import { spawnRole } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';

const { ObjectId } = mongoose.mongo;
const config = testConfig();
const env = migrateEnv(config);

/** The Python system's accounts, as it wrote them. Passwords are kept here to sign in with after the switch. */
const ids = {
  tester: new ObjectId(),
  pro: new ObjectId(),
  admin: new ObjectId(),
  sub: new ObjectId(),
  gone: new ObjectId(),
  member: new ObjectId(),
  odd: new ObjectId(),
  payer: new ObjectId(),
  org: new ObjectId(),
  ghost: new ObjectId(),
};
const PASSWORDS = {
  tester: 'test123',
  pro: 'pro-password-1',
  admin: 'admin-pass-y',
  sub: 'sub-pass-a',
  gone: 'gone-password',
  member: 'member-pass',
  payer: 'payer-pass',
};
const RESET = new Date(Date.now() + 12 * 86_400_000);
const PRO_CUSTOMER = 'cus_legacy_pro';
const PAYER_CUSTOMER = 'cus_legacy_payer';

async function writePythonDatabase() {
  // Real passlib-style $2b$ hashes: cost 12 for the accounts the sign-in checks lean on, cost 4 for the rest (speed).
  const [tester, pro, admin, sub, gone, member, payer] = await Promise.all([
    pythonHash(PASSWORDS.tester, 12),
    pythonHash(PASSWORDS.pro, 12),
    pythonHash(PASSWORDS.admin, 4),
    pythonHash(PASSWORDS.sub, 4),
    pythonHash(PASSWORDS.gone, 4),
    pythonHash(PASSWORDS.member, 4),
    pythonHash(PASSWORDS.payer, 4),
  ]);
  await withRawDb(config.DATABASE_URL, async (db) => {
    await db.collection('users').insertMany([
      pythonUser({
        _id: ids.tester,
        email: 'test@example.com',
        password_hash: tester,
        full_name: 'Old Tester',
        tokens_used: 1_200,
        tokens_remaining: 8_800,
        reset_date: RESET,
      }),
      pythonUser({
        _id: ids.pro,
        email: 'Pro.Legacy@Example.com',
        password_hash: pro,
        name: 'Pat Pro',
        full_name: 'Patricia Pro',
        subscription: 'pro',
        stripe_customer_id: PRO_CUSTOMER,
        monthly_limit: 1_000_000,
        tokens_used: 250_000,
        tokens_remaining: 750_000,
        reset_date: RESET,
        role: 'developer',
      }),
      // PHP-style $2y$ (passlib reads and may have stored it); the same algorithm as $2b$.
      pythonUser({
        _id: ids.admin,
        email: 'admin.legacy@example.com',
        password_hash: admin.replace('$2b$', '$2y$'),
        subscription: 'enterprise',
        role: 'admin',
        monthly_limit: 10_000_000,
        tokens_remaining: 10_000_000,
      }),
      pythonUser({
        _id: ids.sub,
        email: 'sub.legacy@example.com',
        password_hash: sub.replace('$2b$', '$2a$'),
        subscription: 'pro',
        is_sub_user: true,
        parent_user_id: ids.pro,
        sub_user_permissions: { models: ['gpt-4'] },
        sub_user_limits: { monthly_tokens: 50_000 },
        tokens_used: 2_000,
        monthly_limit: 50_000,
        tokens_remaining: 48_000,
        reset_date: RESET,
      }),
      pythonUser({
        _id: ids.gone,
        email: 'gone.legacy@example.com',
        password_hash: gone,
        subscription: 'pro',
        is_active: false,
        monthly_limit: 1_000_000,
      }),
      pythonUser({ _id: ids.member, email: 'member.legacy@example.com', password_hash: member, full_name: 'Mem Ber' }),
      pythonUser({ _id: ids.odd, email: 'odd.legacy@example.com', password_hash: member, subscription: 'gold' }),
      pythonUser({
        _id: ids.payer,
        email: 'payer.legacy@example.com',
        password_hash: payer,
        subscription: 'pro',
        stripe_customer_id: PAYER_CUSTOMER,
        monthly_limit: 1_000_000,
        tokens_used: 10,
        tokens_remaining: 999_990,
      }),
    ]);
    await db.collection('organizations').insertOne(
      pythonOrganization({
        _id: ids.org,
        name: 'Legacy Team',
        subscription_tier: 'pro',
        owner_id: ids.pro,
        // The member twice (as an ObjectId and as its hex string), the owner, and an id that names nobody.
        members: [ids.pro, ids.member, ids.member.toHexString(), ids.ghost],
      }),
    );
    // Collections whose Python shapes nobody recorded.
    await db.collection('api_keys').insertMany([
      { user_id: ids.pro, key: 'sk-legacy-0001', name: 'laptop', is_active: true, created_at: new Date() },
      { user_id: ids.tester, key: 'sk-legacy-0002', name: 'ci', is_active: false, created_at: new Date() },
    ]);
    await db.collection('token_usage').insertMany([
      { user_id: ids.pro, model: 'gpt-4', tokens: 1_000, timestamp: new Date() },
      { user_id: ids.pro, model: 'gpt-4', tokens: 2_000, timestamp: new Date() },
      { user_id: ids.tester, model: 'gpt-3.5-turbo', tokens: 1_200, timestamp: new Date() },
    ]);
    await db
      .collection('subscriptions')
      .insertOne({ user_id: ids.pro, plan: 'pro', stripe_subscription_id: 'sub_legacy', status: 'active' });
    await db
      .collection('rate_limits')
      .insertOne({ user_id: ids.pro, window: 'minute', count: 3, reset_at: new Date() });
  });
}

describe("taking over the Python system's database with npm run db:migrate", { timeout: 180_000 }, () => {
  let llm: LlmEnv;
  let workers: RunningWorkers;
  let before: Record<string, unknown[]>;
  let afterDry: Record<string, unknown[]>;
  let afterSecond: Record<string, unknown[]>;
  let afterFirst: Record<string, unknown[]>;
  let dry: MigrationSummary;
  let first: MigrationSummary;
  let second: MigrationSummary;
  let firstOutput: string;

  beforeAll(async () => {
    await writePythonDatabase();
    before = await withRawDb(config.DATABASE_URL, snapshot);
    // The npm script itself, as an operator runs it.
    const dryRun = spawnRole(['run', '--silent', 'db:migrate', '--', '--dry-run'], env, 'npm');
    expect((await dryRun.exit).code, dryRun.output()).toBe(0);
    dry = summaryOf(dryRun.output());
    afterDry = await withRawDb(config.DATABASE_URL, snapshot);

    const run1 = startMigration(env);
    expect((await run1.exit).code, run1.output()).toBe(0);
    firstOutput = run1.output();
    first = summaryOf(firstOutput);
    afterFirst = await withRawDb(config.DATABASE_URL, snapshot);
    const run2 = startMigration(env);
    expect((await run2.exit).code, run2.output()).toBe(0);
    second = summaryOf(run2.output());
    afterSecond = await withRawDb(config.DATABASE_URL, snapshot);

    llm = await startLlmEnv({
      ...BILLING_ENV,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_PREFIX: config.REDIS_PREFIX,
      LLM_SSE_HEADER_DEFER_MS: '50',
    });
    workers = await startWorkers(llm.app.config, createLogger('silent'), ['usage', 'stripe-sync']);
  });
  afterAll(async () => {
    await workers?.stop();
    await llm?.stop();
  });

  const login = async (email: string, password: string) =>
    llm.app.request.post('/auth/login-json').send({ email, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('reports per collection; the dry run reports the same and writes nothing', async () => {
    expect(reportOf(first, 'users')).toMatchObject({ read: 8, converted: 7, current: 0, skipped: 1 });
    expect(reportOf(first, 'users').skipReasons).toEqual({
      'subscription "gold" is not a tier this service knows (free, pro, enterprise)': 1,
    });
    expect(reportOf(first, 'users').notes['name filled from full_name']).toBe(2);
    expect(reportOf(first, 'organizations')).toMatchObject({ read: 1, converted: 1, current: 0, skipped: 0 });
    expect(reportOf(first, 'organizations').notes['member ids that name no user, left out']).toBe(1);
    expect(reportOf(first, 'api_keys')).toMatchObject({ read: 2, converted: 0, skipped: 2 });
    expect(reportOf(first, 'api_keys').fieldsSeen).toMatchObject({ key: 2, user_id: 2, name: 2 });
    expect(reportOf(first, 'token_usage')).toMatchObject({ read: 3, skipped: 3 });
    expect(reportOf(first, 'subscriptions')).toMatchObject({ read: 1, skipped: 1 });
    // It has this service's one required field (user_id): read as overrides that override nothing.
    expect(reportOf(first, 'rate_limits')).toMatchObject({ read: 1, current: 0, skipped: 1 });
    expect(firstOutput).toMatch(/users: 8 read, 7 converted, 0 already current, 1 skipped \(\d[\d,]* documents\/s\)/);
    expect(firstOutput).toMatch(/db:migrate: 16 documents read in [\d.]+ s/);
    expect(firstOutput).not.toContain('$2b$');

    expect(dry.dry_run).toBe(true);
    expect(
      dry.collections.map(({ collection, read, converted, current, skipped }) => ({
        collection,
        read,
        converted,
        current,
        skipped,
      })),
    ).toEqual(
      first.collections.map(({ collection, read, converted, current, skipped }) => ({
        collection,
        read,
        converted,
        current,
        skipped,
      })),
    );
    expect(afterDry).toEqual(before);
  });

  it('the second run changed nothing and reports everything as already current', async () => {
    expect(reportOf(second, 'users')).toMatchObject({ read: 8, converted: 0, current: 7, skipped: 1 });
    expect(reportOf(second, 'users').currentReasons).toEqual({ 'migrated by an earlier run': 7 });
    expect(reportOf(second, 'organizations')).toMatchObject({ read: 1, converted: 0, current: 1 });
    const now = await withRawDb(config.DATABASE_URL, snapshot);
    // Compared as the second run left it (the service has run since: sign-ins write last_login_at).
    expect(afterSecond).toEqual(afterFirst);
    expect(Object.keys(now)).toEqual(expect.arrayContaining(Object.keys(before)));
    // Nothing was deleted: every Python document is still there (the unknown collections untouched).
    for (const name of ['api_keys', 'token_usage', 'subscriptions', 'rate_limits'])
      expect(now[name]).toEqual(before[name]);
    expect((now.users as unknown[]).length).toBe((before.users as unknown[]).length);
  });

  it('legacy users sign in with their old passwords, a 6-character one included; the policy is for new passwords', async () => {
    const tester = await login('test@example.com', 'test123');
    expect(tester.status, JSON.stringify(tester.body)).toBe(200);
    expect(tester.body.user).toMatchObject({
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_remaining: 8_800,
      name: 'Old Tester',
      role: 'user',
    });
    for (const [email, password] of [
      ['pro.legacy@example.com', PASSWORDS.pro],
      ['admin.legacy@example.com', PASSWORDS.admin],
      ['sub.legacy@example.com', PASSWORDS.sub],
      ['member.legacy@example.com', PASSWORDS.member],
    ] as const) {
      expect((await login(email, password)).status, email).toBe(200);
    }
    // The address is matched case-insensitively, as the Python system's was typed.
    expect((await login('PRO.LEGACY@example.com', PASSWORDS.pro)).status).toBe(200);
    expect((await login('test@example.com', 'test124')).status).toBe(401);
    // A new password still follows today's policy.
    const auth = bearer(tester.body.access_token);
    const change = await llm.app.request
      .post('/users/me/password')
      .set(auth)
      .send({ current_password: 'test123', new_password: 'short1' });
    expect(change.status).toBe(400);
  });

  it('the $2y$ hash was upgraded to $2b$ at the configured cost on its first sign-in; the password still works', async () => {
    const stored = await withRawDb(config.DATABASE_URL, (db) => db.collection('users').findOne({ _id: ids.admin }));
    expect(stored!.password_hash).toMatch(/^\$2b\$10\$/);
    const again = await login('admin.legacy@example.com', PASSWORDS.admin);
    expect(again.status).toBe(200);
    expect(again.body.user).toMatchObject({ role: 'admin', subscription_tier: 'enterprise' });
  });

  it('tiers, limits and usage are what they were, in every endpoint; a new request adds on top, and a rebuild keeps both', async () => {
    const pro = await login('pro.legacy@example.com', PASSWORDS.pro);
    expect(pro.body.user).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      tokens_remaining: 750_000,
      name: 'Pat Pro',
      role: 'developer',
    });
    const auth = bearer(pro.body.access_token);
    const me = await llm.app.request.get('/auth/me').set(auth);
    expect(me.body).toMatchObject({
      tokens_used: 250_000,
      tokens_remaining: 750_000,
      monthly_limit: 1_000_000,
      reset_date: RESET.toISOString(),
      subscription_tier: 'pro',
    });
    const balance = await llm.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({
      tokens_used: 250_000,
      tokens_remaining: 750_000,
      monthly_limit: 1_000_000,
      subscription_tier: 'pro',
    });

    llm.upstream.setDefault({ content: 'one two three four five', promptTokens: 40 });
    const chat = await llm.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('hello from the old days', { max_tokens: 50 }));
    expect(chat.status, JSON.stringify(chat.body)).toBe(200);
    const billed = chat.body.usage.total_tokens as number;
    expect(billed).toBeGreaterThan(0);
    await waitFor(async () => {
      const row = await TokenUsageModel.findOne({ payer_id: ids.pro.toHexString() }).lean();
      return row && row.settled_at;
    }, 'the settled ledger row');
    const after = await waitFor(async () => {
      const res = await llm.app.request.get('/tokens/balance').set(auth);
      return res.body.tokens_used === 250_000 + billed ? res : undefined;
    }, 'the balance with the new request');
    expect(after.body.tokens_remaining).toBe(750_000 - billed);
    await waitFor(
      async () => (await llm.app.request.get('/auth/me').set(auth)).body.tokens_used === 250_000 + billed,
      '/auth/me with the new request',
    );
    // Its Python API key (another format, left in api_keys) is not listed as one of this service's keys.
    const keys = await llm.app.request.get('/api-keys').set(auth);
    expect(keys.status).toBe(200);
    expect(keys.body.data ?? keys.body).toEqual([]);

    // Redis lost or reconciled: rebuilt from the ledger plus what the Python system counted, nothing dropped.
    const quota = createQuotaService({ redis: llm.app.redis, prefix: llm.app.config.REDIS_PREFIX });
    const rebuilt = await quota.rebuild({ kind: 'user', id: ids.pro.toHexString() });
    expect(rebuilt.drift).toBe(0);
    await quota.forget({ kind: 'user', id: ids.pro.toHexString() });
    expect((await llm.app.request.get('/tokens/balance').set(auth)).body).toMatchObject({
      tokens_used: 250_000 + billed,
      tokens_remaining: 750_000 - billed,
    });
  });

  it('a sub-user is under its parent with its cap and permissions', async () => {
    const sub = await login('sub.legacy@example.com', PASSWORDS.sub);
    expect(sub.body.user).toMatchObject({ subscription_tier: 'pro' });
    const me = await llm.app.request.get('/auth/me').set(bearer(sub.body.access_token));
    expect(me.body).toMatchObject({ is_sub_user: true, parent_user_id: ids.pro.toHexString() });
    const balance = await llm.app.request.get('/tokens/balance').set(bearer(sub.body.access_token));
    expect(balance.body.payer).toMatchObject({ type: 'user', id: ids.pro.toHexString() });
    // Its own cap first (what the Python system counted against it carried over), then its parent's quota.
    expect(balance.body.accounts).toEqual([
      { account: `sub_user_cap:${ids.sub.toHexString()}`, limit: 50_000, used: 2_000, reserved: 0, remaining: 48_000 },
      expect.objectContaining({ account: `user:${ids.pro.toHexString()}`, limit: 1_000_000 }),
    ]);
    expect(balance.body.available).toBe(48_000);
    const models = await llm.app.request.get('/v1/models').set(bearer(sub.body.access_token));
    expect((models.body.data as Array<{ id: string }>).map((m) => m.id)).toEqual(['gpt-4']);

    const parent = await login('pro.legacy@example.com', PASSWORDS.pro);
    const list = await llm.app.request.get('/sub-users').set(bearer(parent.body.access_token));
    expect(list.status).toBe(200);
    const listed = (list.body.data ?? list.body) as Array<{
      id: string;
      email: string;
      limits: { monthly_tokens: number };
    }>;
    expect(listed.map((s) => [s.email, s.limits.monthly_tokens])).toEqual([['sub.legacy@example.com', 50_000]]);
  });

  it("the organization's owner sees its members, each once; its tier carried over", async () => {
    const owner = await login('pro.legacy@example.com', PASSWORDS.pro);
    const auth = bearer(owner.body.access_token);
    const org = await llm.app.request.get(`/organizations/${ids.org.toHexString()}`).set(auth);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ name: 'Legacy Team', subscription_tier: 'pro' });
    const members = await llm.app.request.get(`/organizations/${ids.org.toHexString()}/members`).set(auth);
    expect(members.status).toBe(200);
    const rows = (members.body.data ?? members.body) as Array<{ user_id: string; role: string }>;
    expect(rows.map((m) => [m.user_id, m.role]).sort()).toEqual(
      [
        [ids.member.toHexString(), 'member'],
        [ids.pro.toHexString(), 'owner'],
      ].sort(),
    );
    const member = await login('member.legacy@example.com', PASSWORDS.member);
    const mine = await llm.app.request.get('/organizations').set(bearer(member.body.access_token));
    expect(JSON.stringify(mine.body)).toContain(ids.org.toHexString());
  });

  it('a deactivated user stays deactivated and is refused', async () => {
    const gone = await login('gone.legacy@example.com', PASSWORDS.gone);
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('invalid_credentials');
  });

  it('a legacy paying user keeps the tier until Stripe says otherwise; its stripe_customer_id maps the webhook to it', async () => {
    const payer = await login('payer.legacy@example.com', PASSWORDS.payer);
    expect(payer.body.user.subscription_tier).toBe('pro');
    const start = nowSeconds() - 20 * 86_400;
    const ended = stripeEvent(
      'customer.subscription.deleted',
      subscription({
        id: newId('sub'),
        customer: PAYER_CUSTOMER,
        price: PRICE_PRO,
        status: 'canceled',
        start,
        end: monthAfter(start),
      }),
    );
    const applied = await deliver(llm.app, ended);
    expect(applied.outcome).toBe('applied');
    const me = await llm.app.request
      .get('/auth/me')
      .set(bearer((await login('payer.legacy@example.com', PASSWORDS.payer)).body.access_token));
    expect(me.body.subscription_tier).toBe('free');
  });

  it('migrated accounts count as proven addresses (a first OAuth sign-in clears nothing)', async () => {
    const users = await withRawDb(config.DATABASE_URL, (db) =>
      db
        .collection('users')
        .find({ _id: { $in: [ids.tester, ids.pro, ids.sub] } })
        .toArray(),
    );
    for (const user of users)
      expect(user).toMatchObject({
        is_verified: true,
        legacy_migration: { version: 1, carried_tokens: expect.any(Number) },
      });
    const odd = await withRawDb(config.DATABASE_URL, (db) => db.collection('users').findOne({ _id: ids.odd }));
    expect(odd!.legacy_migration).toBeUndefined();
    expect(odd!.subscription).toBe('gold');
  });
});
