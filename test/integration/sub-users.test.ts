import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from '../factories/users.js';
import { createSubUser } from '../factories/teams.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { UserModel } from '../../src/models/user.js';
import { STALE } from '../../src/modules/api-keys/cache.js';
import { apiKeyCacheKey } from '../../queues/index.js';
import { expectError } from '../helpers/assertions.js';

const MAX_SUB_USERS = 3;

describe('sub-users', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      SUB_USERS_MAX_PER_USER: String(MAX_SUB_USERS),
      LLM_MODELS: 'gpt-4,claude-3,gpt-3.5-turbo',
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  it('creates a sub-user that signs in through the normal auth endpoints', async () => {
    const parent = await registerAndLogin(app);
    const email = uniqueEmail('sub');
    const res = await app.request
      .post('/sub-users')
      .set(parent.auth)
      .send({
        email: email.toUpperCase(),
        password: TEST_PASSWORD,
        name: 'Intern',
        permissions: { models: ['gpt-3.5-turbo', 'gpt-3.5-turbo'], can_create_api_keys: true },
        limits: { monthly_tokens: 5000, requests_per_minute: 5 },
      });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      name: 'Intern',
      is_active: true,
      parent_user_id: parent.user.id,
      permissions: { models: ['gpt-3.5-turbo'], can_create_api_keys: true },
      limits: { monthly_tokens: 5000, requests_per_minute: 5 },
      created_at: expect.any(String),
      last_login_at: null,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash/);

    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const me = await app.request.get('/auth/me').set('Authorization', `Bearer ${login.body.access_token}`);
    expect(me.body).toMatchObject({
      id: res.body.id,
      email,
      is_sub_user: true,
      parent_user_id: parent.user.id,
      role: 'user',
      monthly_limit: 5000,
    });
    const form = await app.request.post('/auth/login').type('form').send({ username: email, password: TEST_PASSWORD });
    expect(form.status).toBe(200);

    // Role and parentage are not the client's to choose.
    const sneaky = await createSubUser(app, parent, {
      role: 'superadmin',
      parent_user_id: '0'.repeat(24),
      is_sub_user: false,
    });
    expect(await UserModel.findById(sneaky.id).lean()).toMatchObject({
      role: 'user',
      is_sub_user: true,
      parent_user_id: expect.anything(),
    });
    expect(sneaky.body.parent_user_id).toBe(parent.user.id);
    const defaults = await createSubUser(app, parent);
    expect(defaults.body).toMatchObject({
      permissions: { models: null, can_create_api_keys: false },
      limits: { monthly_tokens: null, requests_per_minute: null },
    });
  });

  it('refuses bad input with a 400 and creates nothing', async () => {
    const parent = await registerAndLogin(app);
    const ok = { email: uniqueEmail('sub'), password: TEST_PASSWORD };
    const bad: Array<[object, string]> = [
      [{ ...ok, email: 'nope' }, 'validation_error'],
      [{ ...ok, password: 'short' }, 'validation_error'],
      [{ ...ok, password: 'é'.repeat(40) }, 'validation_error'],
      [{ email: ok.email }, 'validation_error'],
      [{ ...ok, permissions: { models: ['gpt-9'] } }, 'unknown_model'],
      [{ ...ok, permissions: { models: [] } }, 'validation_error'],
      [{ ...ok, permissions: { models: 'gpt-4' } }, 'validation_error'],
      [{ ...ok, permissions: { can_create_api_keys: 'yes' } }, 'validation_error'],
      [{ ...ok, limits: { monthly_tokens: -5 } }, 'validation_error'],
      [{ ...ok, limits: { monthly_tokens: 1.5 } }, 'validation_error'],
      [{ ...ok, limits: { requests_per_minute: 0 } }, 'validation_error'],
    ];
    for (const [body, code] of bad)
      expectError(await app.request.post('/sub-users').set(parent.auth).send(body), 400, code);
    expect((await app.request.get('/sub-users').set(parent.auth)).body.data).toEqual([]);
    expect(await UserModel.countDocuments({ email: ok.email })).toBe(0);
  });

  it('refuses an email that is already registered (409)', async () => {
    const parent = await registerAndLogin(app);
    const other = await registerAndLogin(app);
    expectError(
      await app.request.post('/sub-users').set(parent.auth).send({ email: other.email, password: TEST_PASSWORD }),
      409,
      'email_taken',
    );
    const sub = await createSubUser(app, parent);
    expectError(
      await app.request.post('/sub-users').set(parent.auth).send({ email: sub.email, password: TEST_PASSWORD }),
      409,
      'email_taken',
    );
  });

  it('shows a parent only its own sub-users; any other id answers 404', async () => {
    const [parent, other] = await Promise.all([registerAndLogin(app), registerAndLogin(app)]);
    const mine = await createSubUser(app, parent);
    const theirs = await createSubUser(app, other);
    const list = await app.request.get('/sub-users').set(parent.auth);
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    for (const id of [theirs.id, other.user.id, parent.user.id, '0'.repeat(24), 'garbage']) {
      for (const call of [
        app.request.get(`/sub-users/${id}`),
        app.request.patch(`/sub-users/${id}`).send({ name: 'x' }),
        app.request.delete(`/sub-users/${id}`),
        app.request.get(`/sub-users/${id}/usage`),
      ]) {
        const res = await call.set(parent.auth);
        expectError(res, 404, 'not_found');
        expect(res.body.error.message).toBe('Sub-user not found');
      }
    }
    expect((await app.request.get(`/sub-users/${theirs.id}`).set(other.auth)).body.email).toBe(theirs.email);
  });

  it('keeps a sub-user from managing sub-users or organizations (403)', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const sibling = await createSubUser(app, parent);
    for (const call of [
      app.request.post('/sub-users').send({ email: uniqueEmail(), password: TEST_PASSWORD }),
      app.request.get('/sub-users'),
      app.request.get(`/sub-users/${sibling.id}`),
      app.request.get(`/sub-users/${sub.id}/usage`),
      app.request.delete(`/sub-users/${sibling.id}`),
      app.request.post('/organizations').send({ name: 'x' }),
    ])
      expectError(await call.set(sub.auth), 403, 'sub_user_forbidden');
    expect((await app.request.get(`/sub-users/${sibling.id}`).set(parent.auth)).status).toBe(200);
    const me = await app.request.get('/auth/me').set(sub.auth);
    expect(me.body.id).toBe(sub.id);
  });

  it('updates name, permissions and limits key by key (null clears)', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent, {
      permissions: { models: ['gpt-4'] },
      limits: { monthly_tokens: 100, requests_per_minute: 3 },
    });
    const res = await app.request
      .patch(`/sub-users/${sub.id}`)
      .set(parent.auth)
      .send({
        name: 'Renamed',
        permissions: { can_create_api_keys: true },
        limits: { requests_per_minute: null },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed',
      permissions: { models: ['gpt-4'], can_create_api_keys: true },
      limits: { monthly_tokens: 100, requests_per_minute: null },
    });
    const cleared = await app.request
      .patch(`/sub-users/${sub.id}`)
      .set(parent.auth)
      .send({ permissions: { models: null } });
    expect(cleared.body.permissions).toEqual({ models: null, can_create_api_keys: true });
    expectError(
      await app.request
        .patch(`/sub-users/${sub.id}`)
        .set(parent.auth)
        .send({ permissions: { models: ['gpt-5'] } }),
      400,
      'unknown_model',
    );
    expectError(await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({}), 400);
    expectError(await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: 'no' }), 400);
    expect((await app.request.get(`/sub-users/${sub.id}`).set(parent.auth)).body.permissions.models).toBeNull();
    // Still signed in: nothing here touches the sub-user's sessions.
    expect((await app.request.get('/auth/me').set(sub.auth)).status).toBe(200);
  });

  it('disabling signs the sub-user out everywhere; enabling lets it sign in again', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const key = await seedKey(sub.id);
    const off = await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: false });
    expect(off.body.is_active).toBe(false);
    expectError(await app.request.get('/auth/me').set(sub.auth), 401);
    expectError(await app.request.post('/auth/refresh').send({ refresh_token: sub.refreshToken }), 401);
    expectError(await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD }), 401);
    expect(await app.redis.get(key.cacheKey)).toBe(STALE);
    await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: true });
    const again = await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD });
    expect(again.status).toBe(200);
    // The old session stays dead.
    expectError(await app.request.get('/auth/me').set(sub.auth), 401);
  });

  it('never lets a parent re-enable a sub-user an administrator deactivated (403), not even by disabling it first', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const admin = await registerAndLogin(app);
    await UserModel.updateOne({ _id: admin.user.id }, { $set: { role: 'admin' } });
    expect((await app.request.patch(`/admin/users/${sub.id}`).set(admin.auth).send({ is_active: false })).status).toBe(
      200,
    );
    expectError(
      await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: true }),
      403,
      'deactivated_by_admin',
    );
    expect((await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: false })).status).toBe(
      200,
    );
    expectError(
      await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: true }),
      403,
      'deactivated_by_admin',
    );
    expect((await UserModel.findById(sub.id).lean())?.is_active).toBe(false);
    expectError(await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD }), 401);
    // The parent still manages everything else, and an administrator can lift the block.
    expect((await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ name: 'Held' })).status).toBe(200);
    expect((await app.request.patch(`/admin/users/${sub.id}`).set(admin.auth).send({ is_active: true })).status).toBe(
      200,
    );
    expect(
      (await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
    expect((await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: false })).status).toBe(
      200,
    );
    expect((await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ is_active: true })).status).toBe(
      200,
    );
  });

  it('a new password set by the parent replaces the old one and ends old sessions', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    expect(
      (await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);
    expectError(await app.request.get('/auth/me').set(sub.auth), 401);
    expectError(await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD }), 401);
    expect(
      (await app.request.post('/auth/login-json').send({ email: sub.email, password: 'a brand new passphrase' }))
        .status,
    ).toBe(200);
  });

  it('deleting a sub-user ends its sessions, revokes its keys and frees its email', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const key = await seedKey(sub.id);
    expect((await app.request.delete(`/sub-users/${sub.id}`).set(parent.auth)).status).toBe(204);
    expectError(await app.request.get(`/sub-users/${sub.id}`).set(parent.auth), 404);
    expectError(await app.request.delete(`/sub-users/${sub.id}`).set(parent.auth), 404);
    expectError(await app.request.get('/auth/me').set(sub.auth), 401);
    expectError(await app.request.post('/auth/refresh').send({ refresh_token: sub.refreshToken }), 401);
    expectError(await app.request.post('/auth/login-json').send({ email: sub.email, password: TEST_PASSWORD }), 401);
    expect((await ApiKeyModel.findById(key.id).lean())!.revoked_at).toBeInstanceOf(Date);
    expect(await app.redis.get(key.cacheKey)).toBe(STALE);
    expect((await app.request.post('/auth/register').send({ email: sub.email, password: TEST_PASSWORD })).status).toBe(
      201,
    );
  });

  it('limits how many sub-users a user has, even when created all at once', async () => {
    const parent = await registerAndLogin(app);
    const results = await Promise.all(
      Array.from({ length: MAX_SUB_USERS + 3 }, () =>
        app.request
          .post('/sub-users')
          .set(parent.auth)
          .send({ email: uniqueEmail('sub'), password: TEST_PASSWORD }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_SUB_USERS);
    for (const r of results.filter((x) => x.status !== 201)) expectError(r, 403, 'sub_user_limit_reached');
    expect((await app.request.get('/sub-users').set(parent.auth)).body.data).toHaveLength(MAX_SUB_USERS);
  });

  it('reports usage with no requests yet as zeros', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 300 } });
    const usage = await app.request.get(`/sub-users/${sub.id}/usage`).set(parent.auth);
    expect(usage.status).toBe(200);
    expect(usage.body).toEqual({
      sub_user_id: sub.id,
      period: {
        tokens_used: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        requests: 0,
        reset_date: expect.any(String),
        by_model: [],
      },
      total: { tokens_used: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 },
      cap: { limit: 300, used: 0, reserved: 0, remaining: 300 },
    });
  });

  async function seedKey(userId: string) {
    const key = `aic_${randomBytes(24).toString('base64url')}`;
    const keyHash = createHash('sha256').update(key).digest('hex');
    const doc = await ApiKeyModel.create({
      user_id: userId,
      name: 'k',
      key_hash: keyHash,
      prefix: key.slice(0, 8),
      last4: key.slice(-4),
    });
    const cacheKey = apiKeyCacheKey(app.config.REDIS_PREFIX, keyHash);
    await app.redis.set(cacheKey, '{}', 'EX', 60);
    return { id: doc._id.toString(), cacheKey };
  }
});
