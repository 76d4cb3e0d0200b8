import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import { eventually, spawnRole, throwawayFerretDb, throwawayRedis, type RoleProcess, type Throwaway } from '../helpers/processes.js';
import { registerAndLogin, TEST_PASSWORD } from '../factories/users.js';

/** Only private servers on their own ports are killed here; the shared 6379/27017 are never touched. */
async function readiness(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: { mongodb: boolean; redis: boolean } } };
}

const becomes = (url: string, status: number, checks: object) =>
  eventually(async () => {
    const ready = await readiness(url);
    if (ready.status !== status) throw new Error(`readyz is ${ready.status} ${JSON.stringify(ready.body)}`);
    expect(ready.body.checks).toEqual(checks);
    return ready;
  }, `readyz ${status}`);

describe('readiness of a running API when its dependencies fail and return', { timeout: 90_000 }, () => {
  let redis: Throwaway;
  let mongo: Throwaway;
  let app: TestApp;

  beforeAll(async () => {
    [redis, mongo] = await Promise.all([throwawayRedis(), throwawayFerretDb()]);
    await Promise.all([redis.start(), mongo.start()]);
    app = await startTestApp({ DATABASE_URL: `mongodb://127.0.0.1:${mongo.port}/readiness`, REDIS_URL: `redis://127.0.0.1:${redis.port}` });
  });
  afterAll(async () => {
    await Promise.all([redis?.start().catch(() => undefined), mongo?.start().catch(() => undefined)]);
    await app?.stop();
    await Promise.all([redis?.cleanup(), mongo?.cleanup()]);
  });

  it('reports Redis down with 503, fails sign-in with a clean 503, and recovers when Redis returns', async () => {
    const { email } = await registerAndLogin(app);
    await becomes(app.url, 200, { mongodb: true, redis: true });
    await redis.kill();
    const down = await becomes(app.url, 503, { mongodb: true, redis: false });
    expect(down.body.status).toBe('not_ready');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(503);
    expectCleanError(login.body, 'redis_unavailable');
    expect(login.headers['retry-after']).toBeTruthy();

    await redis.start();
    await becomes(app.url, 200, { mongodb: true, redis: true });
    const again = await eventually(async () => {
      const res = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(String(res.status));
      return res;
    }, 'sign-in after Redis returned');
    expect(again.body.user.email).toBe(email);
  });

  it('reports the database down with 503, answers requests with a clean 503, and recovers when it returns', async () => {
    const { auth } = await registerAndLogin(app);
    await mongo.kill();
    await becomes(app.url, 503, { mongodb: false, redis: true });
    const me = await app.request.get('/auth/me').set(auth);
    expect(me.status).toBe(503);
    expectCleanError(me.body, 'database_unavailable');
    const register = await app.request.post('/auth/register').send({ email: `x-${randomBytes(3).toString('hex')}@example.com`, password: TEST_PASSWORD });
    expect(register.status).toBe(503);

    await mongo.start();
    await becomes(app.url, 200, { mongodb: true, redis: true });
    expect((await app.request.get('/auth/me').set(auth)).status).toBe(200);
  });
});

describe('an API process started before its dependencies', { timeout: 120_000 }, () => {
  let redis: Throwaway;
  let mongo: Throwaway;
  let web: RoleProcess | undefined;

  beforeAll(async () => {
    [redis, mongo] = await Promise.all([throwawayRedis(), throwawayFerretDb()]);
  });
  afterAll(async () => {
    if (web && web.child.exitCode === null) web.child.kill('SIGKILL');
    await Promise.all([redis?.cleanup(), mongo?.cleanup()]);
  });

  it('serves 503 on /readyz, keeps running, becomes ready when they start, and still shuts down cleanly', async () => {
    web = spawnRole(['src/main.ts'], {
      NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', REDIS_PREFIX: 't_late',
      DATABASE_URL: `mongodb://127.0.0.1:${mongo.port}/late`, REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
    const { port } = await web.waitForLog('web listening');
    const url = `http://127.0.0.1:${String(port)}`;
    await becomes(url, 503, { mongodb: false, redis: false });
    await Promise.all([redis.start(), mongo.start()]);
    await becomes(url, 200, { mongodb: true, redis: true });
    expect(web.child.exitCode).toBeNull();
    web.child.kill('SIGTERM');
    expect(await web.exit).toEqual({ code: 0, signal: null });
  });
});
