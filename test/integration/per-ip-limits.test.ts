import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startFakeOAuthProvider, type FakeOAuthProvider } from '../helpers/fake-oauth-provider.js';
import {
  VSCODE_REDIRECT,
  approveAtProvider,
  challengeOf,
  followCallback,
  newVerifier,
} from '../helpers/oauth-browser.js';
import { expectCleanError } from '../helpers/assertions.js';
import { TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { UserModel } from '../../src/models/user.js';

const REGISTER_MAX = 3;
const REGISTER_WINDOW = 3600;
const INITIATE_MAX = 4;
const INITIATE_WINDOW = 600;

let app: TestApp;
let fake: FakeOAuthProvider;
let ipCounter = 0;
/** A distinct client address per use (the app trusts X-Forwarded-For from the loopback test client). */
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  fake = await startFakeOAuthProvider();
  app = await startTestApp({
    ...fake.env(),
    REGISTER_MAX_PER_IP: String(REGISTER_MAX),
    REGISTER_WINDOW_SECONDS: String(REGISTER_WINDOW),
    OAUTH_INITIATE_MAX_PER_IP: String(INITIATE_MAX),
    OAUTH_INITIATE_WINDOW_SECONDS: String(INITIATE_WINDOW),
  });
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

const register = (ip: string, email = uniqueEmail('flood')) =>
  app.request.post('/auth/register').set('X-Forwarded-For', ip).send({ email, password: TEST_PASSWORD });

const initiateQuery = (verifier = newVerifier()) => ({
  code_challenge: challengeOf(verifier),
  code_challenge_method: 'S256',
  state: `client-state-${ipCounter}-${Math.random()}`,
  redirect_uri: VSCODE_REDIRECT,
});
const initiate = (ip: string, provider = 'github') =>
  app.request.get(`/auth/oauth/${provider}`).set('X-Forwarded-For', ip).query(initiateQuery()).redirects(0);

function expectLimited(res: { status: number; headers: Record<string, string>; body: unknown }, window: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(window);
  expectCleanError(res.body, 'rate_limit_exceeded');
}

/** Documents in every collection of this test's database. */
async function countAllDocuments(): Promise<number> {
  const db = mongoose.connection.db!;
  let total = 0;
  for (const { name } of await db.listCollections().toArray()) total += await db.collection(name).countDocuments();
  return total;
}

describe('per-IP limit on POST /auth/register', () => {
  it('refuses a flood from one address (429 + Retry-After, no account made) while other addresses are served', async () => {
    const attacker = freshIp();
    const emails = Array.from({ length: 12 }, () => uniqueEmail('flood'));
    const results = await Promise.all(emails.map((email) => register(attacker, email)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(REGISTER_MAX);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(emails.length - REGISTER_MAX);
    for (const res of refused) expectLimited(res, REGISTER_WINDOW);
    expect(await UserModel.countDocuments({ email: mongoose.trusted({ $in: emails }) })).toBe(REGISTER_MAX);

    expect((await register(freshIp())).status).toBe(201);
    expectLimited(await register(attacker), REGISTER_WINDOW);
  });

  it('counts an IPv6 /64 as one client, as sign-in failures are', async () => {
    for (let i = 1; i <= REGISTER_MAX; i++) expect((await register(`2001:db8:77:1::${i}`)).status).toBe(201);
    expectLimited(await register('2001:db8:77:1:ffff:ffff:ffff:fffe'), REGISTER_WINDOW);
    expect((await register('2001:db8:77:2::1')).status).toBe(201);
  });

  it('counts an IPv6 /48 too, 4 times as loosely: rotating /64s inside one /48 runs out', async () => {
    const from48 = (net: number, host: number) => `2001:db8:48:${net.toString(16)}::${host}`;
    for (let net = 1; net <= 4; net++)
      for (let host = 1; host <= REGISTER_MAX; host++) expect((await register(from48(net, host))).status).toBe(201);
    expectLimited(await register(from48(5, 1)), REGISTER_WINDOW);
    expectLimited(await register(from48(0xffff, 1)), REGISTER_WINDOW);
    expect((await register('2001:db8:49::1')).status).toBe(201);
  });
});

describe('per-IP limit on GET /auth/oauth/{provider}', () => {
  it('refuses a flood of sign-in starts from one address while other addresses are served', async () => {
    const attacker = freshIp();
    const results = await Promise.all(Array.from({ length: 12 }, () => initiate(attacker)));
    expect(results.filter((r) => r.status === 302)).toHaveLength(INITIATE_MAX);
    const refused = results.filter((r) => r.status !== 302);
    expect(refused).toHaveLength(12 - INITIATE_MAX);
    for (const res of refused) {
      expectLimited(res, INITIATE_WINDOW);
      expect(res.headers['location']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expectLimited(await initiate(attacker, 'google'), INITIATE_WINDOW);
    expect((await initiate(freshIp())).status).toBe(302);
  });

  it('writes no MongoDB document: the pending sign-in lives in Redis with a TTL', async () => {
    const before = await countAllDocuments();
    for (let i = 0; i < INITIATE_MAX; i++) expect((await initiate(freshIp())).status).toBe(302);
    expect(await countAllDocuments()).toBe(before);
    const states = await app.redis.keys(`${app.config.REDIS_PREFIX}:oauth-state:*`);
    expect(states.length).toBeGreaterThanOrEqual(INITIATE_MAX);
    for (const key of states) {
      const ttl = await app.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    }
  });

  it('keeps the state single-use and bound to the browser that started it', async () => {
    fake.signInAs('github', { id: '777001', email: uniqueEmail('state'), verified: true });
    const started = await initiate(freshIp());
    expect(started.status).toBe(302);
    const cookie = (started.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    const callbackUrl = await approveAtProvider(started.headers['location']!);
    const otherBrowser = await followCallback(callbackUrl, '');
    expect(otherBrowser.body).toMatchObject({ error: { code: 'invalid_state' } });
    const results = await Promise.all(Array.from({ length: 5 }, () => followCallback(callbackUrl, cookie)));
    expect(results.filter((r) => r.location?.searchParams.get('code'))).toHaveLength(1);
    for (const r of results.filter((x) => !x.location))
      expect(r.body).toMatchObject({ error: { code: 'invalid_state' } });
  });
});
