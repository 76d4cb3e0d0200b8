import { testMongoBaseUrl } from '../helpers/config.js';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import mongoose from 'mongoose';
import { spawnRole, type RoleProcess } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';

const id = randomBytes(5).toString('hex');
const DATABASE_URL = `${testMongoBaseUrl()}/test_proc_${id}`;
const SECRET = `process-test-secret-${randomBytes(16).toString('hex')}`;
const goodEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `t_proc_${id}`,
  JWT_SECRET_KEY: SECRET,
  BCRYPT_COST: '10',
  QUOTA_RESET_CRON: '0 0 1 1 *',
};
const started: RoleProcess[] = [];

afterAll(async () => {
  for (const role of started) if (role.child.exitCode === null) role.child.kill('SIGKILL');
  await mongoose
    .connect(DATABASE_URL)
    .then((m) => m.connection.dropDatabase())
    .catch(() => undefined);
  await mongoose.disconnect();
});

// Each case is a separate process; they run side by side to keep the file quick.
// Generous timeouts: starting a process on a loaded shared machine can take many seconds (a cap, not an assertion).
describe.concurrent('starting with a bad configuration', { timeout: 120_000 }, () => {
  const badEnv = {
    NODE_ENV: 'production',
    PORT: 'eighty',
    DATABASE_URL: 'postgres://db',
    REDIS_URL: 'http://cache',
    GITHUB_CLIENT_ID: 'only-the-id',
  };

  it.for([
    ['web', ['tsx', 'roles/web.ts']],
    ['worker', ['tsx', 'roles/worker.ts']],
  ] as const)(
    'the %s role (npx tsx) exits non-zero with one message naming every bad variable',
    async ([, args], { expect }) => {
      const role = spawnRole([...args], badEnv, 'npx');
      started.push(role);
      const { code } = await role.exit;
      expect(code).not.toBe(0);
      const output = role.output().trim();
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toMatch(/^Invalid configuration: /);
      for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET_KEY', 'GITHUB_CLIENT_SECRET'])
        expect(output).toContain(`${name}:`);
      expect(output).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    },
  );
});

/** The warning each role logs at start while JWT_SECRET_KEY is the built-in development default. */
const DEV_SECRET_WARNING = 'JWT_SECRET_KEY is the built-in development secret';

describe.concurrent('starting with the development JWT secret', { timeout: 120_000 }, () => {
  const { JWT_SECRET_KEY: _unset, ...devEnv } = goodEnv;

  it.for([
    ['web', ['roles/web.ts'], 'web listening'],
    ['worker', ['roles/worker.ts'], 'workers started'],
    ['all', ['roles/all.ts'], 'workers started'],
  ] as const)('the %s role logs a loud warning at start', async ([name, args, startedMsg], { expect }) => {
    const role = spawnRole([...args], { ...devEnv, REDIS_PREFIX: `${devEnv.REDIS_PREFIX}_${name}` });
    started.push(role);
    await role.waitForLog(startedMsg);
    const warning = role
      .output()
      .split('\n')
      .find((line) => line.includes(DEV_SECRET_WARNING));
    expect(warning, role.output()).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40 });
    role.child.kill('SIGTERM');
    await role.exit;
  });
});

describe.concurrent('graceful shutdown on SIGTERM', { timeout: 120_000 }, () => {
  it('web: serves, then drains and exits 0', async ({ expect }) => {
    const web = spawnRole(['roles/web.ts'], goodEnv);
    started.push(web);
    const { port } = await web.waitForLog('web listening');
    const health = await fetch(`http://127.0.0.1:${String(port)}/healthz`);
    expect(health.status).toBe(200);
    // Ready once the database answers and every unique index exists (created at start outside production).
    await waitFor(
      async () => {
        const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
        if (ready.status !== 200) throw new Error(`readyz ${ready.status}`);
        return true;
      },
      'readyz 200',
      45_000,
      200,
    );
    web.child.kill('SIGTERM');
    expect(await web.exit).toEqual({ code: 0, signal: null });
    expect(web.output()).toContain('"msg":"shutting down"');
    expect(web.output()).not.toContain(SECRET);
    expect(web.output()).not.toContain(DEV_SECRET_WARNING);
  });

  it.for(['worker', 'scheduler'])('%s: exits 0', async (name, { expect }) => {
    const role = spawnRole([`roles/${name}.ts`], goodEnv);
    started.push(role);
    await role.waitForLog(name === 'worker' ? 'workers started' : 'scheduler started');
    role.child.kill('SIGTERM');
    expect(await role.exit).toEqual({ code: 0, signal: null });
    expect(role.output()).toContain('"msg":"shutting down"');
    expect(role.output()).not.toContain(DEV_SECRET_WARNING);
  });
});
