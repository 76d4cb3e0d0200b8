import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { authEpochKey } from '../../queues/index.js';
import { UserModel } from '../../src/models/user.js';
import { userWithRole } from '../factories/accounts.js';
import { createSubUser, addMember, createOrganization } from '../factories/teams.js';
import { registerAndLogin, TEST_PASSWORD } from '../factories/users.js';
import { chatBody, llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { startSecondInstance } from '../helpers/second-instance.js';

type Auth = Record<string, string>;
type Instance = { request: LlmEnv['app']['request'] };

/**
 * The LLM routes' credential cache (principal and payer remembered in process, validated by auth epochs in Redis)
 * is on here. Every revocation must refuse the very next request, on both API instances, even though both had
 * the credential cached.
 */
describe('LLM credential cache: revocation is immediate on every instance', () => {
  let env: LlmEnv;
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  let admin: Awaited<ReturnType<typeof userWithRole>>;

  beforeAll(async () => {
    env = await startLlmEnv({ LLM_AUTH_CACHE_MS: '60000', API_KEY_ROTATION_OVERLAP_SECONDS: '0' });
    second = await startSecondInstance(env.app);
    admin = await userWithRole(env.app, 'admin');
  });
  afterAll(async () => {
    await second?.stop();
    await env?.stop();
  });

  const instances = (): Instance[] => [env.app, second];
  const chat = (on: Instance, auth: Auth, model = 'gpt-4') =>
    on.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('hello', { model, max_tokens: 3 }));

  /** Three served requests on each instance: the first creates the epochs, the second is remembered, the third is a hit. */
  async function warm(auth: Auth, model = 'gpt-4') {
    for (const on of instances()) {
      for (let i = 0; i < 3; i += 1) expect((await chat(on, auth, model)).status).toBe(200);
    }
  }
  async function expectRefusedEverywhere(auth: Auth, status: number, code: string, model = 'gpt-4') {
    for (const on of instances()) {
      const res = await chat(on, auth, model);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
  }
  async function apiKey(auth: Auth, body: Record<string, unknown> = {}) {
    const res = await env.app.request
      .post('/api-keys')
      .set(auth)
      .send({ name: 'k', scopes: ['llm'], ...body });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, auth: { Authorization: `Bearer ${res.body.key as string}` } };
  }

  it('serves from the cache (a write that bypasses the hooks is not seen) until the epoch disappears from Redis (data loss -> full lookup)', async () => {
    const user = await llmUser(env.app);
    const key = await apiKey(user.auth);
    await warm(user.auth);
    await warm(key.auth);
    // Straight to the collection: no mongoose middleware, so no epoch bump. Only a cache can still let it through.
    await UserModel.collection.updateOne({ _id: new Types.ObjectId(user.user.id) }, { $set: { is_active: false } });
    for (const on of instances()) {
      expect((await chat(on, user.auth)).status).toBe(200);
      expect((await chat(on, key.auth)).status).toBe(200);
    }
    await env.app.redis.del(authEpochKey(env.app.config.REDIS_PREFIX, `users:${user.user.id}`));
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
    await expectRefusedEverywhere(key.auth, 401, 'invalid_api_key');
  });

  it('logout revokes the session: its access token is refused on the next request', async () => {
    const user = await llmUser(env.app);
    await warm(user.auth);
    expect((await env.app.request.post('/auth/logout').send({ refresh_token: user.refreshToken })).status).toBeLessThan(
      300,
    );
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
  });

  it('a replayed refresh token revokes the family: the access token of that session is refused', async () => {
    const user = await llmUser(env.app);
    await warm(user.auth);
    // Spent, and its child spent too: an older ancestor, a replay even within the reuse grace window.
    const child = await env.app.request.post('/auth/refresh').send({ refresh_token: user.refreshToken });
    expect(child.status).toBe(200);
    expect((await env.app.request.post('/auth/refresh').send({ refresh_token: child.body.refresh_token })).status).toBe(
      200,
    );
    const replay = await env.app.request.post('/auth/refresh').send({ refresh_token: user.refreshToken });
    expect(replay.body.error.code).toBe('refresh_token_reused');
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
  });

  it('a password change signs out the old access token', async () => {
    const user = await llmUser(env.app);
    await warm(user.auth);
    const changed = await env.app.request
      .post('/users/me/password')
      .set(user.auth)
      .send({ current_password: TEST_PASSWORD, new_password: 'another good passphrase' });
    expect(changed.status).toBe(200);
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
  });

  it('admin deactivation stops the access token and the API key', async () => {
    const user = await llmUser(env.app);
    const key = await apiKey(user.auth);
    await warm(user.auth);
    await warm(key.auth);
    expect(
      (await env.app.request.patch(`/admin/users/${user.user.id}`).set(admin.auth).send({ is_active: false })).status,
    ).toBe(200);
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
    await expectRefusedEverywhere(key.auth, 401, 'invalid_api_key');
  });

  it('self-deactivation (DELETE /users/me) stops the access token and the API key', async () => {
    const user = await llmUser(env.app);
    const key = await apiKey(user.auth);
    await warm(user.auth);
    await warm(key.auth);
    expect(
      (await env.app.request.delete('/users/me').set(user.auth).send({ password: TEST_PASSWORD })).status,
    ).toBeLessThan(300);
    await expectRefusedEverywhere(user.auth, 401, 'invalid_token');
    await expectRefusedEverywhere(key.auth, 401, 'invalid_api_key');
  });

  it('a tier change is seen on the next request (pro model refused after the downgrade)', async () => {
    const user = await llmUser(env.app, { tier: 'pro' });
    const key = await apiKey(user.auth);
    await warm(user.auth);
    await warm(key.auth);
    expect(
      (await env.app.request.patch(`/admin/users/${user.user.id}`).set(admin.auth).send({ subscription_tier: 'free' }))
        .status,
    ).toBe(200);
    await expectRefusedEverywhere(user.auth, 403, 'model_not_allowed');
    await expectRefusedEverywhere(key.auth, 403, 'model_not_allowed');
  });

  it('a sub-user stops when its parent is deactivated', async () => {
    const parent = await llmUser(env.app);
    const sub = await createSubUser(env.app, parent);
    await warm(sub.auth);
    expect(
      (await env.app.request.patch(`/admin/users/${parent.user.id}`).set(admin.auth).send({ is_active: false })).status,
    ).toBe(200);
    await expectRefusedEverywhere(sub.auth, 403, 'parent_inactive');
  });

  it('a deleted API key is refused on the next request', async () => {
    const user = await llmUser(env.app);
    const key = await apiKey(user.auth);
    await warm(key.auth);
    expect((await env.app.request.delete(`/api-keys/${key.id}`).set(user.auth)).status).toBeLessThan(300);
    await expectRefusedEverywhere(key.auth, 401, 'invalid_api_key');
    for (const on of instances()) expect((await chat(on, user.auth)).status).toBe(200);
  });

  it('a key rotated past its overlap (0 s here) is refused on the next request; its successor works', async () => {
    const user = await llmUser(env.app);
    const key = await apiKey(user.auth);
    await warm(key.auth);
    const rotated = await env.app.request.post(`/api-keys/${key.id}/rotate`).set(user.auth).send({});
    expect(rotated.status).toBe(201);
    await expectRefusedEverywhere(key.auth, 401, 'invalid_api_key');
    for (const on of instances())
      expect((await chat(on, { Authorization: `Bearer ${rotated.body.key as string}` })).status).toBe(200);
  });

  it('a removed organization member can no longer charge the organization (X-Organization-Id)', async () => {
    const owner = await registerAndLogin(env.app);
    const member = await llmUser(env.app);
    const orgId = await createOrganization(env.app, owner);
    await addMember(env.app, owner, orgId, member);
    const inOrg = { ...member.auth, 'X-Organization-Id': orgId };
    await warm(inOrg, 'gpt-3.5-turbo');
    expect(
      (await env.app.request.delete(`/organizations/${orgId}/members/${member.user.id}`).set(owner.auth)).status,
    ).toBeLessThan(300);
    await expectRefusedEverywhere(inOrg, 404, 'not_found', 'gpt-3.5-turbo');
    // Still served on their own account.
    for (const on of instances()) expect((await chat(on, member.auth)).status).toBe(200);
  });
});
