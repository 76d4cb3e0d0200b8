import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from '../factories/users.js';
import { createLoginLimiter } from '../../src/modules/auth/login-limiter.js';
import { TooManyRequestsError } from '../../src/lib/errors.js';
import { waitFor } from '../helpers/wait.js';

const WINDOW = 600;
let app: TestApp;
let ipCounter = 0;
/** A distinct client address per use (the app trusts X-Forwarded-For from the loopback test client). */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  app = await startTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '3',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '6',
    LOGIN_MAX_FAILURES_PER_IP: '10',
    LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW),
  });
});
afterAll(async () => {
  await app?.stop();
});

const login = (email: string, password: string, ip: string) =>
  app.request.post('/auth/login-json').set('X-Forwarded-For', ip).send({ email, password });
/** `count` attempts at once (the limiter is atomic, so order does not matter); returns their statuses. */
const attempts = async (count: number, attempt: (i: number) => ReturnType<typeof login>) =>
  (await Promise.all(Array.from({ length: count }, (_, i) => attempt(i)))).map((res) => res.status);

function expectLimited(res: { status: number; headers: Record<string, string>; body: unknown }) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW);
  expectCleanError(res.body, 'too_many_login_attempts');
}

describe('failed sign-in limits', () => {
  it('blocks one account from one IP after its limit, even with the right password, but not the owner elsewhere', async () => {
    const { email } = await registerAndLogin(app);
    const attacker = freshIp();
    expect(await attempts(3, () => login(email, 'wrong password', attacker))).toEqual([401, 401, 401]);
    expectLimited(await login(email, TEST_PASSWORD, attacker));
    expectLimited(
      await app.request
        .post('/auth/login')
        .set('X-Forwarded-For', attacker)
        .type('form')
        .send({ username: email, password: TEST_PASSWORD }),
    );
    expect((await login(email, TEST_PASSWORD, freshIp())).status).toBe(200);
  });

  it('counts parallel guesses exactly: 20 at once get 3 verdicts and 17 refusals', async () => {
    const { email } = await registerAndLogin(app);
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, () => login(email, 'wrong password', ip)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(17);
  });

  it('pauses an account guessed from several IPs, for everyone, only after the account-wide limit', async () => {
    const { email } = await registerAndLogin(app);
    const [a, b] = [freshIp(), freshIp()];
    expect(await attempts(6, (i) => login(email, 'wrong password', i % 2 ? a : b))).toEqual(Array(6).fill(401));
    expectLimited(await login(email, TEST_PASSWORD, freshIp()));
  });

  it('limits one IP spraying many accounts, and treats an IPv6 /64 as one client', async () => {
    const sprayer = freshIp();
    expect(await attempts(10, () => login(uniqueEmail('spray'), 'wrong password', sprayer))).toEqual(
      Array(10).fill(401),
    );
    expectLimited(await login(uniqueEmail('spray'), 'wrong password', sprayer));
    const { email } = await registerAndLogin(app);
    expect((await login(email, TEST_PASSWORD, freshIp())).status).toBe(200);

    expect(await attempts(10, (i) => login(uniqueEmail('v6'), 'wrong password', `2001:db8:1:2::${i + 1}`))).toEqual(
      Array(10).fill(401),
    );
    expectLimited(await login(uniqueEmail('v6'), 'wrong password', '2001:db8:1:2:ffff::9'));
    expect((await login(uniqueEmail('v6'), 'wrong password', '2001:db8:1:3::1')).status).toBe(401);
  });

  it('limits a sprayer rotating /64s inside one IPv6 /48, at 4 times the per-IP limit', async () => {
    const from48 = (net: number, i: number) => `2001:db8:5:${net.toString(16)}::${i + 1}`;
    for (let net = 1; net <= 4; net++)
      expect(await attempts(10, (i) => login(uniqueEmail('v6-48'), 'wrong password', from48(net, i)))).toEqual(
        Array(10).fill(401),
      );
    expectLimited(await login(uniqueEmail('v6-48'), 'wrong password', from48(5, 0)));
    expect((await login(uniqueEmail('v6-48'), 'wrong password', '2001:db8:6::1')).status).toBe(401);
  });

  it('clears the account+IP counter on success, so the owner is not locked by their own typos', async () => {
    const { email } = await registerAndLogin(app);
    const ip = freshIp();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await login(email, 'typo password', ip)).status).toBe(401);
      expect((await login(email, TEST_PASSWORD, ip)).status).toBe(200);
    }
  });

  it('answers the same 429 for an unknown account as for a real one (no enumeration through the limiter)', async () => {
    const { email } = await registerAndLogin(app);
    const [a, b] = [freshIp(), freshIp()];
    const unknown = uniqueEmail('ghost');
    await attempts(6, (i) => (i % 2 ? login(email, 'wrong password', a) : login(unknown, 'wrong password', b)));
    const real = await login(email, 'wrong password', a);
    const ghost = await login(unknown, 'wrong password', b);
    expect(real.status).toBe(429);
    expect(ghost.body).toEqual(real.body);
  });
});

describe('lockout length', () => {
  it('ends by itself when the window passes (no long lockout by a stranger)', async () => {
    const prefix = `${app.config.REDIS_PREFIX}:expiry`;
    const limiter = createLoginLimiter({
      redis: app.redis,
      prefix,
      maxPerAccountIp: 2,
      maxPerAccount: 100,
      maxPerIp: 100,
      maxPerKnownClient: 100,
      windowSeconds: 1,
      maxSuccessesPerAccount: 100,
      maxSuccessesPerIp: 100,
      successWindowSeconds: 1,
      wideMultiplier: 4,
    });
    await limiter.begin('victim@example.com', '203.0.113.9');
    await limiter.begin('victim@example.com', '203.0.113.9');
    const blocked = await limiter.begin('victim@example.com', '203.0.113.9').catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(TooManyRequestsError);
    expect((blocked as TooManyRequestsError).extra.headers?.['Retry-After']).toBe('1');
    // Polls Redis (not the limiter, whose refused attempts would count) until the window's counter has expired.
    const [accountIp] = limiter.keys('victim@example.com', '203.0.113.9').accountIp;
    await waitFor(async () => (await app.redis.exists(accountIp!)) === 0, 'the lockout window to pass', 5000);
    await expect(limiter.begin('victim@example.com', '203.0.113.9')).resolves.toBeUndefined();
    for (const key of Object.values(limiter.keys('victim@example.com', '203.0.113.9')).flat()) {
      const ttl = await app.redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(1);
    }
  });
});
