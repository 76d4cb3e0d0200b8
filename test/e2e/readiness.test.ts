import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { expectCleanError } from '../helpers/assertions.js';
import mongoose from 'mongoose';
import { waitFor } from '../helpers/wait.js';
import {
  freePort,
  spawnRole,
  throwawayFerretDb,
  throwawayRedis,
  type RoleProcess,
  type Throwaway,
} from '../helpers/processes.js';
import { ALL_MODELS } from '../../src/models/index.js';
import { createRedis } from '../../src/lib/redis.js';
import { createProducer } from '../../queues/index.js';
import { registerAndLogin, TEST_PASSWORD } from '../factories/users.js';

/** Only private servers on their own ports are killed here; the shared 6379/27017 are never touched. */
async function readiness(url: string) {
  const res = await fetch(`${url}/readyz`);
  return {
    status: res.status,
    body: (await res.json()) as {
      status: string;
      checks: { mongodb: boolean; redis: boolean; indexes: boolean };
      reason?: string;
    },
  };
}

const becomes = (url: string, status: number, checks: object) =>
  waitFor(
    async () => {
      const ready = await readiness(url);
      if (ready.status !== status) throw new Error(`readyz is ${ready.status} ${JSON.stringify(ready.body)}`);
      expect(ready.body.checks).toEqual(checks);
      return ready;
    },
    `readyz ${status}`,
    45_000,
    200,
  );

describe('readiness of a running API when its dependencies fail and return', { timeout: 90_000 }, () => {
  let redis: Throwaway;
  let mongo: Throwaway;
  let app: TestApp;

  beforeAll(async () => {
    [redis, mongo] = await Promise.all([throwawayRedis(), throwawayFerretDb()]);
    await Promise.all([redis.start(), mongo.start()]);
    app = await startTestApp({
      DATABASE_URL: `mongodb://127.0.0.1:${mongo.port}/readiness`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
  });
  afterAll(async () => {
    await Promise.all([redis?.start().catch(() => undefined), mongo?.start().catch(() => undefined)]);
    await app?.stop();
    await Promise.all([redis?.cleanup(), mongo?.cleanup()]);
  });

  it('reports Redis down with 503, fails sign-in with a clean 503, and recovers when Redis returns', async () => {
    const { email } = await registerAndLogin(app);
    await becomes(app.url, 200, { mongodb: true, redis: true, indexes: true });
    await redis.kill();
    const down = await becomes(app.url, 503, { mongodb: true, redis: false, indexes: true });
    expect(down.body.status).toBe('not_ready');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(503);
    expectCleanError(login.body, 'redis_unavailable');
    expect(login.headers['retry-after']).toBeTruthy();

    await redis.start();
    await becomes(app.url, 200, { mongodb: true, redis: true, indexes: true });
    const again = await waitFor(
      async () => {
        const res = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
        if (res.status !== 200) throw new Error(String(res.status));
        return res;
      },
      'sign-in after Redis returned',
      45_000,
      200,
    );
    expect(again.body.user.email).toBe(email);
  });

  it('reports the database down with 503, answers requests with a clean 503, and recovers when it returns', async () => {
    const { auth } = await registerAndLogin(app);
    await mongo.kill();
    await becomes(app.url, 503, { mongodb: false, redis: true, indexes: true });
    const me = await app.request.get('/auth/me').set(auth);
    expect(me.status).toBe(503);
    expectCleanError(me.body, 'database_unavailable');
    const register = await app.request
      .post('/auth/register')
      .send({ email: `x-${randomBytes(3).toString('hex')}@example.com`, password: TEST_PASSWORD });
    expect(register.status).toBe(503);

    await mongo.start();
    await becomes(app.url, 200, { mongodb: true, redis: true, indexes: true });
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
    web = spawnRole(['roles/web.ts'], {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_PREFIX: 't_late',
      DATABASE_URL: `mongodb://127.0.0.1:${mongo.port}/late`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
    const { port } = await web.waitForLog('web listening');
    const url = `http://127.0.0.1:${String(port)}`;
    await becomes(url, 503, { mongodb: false, redis: false, indexes: false });
    await Promise.all([redis.start(), mongo.start()]);
    await becomes(url, 200, { mongodb: true, redis: true, indexes: true });
    expect(web.child.exitCode).toBeNull();
    web.child.kill('SIGTERM');
    expect(await web.exit).toEqual({ code: 0, signal: null });
  });
});

/** Every unique index the models declare, as (collection, keys). */
const UNIQUE_INDEXES = ALL_MODELS.flatMap((model) =>
  model.schema
    .indexes()
    .filter(([, options]) => options?.unique)
    .map(([keys]) => ({ collection: model.collection.collectionName, keys: JSON.stringify(keys) })),
);

async function missingUniqueIndexes(db: mongoose.mongo.Db): Promise<string[]> {
  const missing: string[] = [];
  for (const { collection, keys } of UNIQUE_INDEXES) {
    const present = await db
      .collection(collection)
      .indexes()
      .catch(() => []);
    if (!present.some((index) => index.unique && JSON.stringify(index.key) === keys))
      missing.push(`${collection} ${keys}`);
  }
  return missing;
}

describe('no role is ready or takes work before its unique indexes exist', { timeout: 240_000 }, () => {
  let redis: Throwaway;
  let mongo: Throwaway;
  const roles: RoleProcess[] = [];
  const connections: mongoose.Connection[] = [];
  const baseEnv = () => ({
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    BCRYPT_COST: '10',
  });
  const databaseUrl = (name: string) => `mongodb://127.0.0.1:${mongo.port}/${name}`;
  async function connect(name: string) {
    const connection = await mongoose.createConnection(databaseUrl(name)).asPromise();
    connections.push(connection);
    return connection;
  }

  beforeAll(async () => {
    [redis, mongo] = await Promise.all([throwawayRedis(), throwawayFerretDb()]);
    await Promise.all([redis.start(), mongo.start()]);
  });
  afterAll(async () => {
    for (const role of roles) if (role.child.exitCode === null) role.child.kill('SIGKILL');
    for (const connection of connections) await connection.close().catch(() => undefined);
    await Promise.all([redis?.cleanup(), mongo?.cleanup()]);
  });

  it('a fresh database: at the first ready answer, polled from before the start, every unique index exists', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const db = (await connect('fresh')).db!;
    const answers: number[] = [];
    let missingAtReady: string[] | undefined;
    const polling = (async () => {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const status = await fetch(`${url}/readyz`).then(
          (res) => res.status,
          () => 0,
        );
        answers.push(status);
        if (status === 200) {
          missingAtReady = await missingUniqueIndexes(db);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const web = spawnRole(['roles/web.ts'], {
      ...baseEnv(),
      NODE_ENV: 'test',
      PORT: String(port),
      REDIS_PREFIX: 't_fresh',
      DATABASE_URL: databaseUrl('fresh'),
    });
    roles.push(web);
    await polling;
    expect(
      missingAtReady,
      `readyz answers: ${answers.filter((a) => a !== 0).join(',')}; ${web.output().slice(-2000)}`,
    ).toEqual([]);
    web.child.kill('SIGTERM');
    expect(await web.exit).toEqual({ code: 0, signal: null });
  });

  it('a ledger holding two rows with one request_id: never ready, one message naming token_usage and the duplicate, no job taken; db:init says how to fix it', async () => {
    const requestId = `req_dup_${randomBytes(4).toString('hex')}`;
    const db = (await connect('dupes')).db!;
    const row = {
      request_id: requestId,
      payer_type: 'user',
      payer_id: new mongoose.Types.ObjectId(),
      user_id: new mongoose.Types.ObjectId(),
      model: 'gpt-4',
      status: 'completed',
      day: '2026-12-01',
      period: new Date(),
    };
    await db.collection('token_usage').insertMany([{ ...row }, { ...row }]);

    // The web role (DB_AUTO_INIT: it tries to build the index) stays not ready and takes no request.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const web = spawnRole(['roles/web.ts'], {
      ...baseEnv(),
      NODE_ENV: 'test',
      PORT: String(port),
      REDIS_PREFIX: 't_dupes',
      DATABASE_URL: databaseUrl('dupes'),
    });
    roles.push(web);
    const logged = await web.waitForLog('not ready: a unique index the service relies on does not exist');
    expect(logged.problem).toContain('token_usage');
    expect(logged.problem).toContain('request_id_1');
    expect(logged.problem).toContain(requestId);
    expect(logged.problem).toMatch(/npm run db:init/);
    for (let i = 0; i < 10; i += 1) {
      const ready = await readiness(url);
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toEqual({ mongodb: true, redis: true, indexes: false });
      expect(ready.body.reason).toContain('token_usage.request_id_1');
      expect(JSON.stringify(ready.body)).not.toContain(requestId);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const register = await fetch(`${url}/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'early@example.com', password: TEST_PASSWORD }),
    });
    expect(register.status).toBe(503);
    expectCleanError(await register.json(), 'service_not_ready');
    expect(await db.collection('users').countDocuments({ email: 'early@example.com' })).toBe(0);
    expect(web.output().match(/"msg":"not ready: a unique index/g)).toHaveLength(1);

    // A production worker (indexes only checked) takes no job while the index is missing.
    const worker = spawnRole(['roles/worker.ts'], {
      ...baseEnv(),
      NODE_ENV: 'production',
      REDIS_PREFIX: 't_dupes',
      DATABASE_URL: databaseUrl('dupes'),
      JWT_SECRET_KEY: `prod-${randomBytes(20).toString('hex')}`,
      A4F_API_KEY: 'sk-upstream',
      METRICS_TOKEN: 'metrics-token-for-the-test',
      MAIL_DISABLED: 'true',
    });
    roles.push(worker);
    const workerLog = await worker.waitForLog('not ready: a unique index the service relies on does not exist');
    expect(workerLog.problem).toContain(requestId);
    expect(workerLog.problem).toContain('token_usage');
    const queueRedis = createRedis({ url: `redis://127.0.0.1:${redis.port}`, clusterNodes: [] });
    const producer = createProducer(queueRedis, 't_dupes');
    try {
      const jobId = await producer.enqueue(
        'quota-reset',
        { mode: 'all-due', as_of: new Date().toISOString() },
        { jobId: 'early-job' },
      );
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await producer.queues['quota-reset'].getJobState(jobId)).toBe('waiting');
      expect(worker.output()).not.toContain('"msg":"workers started"');

      const init = spawnRole(
        ['run', '--silent', 'db:init'],
        { DATABASE_URL: databaseUrl('dupes'), NODE_ENV: 'test' },
        'npm',
      );
      const { code } = await init.exit;
      expect(code).not.toBe(0);
      expect(init.output()).toContain('token_usage');
      expect(init.output()).toContain(requestId);
      expect(init.output()).toMatch(/Keep one row per value/);
      expect(init.output()).not.toMatch(/\n\s+at /);

      // Resolved by the operator: both roles become ready on their own, and the worker takes the job.
      const [keep] = await db.collection('token_usage').find({ request_id: requestId }).toArray();
      await db.collection('token_usage').deleteMany({ request_id: requestId, _id: { $ne: keep!._id } });
      await becomes(url, 200, { mongodb: true, redis: true, indexes: true });
      await worker.waitForLog('workers started');
      await waitFor(
        async () => {
          const state = await producer.queues['quota-reset'].getJobState(jobId);
          if (state !== 'completed') throw new Error(state);
          return true;
        },
        'the waiting job processed once the index exists',
        45_000,
        200,
      );
    } finally {
      await producer.close();
      queueRedis.disconnect();
    }
  });
});
