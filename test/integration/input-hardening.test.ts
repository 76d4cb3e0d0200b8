import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from '../factories/users.js';
import { createOrganization, createSubUser } from '../factories/teams.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { UserModel } from '../../src/models/user.js';

/** Defects found by the bad-input sweep (test/integration/bad-input-sweep.test.ts), one focused check each. */
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('request bodies in a type the route does not parse', () => {
  it('are refused with 415 instead of being ignored as an empty body', async () => {
    const owner = await registerAndLogin(app);
    const key = await app.request.post('/api-keys').set(owner.auth).send({ name: 'k' });
    expect(key.status).toBe(201);

    // Before: text/plain was never parsed, so the rotation ran with defaults and answered 201.
    const rotate = await app.request
      .post(`/api-keys/${key.body.id}/rotate`)
      .set(owner.auth)
      .set('Content-Type', 'text/plain')
      .send('{"overlap_seconds":0}');
    expect(rotate.status).toBe(415);
    expectCleanError(rotate.body, 'unsupported_media_type');
    expect((await ApiKeyModel.findById(key.body.id).lean())?.rotated_at ?? null).toBeNull();

    // Before: a form body was parsed and accepted by JSON-only routes.
    const form = await app.request.post('/api-keys').set(owner.auth).type('form').send({ name: 'from a form' });
    expect(form.status).toBe(415);
    expect(await ApiKeyModel.countDocuments({ user_id: owner.user.id })).toBe(1);

    const login = await app.request
      .post('/auth/login-json')
      .type('form')
      .send({ email: owner.email, password: TEST_PASSWORD });
    expect(login.status).toBe(415);
    expect(login.body.access_token).toBeUndefined();
  });

  it('still accepts JSON, the OAuth2 form on /auth/login, and bodiless POSTs', async () => {
    const owner = await registerAndLogin(app);
    expect(
      (await app.request.post('/auth/login').type('form').send({ username: owner.email, password: TEST_PASSWORD }))
        .status,
    ).toBe(200);
    expect(
      (await app.request.post('/auth/login').send({ username: owner.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
    expect((await app.request.post('/auth/login').set('Content-Type', 'text/plain').send('username=x')).status).toBe(
      415,
    );
    const key = await app.request
      .post('/api-keys')
      .set(owner.auth)
      .set('Content-Type', 'application/json; charset=utf-8')
      .send('{"name":"k"}');
    expect(key.status).toBe(201);
    // No body at all (Content-Length: 0, no Content-Type), as SDKs send a POST without arguments.
    const rotate = await app.request.post(`/api-keys/${key.body.id}/rotate`).set(owner.auth);
    expect(rotate.status).toBe(201);
  });
});

describe('NUL characters', () => {
  // PostgreSQL (under FerretDB) cannot store or compare text containing NUL: each of these answered 500.
  it('are refused with 400 in bodies, form fields, keys and query strings, and nothing is written', async () => {
    const admin = await registerAndLogin(app);
    await UserModel.updateOne({ _id: admin.user.id }, { $set: { role: 'admin' } });
    const email = uniqueEmail('nul');
    const attempts = [
      app.request.post('/auth/login-json').send({ email: 'a\u0000@example.com', password: TEST_PASSWORD }),
      app.request.post('/auth/login').type('form').send({ username: 'a\u0000@example.com', password: TEST_PASSWORD }),
      app.request.post('/auth/register').send({ email, password: TEST_PASSWORD, name: 'Mallory\u0000' }),
      app.request.post('/auth/register').send({ email, password: TEST_PASSWORD, ['x\u0000']: 1 }),
      app.request
        .patch('/users/me')
        .set(admin.auth)
        .send({ profile: { company: 'ACME\u0000' } }),
      app.request.get('/admin/usage?model=gpt%00').set(admin.auth),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expectCleanError(res.body, 'validation_error');
      expect(res.body.error.message).toContain('NUL');
    }
    expect(await UserModel.exists({ email })).toBeNull();
    expect((await app.request.get('/users/me').set(admin.auth)).body.profile.company ?? null).toBeNull();
  });

  it('are refused by the dashboard sign-in page', async () => {
    const res = await app.request
      .post('/admin/login')
      .type('form')
      .send({ email: 'a\u0000@example.com', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Enter your email and password');
  });
});

describe('organization settings nested deeper than JSON.stringify can go', () => {
  it('are refused with 400 on create and update (JSON.stringify overflowed the stack: 500)', async () => {
    const owner = await registerAndLogin(app);
    const orgId = await createOrganization(app, owner, 'Deep');
    // Past JSON_MAX_DEPTH the body parser refuses it; below, the settings rule (5 levels) does.
    for (const [depth, code] of [
      [20_000, 'json_too_deep'],
      [10, 'validation_error'],
    ] as const) {
      const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const create = await app.request
        .post('/organizations')
        .set(owner.auth)
        .set('Content-Type', 'application/json')
        .send(`{"name":"x","settings":${deep}}`);
      const update = await app.request
        .patch(`/organizations/${orgId}`)
        .set(owner.auth)
        .set('Content-Type', 'application/json')
        .send(`{"settings":{"k":${deep}}}`);
      for (const res of [create, update]) {
        expect(res.status).toBe(400);
        expectCleanError(res.body, code);
      }
    }
    expect(await OrganizationModel.countDocuments({ owner_id: owner.user.id })).toBe(1);
    expect((await OrganizationModel.findById(orgId).lean())?.settings).toEqual({});
  });
});

describe('JSON nested deeper than JSON_MAX_DEPTH', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('is refused with 400 json_too_deep before any route runs (800 KB of it answered 503 queue_unavailable)', async () => {
    const user = await registerAndLogin(app);
    const deep = nested(160_000);
    const chat = await app.request
      .post('/v1/chat/completions')
      .set(user.auth)
      .set('Content-Type', 'application/json')
      .send(`{"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"hi","extra":${deep}}]}`);
    const login = await app.request
      .post('/auth/login-json')
      .set('Content-Type', 'application/json')
      .send(`{"email":${deep},"password":"x"}`);
    const arrays = await app.request
      .post('/v1/chat/completions')
      .set(user.auth)
      .set('Content-Type', 'application/json')
      .send(`{"model":"gpt-3.5-turbo","messages":${'['.repeat(100)}${']'.repeat(100)}}`);
    for (const res of [chat, login, arrays]) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expectCleanError(res.body, 'json_too_deep');
    }
  });

  it('cannot be smuggled past the check in another charset: a JSON body that is not UTF-8 is refused with 415', async () => {
    const user = await registerAndLogin(app);
    // U+3022 is the bytes 22 30 in UTF-16LE: a byte scanner takes it for a closing quote, then skips every bracket.
    const deep = `${'['.repeat(150_000)}${']'.repeat(150_000)}`;
    const text = `{"model":"gpt-3.5-turbo","x":"\u3022","messages":[{"role":"user","content":"hi","extra":${deep}}]}`;
    for (const charset of ['utf-16le', 'utf-16', 'latin1']) {
      const res = await fetch(`${app.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...user.auth, 'Content-Type': `application/json; charset=${charset}` },
        body: Buffer.from(text, charset === 'latin1' ? 'latin1' : 'utf16le'),
      });
      const body = (await res.json()) as { error: Record<string, unknown> };
      expect(res.status, `${charset}: ${JSON.stringify(body)}`).toBe(415);
      expectCleanError(body, 'unsupported_charset');
    }
    const utf8 = await app.request
      .post('/auth/login-json')
      .set('Content-Type', 'application/json; charset=UTF-8')
      .send('{"email":"nobody@example.com","password":"not the password"}');
    expect(utf8.status).toBe(401);
  });

  it('counts brackets inside strings as text, and lets a body as deep as the limit through to validation', async () => {
    const res = await app.request
      .post('/auth/login-json')
      .set('Content-Type', 'application/json')
      .send(`{"email":"${'{['.repeat(200)}\\"{[@x.y","password":${nested(app.config.JSON_MAX_DEPTH - 1)}}`);
    expect(res.status).toBe(400);
    expectCleanError(res.body, 'validation_error');
  });
});

describe('sub-user permissions and limits', () => {
  it('refuse unknown keys instead of answering 200 with nothing changed (a typo silently set no cap)', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
    for (const body of [
      { limits: { monthly_token: 5 } },
      { limits: { $gt: '' } },
      { permissions: { model: ['gpt-4'] } },
    ]) {
      const res = await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expectCleanError(res.body, 'validation_error');
    }
    const created = await app.request
      .post('/sub-users')
      .set(parent.auth)
      .send({ email: uniqueEmail('sub'), password: TEST_PASSWORD, limits: { monthly_tokes: 10 } });
    expect(created.status).toBe(400);
    expect((await app.request.get(`/sub-users/${sub.id}`).set(parent.auth)).body.limits).toEqual({
      monthly_tokens: 1000,
      requests_per_minute: null,
    });
  });
});
