import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jwt from 'jsonwebtoken';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from '../factories/users.js';
import { UserModel } from '../../src/models/user.js';

const UPSTREAM_KEY = 'sk-upstream-secret-never-to-clients-123';
let app: TestApp;

// Strict rotation: with the reuse grace window off, every second presentation of a refresh token is a replay.
// The window's own rules (and replays it still catches) are in test/integration/sessions.test.ts.
beforeAll(async () => {
  app = await startTestApp({ A4F_API_KEY: UPSTREAM_KEY, REFRESH_REUSE_GRACE_SECONDS: '0' });
});
afterAll(async () => {
  await app?.stop();
});

const me = (token: string) => app.request.get('/auth/me').set('Authorization', `Bearer ${token}`);
const refresh = (token: unknown) => app.request.post('/auth/refresh').send({ refresh_token: token });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  const claims = (sub: string, extra: object = {}) => ({
    sub,
    ver: 0,
    role: 'user',
    typ: 'access',
    iss: app.config.JWT_ISSUER,
    aud: app.config.JWT_AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
    ...extra,
  });
  const sign = (payload: object, secret = app.config.JWT_SECRET_KEY, algorithm: jwt.Algorithm = 'HS256') =>
    jwt.sign(payload, secret, { algorithm });

  it('accepts a well-formed token (control)', async () => {
    const { user } = await registerAndLogin(app);
    expect((await me(sign(claims(user.id)))).status).toBe(200);
  });

  it('refuses alg none, a tampered payload or signature, another secret and another algorithm', async () => {
    const { user, accessToken } = await registerAndLogin(app);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const forged = [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(user.id))}.`,
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims(user.id))}`,
      `${header}.${b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'superadmin' })}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      sign(claims(user.id), 'another-secret-of-sufficient-length-000000'),
      sign(claims(user.id), app.config.JWT_SECRET_KEY, 'HS512'),
      'not.a.jwt',
      'garbage',
    ];
    for (const token of forged) {
      const res = await me(token);
      expect(res.status, token).toBe(401);
      expectCleanError(res.body);
    }
  });

  it('refuses expired tokens, wrong issuer or audience, wrong type and missing claims', async () => {
    const { user } = await registerAndLogin(app);
    const expired = await me(sign(claims(user.id, { exp: Math.floor(Date.now() / 1000) - 10 })));
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('token_expired');
    for (const extra of [
      { iss: 'someone-else' },
      { aud: 'another-app' },
      { typ: 'refresh' },
      { typ: undefined },
      { ver: undefined },
      { sub: 'not-an-id' },
      { ver: 1 },
    ]) {
      expect((await me(sign(claims(user.id, extra)))).status, JSON.stringify(extra)).toBe(401);
    }
  });

  it('never accepts a refresh token as an access token', async () => {
    const { refreshToken } = await registerAndLogin(app);
    const res = await me(refreshToken);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('refresh tokens', () => {
  it('replaying a spent token revokes the whole family, including the newest tokens', async () => {
    const { refreshToken } = await registerAndLogin(app);
    const second = await refresh(refreshToken);
    expect(second.status).toBe(200);
    const third = await refresh(second.body.refresh_token);
    expect(third.status).toBe(200);
    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('refresh_token_reused');
    expect((await refresh(third.body.refresh_token)).status).toBe(401);
    expect((await me(third.body.access_token)).status).toBe(401);
  });

  it('lets exactly one of 10 concurrent refreshes of one token win', async () => {
    const { refreshToken } = await registerAndLogin(app);
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(refreshToken)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
    // The losers were replays of a spent token: the session is revoked, the winner's new token too.
    const winner = results.find((r) => r.status === 200)!;
    expect((await refresh(winner.body.refresh_token)).status).toBe(401);
  });

  it('logout revokes the session; logging out twice or with an unknown token is harmless', async () => {
    const { refreshToken, accessToken, email } = await registerAndLogin(app);
    const other = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect((await app.request.post('/auth/logout').send({ refresh_token: refreshToken })).status).toBe(204);
    expect((await refresh(refreshToken)).status).toBe(401);
    expect((await me(accessToken)).status).toBe(401);
    expect((await me(other.body.access_token)).status).toBe(200);
    expect((await app.request.post('/auth/logout').send({ refresh_token: refreshToken })).status).toBe(204);
    expect((await app.request.post('/auth/logout').send({ refresh_token: 'rt_unknown' })).status).toBe(204);
  });

  it('stops a deactivated user at once: access and refresh tokens', async () => {
    const { user, accessToken, refreshToken, email } = await registerAndLogin(app);
    await UserModel.updateOne({ _id: user.id }, { $set: { is_active: false } });
    expect((await me(accessToken)).status).toBe(401);
    expect((await refresh(refreshToken)).status).toBe(401);
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(401);
  });
});

describe('request bodies', () => {
  const endpoints = ['/auth/register', '/auth/login-json', '/auth/refresh', '/auth/logout', '/auth/oauth/exchange'];

  it('refuses operator injection with 400 on every auth endpoint', async () => {
    const { email } = await registerAndLogin(app);
    const attempts: Array<[string, object]> = [
      ['/auth/register', { email: { $gt: '' }, password: TEST_PASSWORD }],
      ['/auth/register', { email: uniqueEmail(), password: { $ne: null } }],
      ['/auth/login-json', { email: { $gt: '' }, password: TEST_PASSWORD }],
      ['/auth/login-json', { email, password: { $ne: 'x' } }],
      ['/auth/login-json', { email: { $regex: '.*' }, password: { $gt: '' } }],
      ['/auth/refresh', { refresh_token: { $gt: '' } }],
      ['/auth/refresh', { refresh_token: { $ne: null } }],
      ['/auth/logout', { refresh_token: { $exists: true } }],
    ];
    for (const [path, body] of attempts) {
      const res = await app.request.post(path).send(body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expectCleanError(res.body, 'validation_error');
      expect(res.body.access_token).toBeUndefined();
    }
    const form = await app.request.post('/auth/login').type('form').send(`username[$gt]=&password[$ne]=x`);
    expect(form.status).toBe(400);
  });

  it('answers 413 to oversized bodies and 400 to malformed or non-object ones, without stack traces', async () => {
    for (const path of endpoints) {
      const big = await app.request
        .post(path)
        .send({ email: 'a@b.co', password: 'x', refresh_token: 'y'.repeat(1_100_000) });
      expect(big.status, path).toBe(413);
      expectCleanError(big.body, 'payload_too_large');
      for (const raw of ['{"email":', '{"a":1,}', 'null', '"text"', '[1,2]', '{"__proto__":{"x":1}}']) {
        const res = await app.request.post(path).set('Content-Type', 'application/json').send(raw);
        expect(res.status, `${path} ${raw}`).toBe(400);
        expectCleanError(res.body);
        expect(res.headers['x-request-id']).toBeTruthy();
      }
      const notJson = await app.request.post(path).set('Content-Type', 'text/plain').send('hello');
      expect(notJson.status).toBe(415);
      expectCleanError(notJson.body, 'unsupported_media_type');
    }
    const gzip = await app.request
      .post('/auth/login-json')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('not gzip');
    expect(gzip.status).toBeGreaterThanOrEqual(400);
    expect(gzip.status).toBeLessThan(500);
  });
});

describe('sign-in', () => {
  it('answers an unknown email, a wrong password and a deactivated account identically', async () => {
    const { email } = await registerAndLogin(app);
    const disabled = await registerAndLogin(app);
    await UserModel.updateOne({ email: disabled.email }, { $set: { is_active: false } });
    const responses = [
      await app.request.post('/auth/login-json').send({ email: uniqueEmail('nobody'), password: TEST_PASSWORD }),
      await app.request.post('/auth/login-json').send({ email, password: 'wrong password!' }),
      await app.request.post('/auth/login-json').send({ email: disabled.email, password: TEST_PASSWORD }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(responses[0]!.body);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const form = await app.request
      .post('/auth/login')
      .type('form')
      .send({ username: uniqueEmail('nobody'), password: 'whatever1' });
    expect(form.body).toEqual(responses[0]!.body);
  });

  it('enforces the password policy: 8+ characters, at most 72 UTF-8 bytes, long passphrases allowed', async () => {
    const register = (password: string) =>
      app.request.post('/auth/register').send({ email: uniqueEmail('pw'), password });
    expect((await register('short12')).status).toBe(400);
    expect((await register('é'.repeat(37))).status).toBe(400); // 37 characters, 74 bytes
    expect((await register('a'.repeat(73))).status).toBe(400);
    expect((await register('12345678')).status).toBe(201);
    expect((await register('é'.repeat(36))).status).toBe(201); // 72 bytes exactly
    const passphrase = 'correct horse battery staple and a long sentence of 70 characters!!!!';
    expect(passphrase.length).toBeGreaterThanOrEqual(64);
    const { email } = await registerAndLogin(app, uniqueEmail('long'), passphrase);
    // bcrypt would match anything sharing the first 72 bytes: longer inputs must never sign in.
    const max = 'b'.repeat(72);
    const maxUser = await registerAndLogin(app, uniqueEmail('max'), max);
    expect(
      (await app.request.post('/auth/login-json').send({ email, password: `${passphrase}${'x'.repeat(10)}` })).status,
    ).toBe(401);
    expect(
      (await app.request.post('/auth/login-json').send({ email: maxUser.email, password: `${max}extra` })).status,
    ).toBe(401);
  });

  it('keeps emails unique case-insensitively, also under concurrent registration', async () => {
    const email = uniqueEmail('case');
    expect((await app.request.post('/auth/register').send({ email, password: TEST_PASSWORD })).status).toBe(201);
    const dup = await app.request
      .post('/auth/register')
      .send({ email: `  ${email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(dup.status).toBe(409);
    expectCleanError(dup.body, 'email_taken');
    const racing = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.request
          .post('/auth/register')
          .send({ email: i % 2 ? racing : racing.toUpperCase(), password: TEST_PASSWORD }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await UserModel.countDocuments({ email: racing })).toBe(1);
  });

  it('never sends the upstream key or a password hash to a client', async () => {
    const { auth, email } = await registerAndLogin(app);
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    const vscode = await app.request.get('/auth/vscode-config').set(auth);
    for (const body of [login.body, vscode.body, (await app.request.get('/auth/me').set(auth)).body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(UPSTREAM_KEY);
      expect(text).not.toMatch(/password_hash|\$2[aby]\$/);
    }
  });
});

describe('OAuth without provider configuration', () => {
  it('answers 503 for a known but unconfigured provider, before validating anything else', async () => {
    for (const provider of ['github', 'google']) {
      const res = await app.request.get(`/auth/oauth/${provider}`).redirects(0);
      expect(res.status).toBe(503);
      expectCleanError(res.body, 'oauth_provider_not_configured');
      expect((await app.request.get(`/auth/oauth/${provider}/callback?state=x&code=y`).redirects(0)).status).toBe(503);
    }
    expect((await app.request.get('/auth/oauth/gitlab').redirects(0)).status).toBe(404);
  });
});
