import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { createSubUser } from '../factories/teams.js';

const WINDOW = 600;

const login = (app: TestApp, email: string, ip: string) =>
  app.request.post('/auth/login-json').set('X-Forwarded-For', ip).send({ email, password: TEST_PASSWORD });

function expectLimited(res: { status: number; headers: Record<string, string>; body: unknown }, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW);
  expectCleanError(res.body, code);
}

/** Runs `work` in `parallel` loops until `during` settles; returns what `during` gave. */
async function whileLooping<T>(parallel: number, work: () => Promise<unknown>, during: () => Promise<T>): Promise<T> {
  let looping = true;
  const loops = Array.from({ length: parallel }, async () => {
    while (looping) await work();
  });
  try {
    // Let the loops fill the bcrypt slots first.
    await new Promise((resolve) => setTimeout(resolve, 400));
    return await during();
  } finally {
    looping = false;
    await Promise.all(loops);
  }
}

describe('bcrypt slots are shared fairly between clients', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      BCRYPT_COST: '12',
      BCRYPT_CONCURRENCY: '1',
      BCRYPT_QUEUE_MAX: '4',
      BCRYPT_MAX_PER_CLIENT: '2',
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('lets a client sign in while another signs in correctly in a loop (it got 503 server_busy)', async () => {
    const looper = await registerAndLogin(app);
    const other = await registerAndLogin(app);
    const statuses: number[] = [];
    const res = await whileLooping(
      12,
      async () => statuses.push((await login(app, looper.email, '198.18.7.1')).status),
      () => login(app, other.email, '198.18.8.1'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(statuses).toContain(200);
    // 429: the looper's attempts in flight count as failures until their verdict (login-limiter).
    expect(
      statuses.every((s) => [200, 429, 503].includes(s)),
      JSON.stringify(statuses),
    ).toBe(true);
  });

  it("lets a client sign in while a parent sets a sub-user's password in a loop", async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const other = await registerAndLogin(app);
    const res = await whileLooping(
      12,
      () => app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ password: 'a new long passphrase' }),
      () => login(app, other.email, '198.18.9.1'),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('successful sign-ins and sub-user password sets are limited', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      LOGIN_MAX_SUCCESSES_PER_ACCOUNT: '3',
      LOGIN_MAX_SUCCESSES_PER_IP: '10',
      LOGIN_SUCCESS_WINDOW_SECONDS: String(WINDOW),
      SUB_USER_PASSWORD_SETS_PER_PARENT: '3',
      SUB_USER_PASSWORD_SET_WINDOW_SECONDS: String(WINDOW),
    });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses an account signing in correctly in a loop with 429 and Retry-After, from any address', async () => {
    const { email } = await registerAndLogin(app);
    // registerAndLogin signed in once already.
    for (let i = 0; i < 2; i++) expect((await login(app, email, `198.18.10.${i + 1}`)).status).toBe(200);
    expectLimited(await login(app, email, '198.18.10.9'), 'too_many_login_attempts');
    expectLimited(await login(app, email, '198.18.11.1'), 'too_many_login_attempts');
  });

  it('refuses one address (an IPv6 /64) signing in correctly to many accounts', async () => {
    const emails = Array.from({ length: 6 }, () => uniqueEmail('many'));
    for (const [i, email] of emails.entries())
      expect(
        (
          await app.request
            .post('/auth/register')
            .set('X-Forwarded-For', `198.18.13.${i + 1}`)
            .send({ email, password: TEST_PASSWORD })
        ).status,
      ).toBe(201);
    for (let round = 0; round < 2; round++)
      for (const email of emails.slice(0, 5)) expect((await login(app, email, '2001:db8:aa:1::1')).status).toBe(200);
    expectLimited(await login(app, emails[5]!, '2001:db8:aa:1::2'), 'too_many_login_attempts');
    expect((await login(app, emails[5]!, '2001:db8:aa:2::1')).status).toBe(200);
  });

  it('refuses a parent setting sub-user passwords beyond its limit (creations count), changing nothing', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    for (const password of ['second passphrase', 'third passphrase'])
      expect((await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ password })).status).toBe(200);
    const refused = await app.request.patch(`/sub-users/${sub.id}`).set(parent.auth).send({ password: 'fourth one!' });
    expectLimited(refused, 'rate_limit_exceeded');
    const signIn = (password: string) => app.request.post('/auth/login-json').send({ email: sub.email, password });
    expect((await signIn('fourth one!')).status).toBe(401);
    expect((await signIn('third passphrase')).status).toBe(200);
  });
});
