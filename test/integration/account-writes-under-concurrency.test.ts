import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { registerAndLogin, TEST_PASSWORD } from '../factories/users.js';
import { userWithRole } from '../factories/accounts.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { UserModel } from '../../src/models/user.js';
import { createOrganization } from '../factories/teams.js';
import { writeSeedFields } from '../../src/domain/quota/seed-fields.js';
import { lockKey } from '../../queues/index.js';
import { lockDocument } from '../../src/lib/document-locks.js';

/**
 * FerretDB applies an update by reading the whole document and writing it back, so a concurrent write of other
 * fields (a sign-in's last_login_at, a settlement's seed fields) can restore the old values of a security change.
 * These changes must stick while the account's document is being written by others at the same moment.
 */
let app: TestApp;
const TRIALS = 6;

beforeAll(async () => {
  app = await startTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '1000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    LOGIN_MAX_FAILURES_PER_IP: '10000',
  });
});
afterAll(async () => {
  await app?.stop();
});

/** Runs `change` while `write` keeps running (three at a time) until the change has answered. */
async function whileWriting<T>(write: (i: number) => Promise<unknown>, change: () => PromiseLike<T>): Promise<T> {
  let done = false;
  let i = 0;
  const loop = async () => {
    while (!done) await write((i += 1));
  };
  const writers = [loop(), loop(), loop()];
  try {
    return await change();
  } finally {
    done = true;
    await Promise.all(writers);
  }
}

/**
 * Runs `change` while the user's document is written the way normal use writes it (usage settlements with
 * absolute seed fields, and sign-ins) until the change has answered.
 */
async function whileBusy<T>(userId: string, email: string, password: string, change: () => PromiseLike<T>): Promise<T> {
  let done = false;
  let used = 0;
  const settlements = async () => {
    while (!done) {
      used += 1;
      await writeSeedFields([{ ref: { kind: 'user', id: userId }, limit: 10_000, used, calls: used }]);
    }
  };
  const signIns = async () => {
    while (!done) await app.request.post('/auth/login-json').send({ email, password });
  };
  const writers = [settlements(), settlements(), settlements(), signIns()];
  try {
    return await change();
  } finally {
    done = true;
    await Promise.all(writers);
  }
}

const loginStatus = async (email: string, password: string) =>
  (await app.request.post('/auth/login-json').send({ email, password })).status;

describe('security changes to an account under concurrent writes', () => {
  it('an admin deactivation sticks: the user cannot sign in again', async () => {
    const admin = await userWithRole(app, 'admin');
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const user = await registerAndLogin(app);
      const patch = await whileBusy(user.user.id, user.email, TEST_PASSWORD, () =>
        app.request.patch(`/admin/users/${user.user.id}`).set(admin.auth).send({ is_active: false }),
      );
      expect(patch.status).toBe(200);
      expect((await UserModel.findById(user.user.id).lean())?.is_active, `trial ${trial}`).toBe(false);
      expect(await loginStatus(user.email, TEST_PASSWORD)).toBe(401);
    }
  });

  it('an admin role change sticks', async () => {
    const superadmin = await userWithRole(app, 'superadmin');
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const user = await userWithRole(app, 'admin', 'demoted');
      const patch = await whileBusy(user.user.id, user.email, TEST_PASSWORD, () =>
        app.request.patch(`/admin/users/${user.user.id}`).set(superadmin.auth).send({ role: 'user' }),
      );
      expect(patch.status).toBe(200);
      expect((await UserModel.findById(user.user.id).lean())?.role, `trial ${trial}`).toBe('user');
      expect((await app.request.get('/admin/stats').set(user.auth)).status).not.toBe(200);
    }
  });

  it('a password change sticks: the old password stops working', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const user = await registerAndLogin(app);
      const fresh = `${TEST_PASSWORD}-new-${trial}`;
      const change = await whileBusy(user.user.id, user.email, TEST_PASSWORD, () =>
        app.request
          .post('/users/me/password')
          .set(user.auth)
          .send({ current_password: TEST_PASSWORD, new_password: fresh }),
      );
      expect(change.status).toBe(200);
      expect(await loginStatus(user.email, TEST_PASSWORD), `trial ${trial}`).toBe(401);
      expect(await loginStatus(user.email, fresh)).toBe(200);
    }
  });

  it('deactivating my own account sticks', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const user = await registerAndLogin(app);
      const gone = await whileBusy(user.user.id, user.email, TEST_PASSWORD, () =>
        app.request.delete('/users/me').set(user.auth).send({ password: TEST_PASSWORD }),
      );
      expect(gone.status).toBe(204);
      expect(await loginStatus(user.email, TEST_PASSWORD), `trial ${trial}`).toBe(401);
    }
  });

  it('an API key revocation sticks while the key is being used (last_used_at writes)', async () => {
    const owner = await registerAndLogin(app);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const key = await app.request
        .post('/api-keys')
        .set(owner.auth)
        .send({ name: `k${trial}` });
      const revoke = await whileWriting(
        () => ApiKeyModel.updateOne({ _id: key.body.id }, { $set: { last_used_at: new Date() } }),
        () => app.request.delete(`/api-keys/${key.body.id}`).set(owner.auth),
      );
      expect(revoke.status).toBe(204);
      expect((await ApiKeyModel.findById(key.body.id).lean())?.revoked_at, `trial ${trial}`).toBeInstanceOf(Date);
    }
  });

  it("a deactivation revokes the user's API keys, and every revocation sticks while the keys are being used", async () => {
    const admin = await userWithRole(app, 'admin');
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const owner = await registerAndLogin(app);
      const ids: string[] = [];
      for (const name of ['a', 'b', 'c'])
        ids.push((await app.request.post('/api-keys').set(owner.auth).send({ name })).body.id);
      const patch = await whileWriting(
        (i) => ApiKeyModel.updateOne({ _id: ids[i % ids.length] }, { $set: { last_used_at: new Date() } }),
        () => app.request.patch(`/admin/users/${owner.user.id}`).set(admin.auth).send({ is_active: false }),
      );
      expect(patch.status).toBe(200);
      const live = await ApiKeyModel.countDocuments({ user_id: owner.user.id, revoked_at: null });
      expect(live, `trial ${trial}`).toBe(0);
    }
  });

  it('a revocation waits out a key write in flight that read the key before it, and revokes the key again', async () => {
    const admin = await userWithRole(app, 'admin');
    const owner = await registerAndLogin(app);
    const id: string = (await app.request.post('/api-keys').set(owner.auth).send({ name: 'k' })).body.id;
    // A last_used_at write in flight: it holds the key's lock and read the key before the revocation...
    const release = await lockDocument('api_keys', id, 'test write in flight');
    const patch = app.request.patch(`/admin/users/${owner.user.id}`).set(admin.auth).send({ is_active: false }).then();
    const revoked = async () => (await ApiKeyModel.findById(id).lean())?.revoked_at instanceof Date;
    while (!(await revoked())) await new Promise((resolve) => setTimeout(resolve, 5));
    // ...and writes it back whole after the revocation's updateMany, as FerretDB does, then lets its lock go.
    await ApiKeyModel.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { revoked_at: null } });
    await release();
    expect((await patch).status).toBe(200);
    expect(await revoked()).toBe(true);
  });

  it('an organization deletion sticks while its pool is being settled', async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      // One owner per trial: an account creates only ORGANIZATIONS_CREATIONS_PER_MONTH organizations a month.
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner, `Org ${trial}`);
      const removed = await whileWriting(
        (i) => writeSeedFields([{ ref: { kind: 'organization', id: orgId }, limit: 10_000, used: i, calls: i }]),
        () => app.request.delete(`/organizations/${orgId}`).set(owner.auth),
      );
      expect(removed.status).toBe(204);
      expect((await OrganizationModel.findById(orgId).lean())?.is_active, `trial ${trial}`).toBe(false);
    }
  });

  it('frees the document lock after a failed update, so the next change does not wait', async () => {
    const [taken, user] = await Promise.all([registerAndLogin(app), registerAndLogin(app)]);
    const clash = await app.request
      .patch('/users/me')
      .set(user.auth)
      .send({ email: taken.email, current_password: TEST_PASSWORD });
    expect(clash.status).toBe(409);
    expect(await app.redis.exists(lockKey(app.config.REDIS_PREFIX, `doc:users:${user.user.id}`))).toBe(0);
    expect((await app.request.patch('/users/me').set(user.auth).send({ name: 'After the clash' })).body.name).toBe(
      'After the clash',
    );
  });
});
