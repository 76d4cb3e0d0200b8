import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startSecondInstance } from '../helpers/second-instance.js';
import { waitFor } from '../helpers/wait.js';
import { registerAndLogin } from '../factories/users.js';
import { organizationWith, subUserOf, userWithRole } from '../factories/accounts.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { UserModel } from '../../src/models/user.js';
import { createAuthenticate } from '../../src/middleware/authenticate.js';
import { createAccessTokens } from '../../src/modules/auth/access-tokens.js';
import { createApiKeyCache } from '../../src/modules/api-keys/cache.js';
import { createApiKeyResolver } from '../../src/modules/api-keys/resolver.js';
import { checksumOf, generateApiKey, hashApiKey } from '../../src/modules/api-keys/format.js';
import { requirePrincipal } from '../../src/lib/http/principal.js';
import { resolvePayer } from '../../src/domain/plans/payer.js';
import { errorHandler } from '../../src/middleware/error-handler.js';
import { createApp } from '../../src/app.js';
import { createLocks, type Locks } from '../../src/lib/locks.js';
import { apiKeyCacheKey, lockKey } from '../../queues/index.js';
import { createApiKeyService } from '../../src/modules/api-keys/service.js';
import { createLogger } from '../../src/lib/logger.js';

const OVERLAP_SECONDS = 3;

describe('API keys', () => {
  let app: TestApp;
  let second: Awaited<ReturnType<typeof startSecondInstance>>;
  beforeAll(async () => {
    app = await startTestApp({ API_KEY_ROTATION_OVERLAP_SECONDS: String(OVERLAP_SECONDS), API_KEY_MAX_PER_USER: '12' });
    second = await startSecondInstance(app);
  });
  afterAll(async () => {
    await second.stop();
    await app.stop();
  });

  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const cacheKey = (key: string) => apiKeyCacheKey(app.config.REDIS_PREFIX, hashApiKey(key));

  async function createKey(auth: Record<string, string>, body: Record<string, unknown> = { name: 'laptop' }) {
    const res = await app.request.post('/api-keys').set(auth).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as {
      id: string;
      key: string;
      prefix: string;
      last4: string;
      scopes: string[];
      organization_id: string | null;
    };
  }

  /** A route accepting keys with the llm scope, built from the same pieces app.ts wires (the LLM routes are built elsewhere). */
  function llmProbe() {
    const cache = createApiKeyCache({
      redis: app.redis,
      prefix: app.config.REDIS_PREFIX,
      ttlSeconds: app.config.API_KEY_CACHE_SECONDS,
    });
    const authenticate = createAuthenticate({
      accessTokens: createAccessTokens({
        secret: app.config.JWT_SECRET_KEY,
        issuer: app.config.JWT_ISSUER,
        audience: app.config.JWT_AUDIENCE,
        ttlSeconds: 60,
      }),
      resolveApiKey: createApiKeyResolver({ redis: app.redis, prefix: app.config.REDIS_PREFIX, cache }),
    });
    const probe = express();
    probe.get('/v1/models', authenticate.scoped('llm'), async (req, res) => {
      const payer = await resolvePayer(app.config, requirePrincipal(req));
      res.json({ via: requirePrincipal(req).via, payer: payer.payer, api_key_id: payer.api_key_id });
    });
    probe.use(errorHandler);
    return supertest(probe);
  }

  it('creates a key shown once, stores only its SHA-256 and never lists the key or the hash', async () => {
    const owner = await registerAndLogin(app);
    const created = await createKey(owner.auth, { name: 'laptop', scopes: ['llm', 'usage:read'] });
    expect(created.key).toMatch(/^aic_[0-9A-Za-z]{38}$/);
    expect(created.key.slice(-6)).toBe(checksumOf(created.key.slice(0, -6)));
    expect(created).toMatchObject({
      name: 'laptop',
      prefix: created.key.slice(0, 8),
      last4: created.key.slice(-4),
      scopes: ['llm', 'usage:read'],
      expires_at: null,
    });

    const stored = await ApiKeyModel.findById(created.id).lean();
    expect(stored!.key_hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(stored)).not.toContain(created.key);

    const list = await app.request.get('/api-keys').set(owner.auth);
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      id: created.id,
      prefix: created.prefix,
      last4: created.last4,
      status: 'active',
      last_used_at: null,
    });
    expect(list.body.data[0].created_at).toMatch(/^\d{4}-/);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(stored!.key_hash);
    expect(list.body.data[0].key).toBeUndefined();
  });

  it('rejects bad input with 400 and changes nothing', async () => {
    const owner = await registerAndLogin(app);
    for (const body of [
      {},
      { name: '' },
      { name: 'x', scopes: ['root'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['llm', 'llm'] },
      { name: 'x', expires_at: '2001-01-01T00:00:00Z' },
      { name: 'x', expires_at: 'tomorrow' },
      { name: 'x', extra: 1 },
      { name: { $gt: '' } },
    ]) {
      const res = await app.request.post('/api-keys').set(owner.auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.type).toBe('invalid_request_error');
    }
    expect(await ApiKeyModel.countDocuments({ user_id: owner.user.id })).toBe(0);
  });

  it('authenticates the LLM routes with an llm-scoped key, and refuses keys without the scope', async () => {
    const owner = await registerAndLogin(app);
    const llm = await createKey(owner.auth, { name: 'llm', scopes: ['llm'] });
    const readOnly = await createKey(owner.auth, { name: 'reader', scopes: ['usage:read'] });
    const probe = llmProbe();
    const ok = await probe.get('/v1/models').set(bearer(llm.key));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ via: 'api_key', payer: { type: 'user', id: owner.user.id }, api_key_id: llm.id });
    const refused = await probe.get('/v1/models').set(bearer(readOnly.key));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_scope');
    expect((await probe.get('/v1/models').set(owner.auth)).status).toBe(200);
  });

  it('lets a key read what its scopes allow and nothing that changes the account', async () => {
    const owner = await registerAndLogin(app);
    const all = await createKey(owner.auth);
    expect(all.scopes.sort()).toEqual(['account:read', 'llm', 'usage:read']);
    const me = await app.request.get('/users/me').set(bearer(all.key));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(owner.email);

    const llmOnly = await createKey(owner.auth, { name: 'llm', scopes: ['llm'] });
    expect((await app.request.get('/users/me').set(bearer(llmOnly.key))).body.error.code).toBe('insufficient_scope');

    for (const [method, path] of [
      ['patch', '/users/me'],
      ['post', '/api-keys'],
      ['get', '/api-keys'],
      ['delete', `/api-keys/${all.id}`],
      ['post', '/users/me/password'],
    ] as const) {
      const res = await app.request[method](path).set(bearer(all.key)).send({ name: 'x' });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('api_key_not_allowed');
    }
    const admin = await userWithRole(app, 'admin');
    const adminKey = await createKey(admin.auth);
    expect((await app.request.get('/admin/users').set(bearer(adminKey.key))).status).toBe(403);
  });

  it('rejects a bad checksum without a lookup, and an unknown well-formed key after one', async () => {
    const owner = await registerAndLogin(app);
    const { key } = await createKey(owner.auth);
    const typo = `${key.slice(0, 10)}${key[10] === 'a' ? 'b' : 'a'}${key.slice(11)}`;
    const res = await app.request.get('/users/me').set(bearer(typo));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_api_key');
    expect(await app.redis.exists(cacheKey(typo))).toBe(0);

    const forged = generateApiKey().key;
    expect((await app.request.get('/users/me').set(bearer(forged))).status).toBe(401);
    expect(await app.redis.get(cacheKey(forged))).toBe('missing');
  });

  it('records last use at most once a minute', async () => {
    const owner = await registerAndLogin(app);
    const { id, key } = await createKey(owner.auth);
    expect((await app.request.get('/users/me').set(bearer(key))).status).toBe(200);
    const first = (await ApiKeyModel.findById(id).lean())!.last_used_at;
    expect(first).toBeInstanceOf(Date);
    expect((await second.request.get('/users/me').set(bearer(key))).status).toBe(200);
    expect((await ApiKeyModel.findById(id).lean())!.last_used_at!.getTime()).toBe(first!.getTime());
    const listed = (await app.request.get('/api-keys').set(owner.auth)).body.data.find(
      (k: { id: string }) => k.id === id,
    );
    expect(listed.last_used_at).toBe(first!.toISOString());
  });

  it('stops a revoked key on the next request on every API instance, even while requests race the revocation', async () => {
    const owner = await registerAndLogin(app);
    const { id, key } = await createKey(owner.auth);
    expect((await app.request.get('/users/me').set(bearer(key))).status).toBe(200);
    expect((await second.request.get('/users/me').set(bearer(key))).status).toBe(200);
    expect(await app.redis.get(cacheKey(key))).toContain(id);

    const racing = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? app : second).request.get('/users/me').set(bearer(key)),
    );
    const revoked = await app.request.delete(`/api-keys/${id}`).set(owner.auth);
    expect(revoked.status).toBe(204);
    const raced = await Promise.all(racing);
    expect(raced.every((r) => r.status === 200 || r.status === 401)).toBe(true);

    const after = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? app : second).request.get('/users/me').set(bearer(key))),
    );
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(401));
    expect((await app.request.get('/api-keys').set(owner.auth)).body.data).toEqual([]);
    expect((await app.request.delete(`/api-keys/${id}`).set(owner.auth)).status).toBe(404);
  });

  it('rotates: one successor under concurrency, the old key lives for the overlap and then stops', async () => {
    const owner = await registerAndLogin(app);
    const old = await createKey(owner.auth, { name: 'ci', scopes: ['llm', 'account:read'] });
    expect((await second.request.get('/users/me').set(bearer(old.key))).status).toBe(200);

    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => app.request.post(`/api-keys/${old.id}/rotate`).set(owner.auth).send({})),
    );
    const winners = attempts.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409).every((r) => r.body.error.code === 'key_already_rotated')).toBe(
      true,
    );
    const rotated = winners[0]!.body;
    expect(rotated).toMatchObject({ name: 'ci', scopes: ['llm', 'account:read'], replaced: { id: old.id } });
    expect(rotated.key).not.toBe(old.key);
    expect(await ApiKeyModel.countDocuments({ user_id: owner.user.id })).toBe(2);

    expect((await second.request.get('/users/me').set(bearer(old.key))).status).toBe(200);
    expect((await second.request.get('/users/me').set(bearer(rotated.key))).status).toBe(200);
    const listed = (await app.request.get('/api-keys').set(owner.auth)).body.data;
    expect(listed.find((k: { id: string }) => k.id === old.id)).toMatchObject({
      status: 'rotating',
      rotation_ends_at: rotated.replaced.valid_until,
    });

    const status = await waitFor(
      async () => {
        const { status } = await second.request.get('/users/me').set(bearer(old.key));
        return status !== 200 && status;
      },
      'the old key to stop working after the overlap',
      (OVERLAP_SECONDS + 10) * 1000,
      250,
    );
    expect(status).toBe(401);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(rotated.replaced.valid_until));
    expect((await app.request.get('/users/me').set(bearer(rotated.key))).status).toBe(200);
    expect((await app.request.get('/api-keys').set(owner.auth)).body.data.map((k: { id: string }) => k.id)).toEqual([
      rotated.id,
    ]);
  });

  it('a rotation that outlived its lock leaves the lock of the rotation that took it over', async () => {
    const owner = await registerAndLogin(app);
    const key = await createKey(owner.auth, { name: 'slow' });
    const prefix = app.config.REDIS_PREFIX;
    const real = createLocks({ redis: app.redis, prefix });
    let arrived!: () => void;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    // The slow holder stops under its rotation lock, where it takes the key cap's lock, until the test resumes it.
    const locks: Pick<Locks, 'withLock'> = {
      withLock: async (name, work, options) => {
        if (name.startsWith('apikeys:create:')) {
          arrived();
          await resumed;
        }
        return real.withLock(name, work, options);
      },
    };
    const service = createApiKeyService({
      config: app.config,
      cache: createApiKeyCache({ redis: app.redis, prefix, ttlSeconds: app.config.API_KEY_CACHE_SECONDS }),
      locks,
    });
    const user = await UserModel.findById(owner.user.id);
    const slow = service.rotate(user!, key.id);
    await inside;
    const lock = lockKey(prefix, `apikey-rotate:${key.id}`);
    expect(await app.redis.exists(lock)).toBe(1);
    // Its lock lapses (the holder was slower than the TTL) and the next rotation takes it.
    await app.redis.del(lock);
    expect(await app.redis.set(lock, 'successor', 'PX', 30_000, 'NX')).toBe('OK');
    resume();
    await slow;
    expect(await app.redis.get(lock)).toBe('successor');
    await app.redis.del(lock);
  });

  it('rotates with no overlap when asked (a leaked key), never longer than configured', async () => {
    const owner = await registerAndLogin(app);
    const leaked = await createKey(owner.auth);
    expect((await app.request.get('/users/me').set(bearer(leaked.key))).status).toBe(200);
    const res = await app.request.post(`/api-keys/${leaked.id}/rotate`).set(owner.auth).send({ overlap_seconds: 0 });
    expect(res.status).toBe(201);
    expect((await second.request.get('/users/me').set(bearer(leaked.key))).status).toBe(401);
    expect((await second.request.get('/users/me').set(bearer(res.body.key))).status).toBe(200);

    const long = await app.request
      .post(`/api-keys/${res.body.id}/rotate`)
      .set(owner.auth)
      .send({ overlap_seconds: 86_400 });
    expect(Date.parse(long.body.replaced.valid_until) - Date.now()).toBeLessThanOrEqual(OVERLAP_SECONDS * 1000);
    expect(
      (await app.request.post(`/api-keys/${res.body.id}/rotate`).set(owner.auth).send({ overlap_seconds: -1 })).status,
    ).toBe(400);
  });

  it('rejects expired keys', async () => {
    const owner = await registerAndLogin(app);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const key = await createKey(owner.auth, { name: 'short', expires_at: future });
    expect(Date.parse((key as unknown as { expires_at: string }).expires_at)).toBe(Date.parse(future));
    await ApiKeyModel.updateOne({ _id: key.id }, { $set: { expires_at: new Date(Date.now() - 1000) } });
    expect((await app.request.get('/users/me').set(bearer(key.key))).status).toBe(401);
    expect((await app.request.get('/api-keys').set(owner.auth)).body.data[0].status).toBe('expired');
    expect((await app.request.post(`/api-keys/${key.id}/rotate`).set(owner.auth).send({})).body.error.code).toBe(
      'key_expired',
    );
  });

  it("answers 404 for another user's key, a malformed id, and a sub-user reaching its parent's keys", async () => {
    const owner = await registerAndLogin(app);
    const stranger = await registerAndLogin(app);
    const { id, key } = await createKey(owner.auth);
    const sub = await subUserOf(app, owner.user.id, { can_create_api_keys: true });
    for (const who of [stranger, sub]) {
      expect((await app.request.delete(`/api-keys/${id}`).set(who.auth)).status).toBe(404);
      const rotate = await app.request.post(`/api-keys/${id}/rotate`).set(who.auth).send({});
      expect(rotate.status).toBe(404);
      expect(rotate.body.error.type).toBe('not_found_error');
      expect((await app.request.get('/api-keys').set(who.auth)).body.data).toEqual([]);
    }
    expect((await app.request.delete('/api-keys/not-an-id').set(owner.auth)).status).toBe(404);
    expect((await app.request.delete('/api-keys/000000000000000000000000').set(owner.auth)).status).toBe(404);
    expect((await app.request.get('/users/me').set(bearer(key))).status).toBe(200);
  });

  it('lets a sub-user create keys only with can_create_api_keys', async () => {
    const parent = await registerAndLogin(app);
    const denied = await subUserOf(app, parent.user.id, { can_create_api_keys: false });
    const res = await app.request.post('/api-keys').set(denied.auth).send({ name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('sub_user_cannot_create_keys');
    const allowed = await subUserOf(app, parent.user.id, { can_create_api_keys: true });
    const key = await createKey(allowed.auth);
    const payer = await llmProbe().get('/v1/models').set(bearer(key.key));
    expect(payer.body.payer).toEqual({ type: 'user', id: parent.user.id });
  });

  it("binds a key to an organization only for its members; such a key draws from the organization's pool", async () => {
    const owner = await registerAndLogin(app);
    const member = await registerAndLogin(app);
    const outsider = await registerAndLogin(app);
    const orgId = await organizationWith(owner.user.id, [member.user.id]);
    const bound = await createKey(member.auth, { name: 'team', organization_id: orgId });
    expect(bound.organization_id).toBe(orgId);
    const payer = await llmProbe().get('/v1/models').set(bearer(bound.key));
    expect(payer.status).toBe(200);
    expect(payer.body.payer).toEqual({ type: 'organization', id: orgId });

    for (const organization_id of [orgId, 'nope', '000000000000000000000000']) {
      const res = await app.request.post('/api-keys').set(outsider.auth).send({ name: 'x', organization_id });
      expect(res.status).toBe(404);
    }
  });

  it('caps the number of live keys per user', async () => {
    const owner = await registerAndLogin(app);
    for (let i = 0; i < 12; i += 1) await createKey(owner.auth, { name: `k${i}` });
    const res = await app.request.post('/api-keys').set(owner.auth).send({ name: 'one too many' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('too_many_api_keys');
  });

  it('never lets concurrent creations pass API_KEY_MAX_PER_USER (30 at once with a cap of 5 create exactly 5)', async () => {
    const owner = await registerAndLogin(app);
    const capped = createApp({
      config: { ...app.config, API_KEY_MAX_PER_USER: 5 },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const server = capped.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const client = supertest(server);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          client
            .post('/api-keys')
            .set(owner.auth)
            .send({ name: `race-${i}` }),
        ),
      );
      expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
      const refused = answers.filter((r) => r.status !== 201);
      expect(
        refused.every((r) => r.status === 409 && r.body.error.code === 'too_many_api_keys'),
        JSON.stringify(refused.map((r) => r.body)),
      ).toBe(true);
      expect(await ApiKeyModel.countDocuments({ user_id: owner.user.id, revoked_at: null })).toBe(5);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await capped.close();
    }
  });

  it('never lets overlapping rotations pass API_KEY_MAX_PER_USER: a key in its overlap counts as live', async () => {
    const owner = await registerAndLogin(app);
    const capped = createApp({
      config: { ...app.config, API_KEY_MAX_PER_USER: 4, API_KEY_ROTATION_OVERLAP_SECONDS: 600 },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const server = capped.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const liveKeys = async () =>
      (await ApiKeyModel.find({ user_id: owner.user.id, revoked_at: null }).lean()).filter(
        (k) => !k.rotated_at || k.rotated_at.getTime() > Date.now(),
      ).length;
    try {
      const client = supertest(server);
      let heads = [(await createKey(owner.auth, { name: 'a' })).id, (await createKey(owner.auth, { name: 'b' })).id];
      const refused: Array<{ status: number; body: { error: { code: string } } }> = [];
      for (let round = 0; round < 4; round += 1) {
        const answers = await Promise.all(
          heads.map((id) => client.post(`/api-keys/${id}/rotate`).set(owner.auth).send({})),
        );
        heads = answers.map((r, i) => (r.status === 201 ? (r.body.id as string) : heads[i]!));
        refused.push(...answers.filter((r) => r.status !== 201));
        expect(await liveKeys()).toBeLessThanOrEqual(4);
      }
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => r.status === 409 && r.body.error.code === 'too_many_api_keys')).toBe(true);
      // At the cap a rotation with no overlap still works: the old key stops at once, so nothing is added.
      const now = await client.post(`/api-keys/${heads[0]}/rotate`).set(owner.auth).send({ overlap_seconds: 0 });
      expect(now.status, JSON.stringify(now.body)).toBe(201);
      expect(await liveKeys()).toBe(4);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await capped.close();
    }
  });

  it('refuses rotation to a sub-user without can_create_api_keys', async () => {
    const parent = await registerAndLogin(app);
    const sub = await subUserOf(app, parent.user.id, { can_create_api_keys: true });
    const key = await createKey(sub.auth);
    await UserModel.updateOne({ _id: sub.user.id }, { $set: { 'sub_user_permissions.can_create_api_keys': false } });
    const res = await app.request.post(`/api-keys/${key.id}/rotate`).set(sub.auth).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('sub_user_cannot_create_keys');
    expect(await ApiKeyModel.countDocuments({ user_id: sub.user.id })).toBe(1);
    expect((await app.request.get('/users/me').set(bearer(key.key))).status).toBe(200);
  });

  it('lets a key with usage:read (a default scope) read the balance and the usage history; a key without it gets 403', async () => {
    const owner = await registerAndLogin(app);
    const byDefault = await createKey(owner.auth, { name: 'default scopes' });
    expect(byDefault.scopes).toContain('usage:read');
    const withToken = await app.request.get('/tokens/balance').set(owner.auth);
    expect(withToken.status).toBe(200);
    for (const path of ['/tokens/balance', '/tokens/usage', '/users/usage-stats']) {
      const res = await app.request.get(path).set(bearer(byDefault.key));
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const balance = await app.request.get('/tokens/balance').set(bearer(byDefault.key));
    expect(balance.body).toMatchObject({
      payer: { type: 'user', id: owner.user.id },
      monthly_limit: withToken.body.monthly_limit,
    });
    expect((await app.request.get('/tokens/usage').set(bearer(byDefault.key))).body).toMatchObject({
      object: 'list',
      data: [],
    });

    const llmOnly = await createKey(owner.auth, { name: 'llm only', scopes: ['llm'] });
    for (const path of ['/tokens/balance', '/tokens/usage', '/users/usage-stats']) {
      const res = await app.request.get(path).set(bearer(llmOnly.key));
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('insufficient_scope');
    }
  });
});
