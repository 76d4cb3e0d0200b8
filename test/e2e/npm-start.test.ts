import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { testMongoBaseUrl } from '../helpers/config.js';
import { freePort } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';

/**
 * `npm start` and `npm run dev` exactly as a person, a process manager or a container runtime runs them: the
 * signal goes to npm's process alone (not to its process group, as a terminal's Ctrl-C would), and everything the
 * command started must stop with it. Redis and Mailpit get ports of their own, so the services script starts
 * private ones (and must stop them); the database is the suite's shared server, which it uses and must leave alone.
 */
const REAL_CACHE = process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder');
const databases: string[] = [];
const cacheDirs: string[] = [];
const npmProcesses: ChildProcess[] = [];

afterAll(async () => {
  // A test that failed before its stop still stops what it started.
  for (const child of npmProcesses.filter((c) => c.exitCode === null && c.signalCode === null)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
  for (const url of databases)
    await mongoose
      .connect(url)
      .then((m) => m.connection.dropDatabase())
      .catch(() => undefined);
  await mongoose.disconnect();
});

/**
 * A cache of its own (state file, logs, bin/) holding only the Mailpit the real cache built (linked), so the run
 * shows what it builds: nothing else, since the database answers and stripe-mock is for the tests alone.
 */
function privateCacheDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aicoder-npm-start-'));
  cacheDirs.push(dir);
  mkdirSync(path.join(dir, 'bin'));
  const mailpit = path.join(REAL_CACHE, 'bin', 'mailpit');
  if (existsSync(mailpit)) symlinkSync(mailpit, path.join(dir, 'bin', 'mailpit'));
  return dir;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  /** R, S, D, Z (zombie: exited, not yet collected) … */
  state: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after its last ')'.
    const close = stat.lastIndexOf(')');
    const [state = '', ppid = '0'] = stat.slice(close + 2).split(' ');
    return { pid, ppid: Number(ppid), name: stat.slice(stat.indexOf('(') + 1, close), state };
  } catch {
    return undefined;
  }
}

/** Every process below `root` (children, their children …), read from /proc. */
function descendantsOf(root: number): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProcess(Number(entry)))
    .filter((info): info is ProcessInfo => info !== undefined);
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const info of all)
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        grew = true;
      }
  }
  return found;
}

const stillRunning = (pid: number) => {
  const info = readProcess(pid);
  return info !== undefined && info.state !== 'Z';
};

async function startNpm(script: string[]) {
  const id = randomBytes(5).toString('hex');
  const ports = { app: await freePort(), redis: await freePort(), smtp: await freePort(), mailpitUi: await freePort() };
  const databaseUrl = `${testMongoBaseUrl()}/test_npm_start_${id}`;
  databases.push(databaseUrl);
  const cacheDir = privateCacheDir();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    AICODER_CACHE_DIR: cacheDir,
    NODE_ENV: 'development',
    PORT: String(ports.app),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
    MAILPIT_UI_PORT: String(ports.mailpitUi),
    BCRYPT_COST: '10',
    QUOTA_RESET_CRON: '0 0 1 1 *',
  };
  const child = spawn('npm', script, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  npmProcesses.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`npm exited ${child.exitCode}:\n${output}`);
      return (await fetch(`http://127.0.0.1:${ports.app}/healthz`)).ok;
    },
    `npm ${script.join(' ')} to answer /healthz`,
    240_000,
    250,
  );
  // The web role answers first; the stop is meant for all three roles running.
  await waitFor(() => output.includes('"msg":"scheduler started"'), 'the scheduler to start', 60_000, 100);
  return { child, exit, ports, cacheDir, output: () => output };
}

type Started = Awaited<ReturnType<typeof startNpm>>;

/**
 * Sends `signal` to npm's process only; then nothing it started runs and none of its ports answers. With
 * `readerGone`, npm's output pipes are closed first (whoever read them went away), so nothing it says can be read.
 */
async function stopsEverything(
  started: Started,
  signal: NodeJS.Signals,
  expect: ExpectStatic,
  { readerGone = false } = {},
): Promise<void> {
  const { child, exit, ports, output } = started;
  const tree = descendantsOf(child.pid!);
  // The services script, the service, and the private Redis and Mailpit the script started.
  expect(tree.map((p) => p.name)).toEqual(expect.arrayContaining(['redis-server', 'mailpit']));
  expect(tree.length).toBeGreaterThanOrEqual(4);

  if (readerGone) {
    child.stdout!.destroy();
    child.stderr!.destroy();
  }
  child.kill(signal);
  // The bound for the whole stop; a cap on the wait, after which the assertions below say what was left.
  const ended = await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 10_000, 'still running'))]);

  expect(ended, output()).toEqual({ code: 0, signal: null });
  if (!readerGone) {
    expect(output()).toContain('"msg":"shutting down"');
    expect(output()).not.toMatch(/"level":[56]0|Error:/);
    expect(output()).toMatch(/stopped redis \(pid \d+\)/);
    expect(output()).toMatch(/stopped mailpit \(pid \d+\)/);
  }
  // A helper of the loader (esbuild) ends when its pipe to the exited script closes: a moment, not a stop.
  const left = await waitFor(
    () => tree.filter((p) => stillRunning(p.pid)).length === 0 || undefined,
    'every process npm started to end',
    5000,
  ).catch(() => tree.filter((p) => stillRunning(p.pid)));
  expect(left, output()).toBe(true);
  for (const [what, port] of Object.entries(ports)) expect(await answers(port), `${what} port ${port}`).toBe(false);
  // The shared database server it found answering was used, not stopped.
  const database = new URL(testMongoBaseUrl().replace(/^mongodb:/, 'http:'));
  expect(await answers(Number(database.port || 27017))).toBe(true);
}

describe('npm start', { timeout: 300_000 }, () => {
  it('SIGTERM to the npm process stops the service and everything it started; links follow PORT', async ({
    expect,
  }) => {
    const started = await startNpm(['start']);
    // Built only what runs: no FerretDB (a MongoDB-wire server answers), no stripe-mock (the tests' alone).
    expect(started.output()).not.toMatch(/building (FerretDB|github\.com\/stripe)/);
    expect(readdirSync(path.join(started.cacheDir, 'bin'))).toEqual(['mailpit']);
    const base = `http://127.0.0.1:${started.ports.app}`;
    // Without PUBLIC_URL, the OpenAPI server (Swagger UI's "Try it out") and mail links follow PORT.
    const openapi = (await (await fetch(`${base}/openapi.json`)).json()) as { servers: Array<{ url: string }> };
    expect(openapi.servers).toEqual([{ url: `http://localhost:${started.ports.app}` }]);
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'readyz 200', 60_000, 250);
    const email = `npm-start-${randomBytes(4).toString('hex')}@mail.test`;
    const register = await fetch(`${base}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a-good-password' }),
    });
    expect(register.status).toBe(201);
    const mailpit = `http://127.0.0.1:${started.ports.mailpitUi}/api/v1`;
    const mail = await waitFor(
      async () => {
        const { messages } = (await (await fetch(`${mailpit}/messages`)).json()) as { messages: Array<{ ID: string }> };
        const first = messages[0];
        return first && ((await (await fetch(`${mailpit}/message/${first.ID}`)).json()) as { Text: string });
      },
      'the verification mail in the private Mailpit',
      60_000,
      250,
    );
    expect(mail.Text).toContain(`http://localhost:${started.ports.app}/`);
    expect(mail.Text).not.toContain('localhost:8000');

    await stopsEverything(started, 'SIGTERM', expect);
  });
});

describe('npm run dev', { timeout: 300_000 }, () => {
  it('SIGINT to the npm process stops the service and everything it started', async ({ expect }) => {
    await stopsEverything(await startNpm(['run', 'dev']), 'SIGINT', expect);
  });

  it('SIGTERM after the reader of its output went away (a closed pipe) still stops everything', async ({ expect }) => {
    await stopsEverything(await startNpm(['run', 'dev']), 'SIGTERM', expect, { readerGone: true });
  });
});
