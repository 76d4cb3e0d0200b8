import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { UserModel } from '../../src/models/user.js';

const CONCURRENCY = 1;
const QUEUE = 2;
const MAX_SUB_USERS = 2;

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    BCRYPT_COST: '12',
    BCRYPT_CONCURRENCY: String(CONCURRENCY),
    BCRYPT_QUEUE_MAX: String(QUEUE),
    SUB_USERS_MAX_PER_USER: String(MAX_SUB_USERS),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '1000',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
    LOGIN_MAX_FAILURES_PER_IP: '1000',
  });
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

/** Reads one series of the web process's own /metrics (the real hasher's numbers, scraped as Prometheus would). */
async function metric(name: string, labels = ''): Promise<number> {
  const text = (await app.request.get('/metrics')).text;
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
const hashes = () => metric('bcrypt_operations_total', 'op="hash",outcome="done"');

describe('bcrypt work is bounded', () => {
  it('answers a burst of logins beyond the semaphore with 503 server_busy, never queueing without bound, and /healthz keeps answering', async () => {
    const { email } = await registerAndLogin(app);
    let bursting = true;
    const peaks = { inFlight: 0, waiting: 0 };
    const health: number[] = [];
    const watch = (async () => {
      while (bursting) {
        const res = await app.request.get('/healthz');
        health.push(res.status);
        peaks.inFlight = Math.max(peaks.inFlight, await metric('bcrypt_in_flight'));
        peaks.waiting = Math.max(peaks.waiting, await metric('bcrypt_waiting'));
      }
    })();
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        app.request
          .post('/auth/login-json')
          .set('X-Forwarded-For', `198.18.0.${i + 1}`)
          .send({ email, password: TEST_PASSWORD }),
      ),
    );
    bursting = false;
    await watch;

    const statuses = burst.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 503),
      JSON.stringify(statuses),
    ).toBe(true);
    const busy = burst.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(CONCURRENCY);
    for (const res of busy) {
      expectCleanError(res.body, 'server_busy');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(peaks.inFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(peaks.waiting).toBeLessThanOrEqual(QUEUE);
    expect(await metric('bcrypt_operations_total', 'op="compare",outcome="refused"')).toBeGreaterThanOrEqual(
      busy.length,
    );
    // The event loop is never what the burst waits on: /healthz answers throughout (how fast is not a test's to say).
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);

    // A refusal for load is no failed sign-in: the account is not locked by it.
    expect((await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('checks that refuse run before any hashing', () => {
  it('refuses a sub-user over the count without hashing its password', async () => {
    const parent = await registerAndLogin(app);
    const start = await hashes();
    for (let i = 0; i < MAX_SUB_USERS; i++) {
      expect(
        (
          await app.request
            .post('/sub-users')
            .set(parent.auth)
            .send({ email: uniqueEmail('sub'), password: TEST_PASSWORD })
        ).status,
      ).toBe(201);
    }
    const before = await hashes();
    expect(before).toBe(start + MAX_SUB_USERS);
    const over = await app.request
      .post('/sub-users')
      .set(parent.auth)
      .send({ email: uniqueEmail('sub'), password: TEST_PASSWORD });
    expect(over.status).toBe(403);
    expectCleanError(over.body, 'sub_user_limit_reached');
    expect(await hashes()).toBe(before);
  });

  it('refuses a registration of a taken email without hashing its password', async () => {
    const email = uniqueEmail('taken');
    const start = await hashes();
    expect((await app.request.post('/auth/register').send({ email, password: TEST_PASSWORD })).status).toBe(201);
    const before = await hashes();
    expect(before).toBe(start + 1);
    const again = await app.request
      .post('/auth/register')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(again.status).toBe(409);
    expectCleanError(again.body, 'email_taken');
    expect(await hashes()).toBe(before);
    expect(await UserModel.countDocuments({ email })).toBe(1);
  });
});
