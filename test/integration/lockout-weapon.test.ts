import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { UserModel } from '../../src/models/user.js';

const TOKEN_MAX_FAILURES = 5;
const HEADER = 'X-Known-Client-Token';

let app: TestApp;
let ipCounter = 0;
/** A distinct client address per use (the app trusts X-Forwarded-For from the loopback test client). */
const freshIp = () => `203.0.113.${++ipCounter}`;

beforeAll(async () => {
  // The shipped defaults: 5 per account+IP, 20 per account, 50 per IP, 10 minutes.
  app = await startTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '5',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '20',
    LOGIN_MAX_FAILURES_PER_IP: '50',
    LOGIN_FAILURE_WINDOW_SECONDS: '600',
    KNOWN_CLIENT_MAX_FAILURES: String(TOKEN_MAX_FAILURES),
  });
});
afterAll(async () => {
  await app?.stop();
});

interface Attempt {
  ip?: string;
  token?: string;
  via?: 'header' | 'body';
}

function loginJson(email: string, password: string, { ip = freshIp(), token, via = 'header' }: Attempt = {}) {
  const req = app.request.post('/auth/login-json').set('X-Forwarded-For', ip);
  if (token && via === 'header') req.set(HEADER, token);
  return req.send({ email, password, ...(token && via === 'body' ? { known_client_token: token } : {}) });
}

function loginForm(email: string, password: string, { ip = freshIp(), token }: Attempt = {}) {
  return app.request
    .post('/auth/login')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ username: email, password, ...(token ? { known_client_token: token } : {}) });
}

/** The attack from the review: 20 failed sign-ins from 4 addresses (5 each). */
async function lockOut(email: string): Promise<void> {
  const attackers = [freshIp(), freshIp(), freshIp(), freshIp()];
  const statuses = await Promise.all(
    attackers.map(async (ip) => {
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) seen.push((await loginJson(email, 'attacker guess', { ip })).status);
      return seen;
    }),
  );
  expect(statuses.flat()).toEqual(Array(20).fill(401));
}

function expectLocked(res: { status: number; body: unknown; headers: Record<string, string> }) {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expectCleanError(res.body, 'too_many_login_attempts');
}

/** The owner signs in once from their client and keeps the known-client token it is given. */
async function ownerWithKnownClient() {
  const session = await registerAndLogin(app, uniqueEmail('owner'));
  const first = await loginJson(session.email, TEST_PASSWORD);
  expect(first.status).toBe(200);
  const token = first.body.known_client_token as string;
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return { ...session, token };
}

describe('lock-out as a weapon: the owner keeps signing in from a known client', () => {
  it('locks the account for strangers and the owner on a new client, but not for the owner on their known client', async () => {
    const owner = await ownerWithKnownClient();
    await lockOut(owner.email);
    expectLocked(await loginJson(owner.email, TEST_PASSWORD));
    expectLocked(await loginForm(owner.email, TEST_PASSWORD));

    const viaHeader = await loginJson(owner.email, TEST_PASSWORD, { token: owner.token });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.user.email).toBe(owner.email);
    expect(viaHeader.body.known_client_token).toBe(owner.token);
    expect((await loginJson(owner.email, TEST_PASSWORD, { token: owner.token, via: 'body' })).status).toBe(200);
    const form = await loginForm(owner.email, TEST_PASSWORD, { token: owner.token });
    expect(form.status).toBe(200);
    expect(form.body.access_token).toEqual(expect.any(String));

    // The attack goes on from new addresses: still locked for them, still open to the owner's known client.
    const more = await Promise.all(Array.from({ length: 8 }, () => loginJson(owner.email, 'attacker guess')));
    for (const res of more) expectLocked(res);
    expect((await loginJson(owner.email, TEST_PASSWORD, { token: owner.token })).status).toBe(200);
    expectLocked(await loginJson(owner.email, TEST_PASSWORD));
  });

  it('gives no bypass to a forged token, nor to a real token of another account', async () => {
    const owner = await ownerWithKnownClient();
    const attacker = await ownerWithKnownClient();
    await lockOut(owner.email);
    const forged = [
      owner.token.slice(0, -2) + (owner.token.endsWith('AA') ? 'BB' : 'AA'),
      'x'.repeat(43),
      attacker.token,
      '',
    ];
    for (const token of forged) {
      expectLocked(await loginJson(owner.email, TEST_PASSWORD, { token: token || undefined }));
      expectLocked(await loginJson(owner.email, 'attacker guess', { token: token || undefined }));
    }
    expectLocked(
      await app.request
        .post('/auth/login-json')
        .set('X-Forwarded-For', freshIp())
        .set(HEADER, 'a'.repeat(5000))
        .send({ email: owner.email, password: TEST_PASSWORD }),
    );
    const tooLong = await loginJson(owner.email, TEST_PASSWORD, { token: 'a'.repeat(5000), via: 'body' });
    expect(tooLong.status).toBe(400);
    expectCleanError(tooLong.body, 'validation_error');
  });

  it('locks a stolen token brute-forced from many addresses by its own counter, without touching the account counter', async () => {
    const owner = await ownerWithKnownClient();
    const thief = await Promise.all(
      Array.from({ length: TOKEN_MAX_FAILURES + 3 }, () =>
        loginJson(owner.email, 'thief guess', { token: owner.token }),
      ),
    );
    const statuses = thief.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(TOKEN_MAX_FAILURES).fill(401), ...Array(3).fill(429)]);
    expectLocked(await loginJson(owner.email, TEST_PASSWORD, { token: owner.token }));
    // The per-account counter did not see those guesses: the owner signs in from a new client.
    const elsewhere = await loginJson(owner.email, TEST_PASSWORD);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.known_client_token).not.toBe(owner.token);
  });

  it('stores known-client tokens only hashed, with an expiry', async () => {
    const owner = await ownerWithKnownClient();
    const keys = await app.redis.keys(`${app.config.REDIS_PREFIX}:known-client:*`);
    expect(keys.length).toBeGreaterThan(0);
    const stored: string[] = [];
    for (const key of keys) {
      stored.push(key, ...(await app.redis.zrange(key, '0', '-1')));
      expect(await app.redis.ttl(key)).toBeGreaterThan(0);
    }
    expect(stored.join(' ')).not.toContain(owner.token);
    expect(stored).toContain(createHash('sha256').update(owner.token).digest('hex'));
  });
});

describe('the admin dashboard sign-in remembers its browser with an httpOnly cookie', () => {
  it('lets a locked-out admin back in from the browser they used before', async () => {
    const admin = await registerAndLogin(app, uniqueEmail('admin'));
    await UserModel.updateOne({ email: admin.email }, { $set: { role: 'admin' } });
    const first = await app.request
      .post('/admin/login')
      .set('X-Forwarded-For', freshIp())
      .type('form')
      .send({ email: admin.email, password: TEST_PASSWORD });
    expect(first.status).toBe(303);
    const cookies = first.headers['set-cookie'] as unknown as string[];
    const known = cookies.find((c) => c.startsWith('aic_known_client='));
    expect(known).toMatch(/HttpOnly/i);
    expect(known).toMatch(/SameSite=Strict/i);

    await lockOut(admin.email);
    const stranger = await app.request
      .post('/admin/login')
      .set('X-Forwarded-For', freshIp())
      .type('form')
      .send({ email: admin.email, password: TEST_PASSWORD });
    expect(stranger.status).toBe(429);
    const back = await app.request
      .post('/admin/login')
      .set('X-Forwarded-For', freshIp())
      .set('Cookie', known!.split(';')[0]!)
      .type('form')
      .send({ email: admin.email, password: TEST_PASSWORD });
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/admin/queues');
  });
});
