import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './wait.js';
import { redisServerArgs } from '../../scripts/lib/redis-server.js';
import type { Config } from '../../src/config/index.js';

const FERRETDB_BIN =
  process.env.FERRETDB_BIN ??
  path.join(process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder'), 'bin', 'ferretdb');
/**
 * Entry points run as ONE node process with tsx's loader. Not `npx tsx`: npm exec does not forward SIGTERM, and
 * the tsx CLI relays signals through a wrapper that SIGKILLs its child when it does not answer within 30 ms
 * (which happens on a loaded machine), so neither would test our own shutdown.
 */
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'] as const;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export interface Throwaway {
  port: number;
  start(): Promise<void>;
  /** SIGKILL, like a crash. */
  kill(): Promise<void>;
  cleanup(): Promise<void>;
}

function throwaway(port: number, command: string, args: string[], onCleanup: () => void = () => undefined): Throwaway {
  let child: ChildProcess | undefined;
  const kill = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = undefined;
  };
  return {
    port,
    async start() {
      if (child && child.exitCode === null) return;
      child = spawn(command, args, { stdio: 'ignore' });
      await waitFor(() => answers(port), `${path.basename(command)} listening on ${port}`, 45_000, 200);
    },
    kill,
    async cleanup() {
      await kill();
      onCleanup();
    },
  };
}

/** A private Redis (nothing on disk) on its own port: safe to kill, unlike the shared one. */
export async function throwawayRedis(): Promise<Throwaway> {
  const port = await freePort();
  return throwaway(port, 'redis-server', redisServerArgs(port));
}

/** A private FerretDB (SQLite in a temp dir, kept across restarts) on its own port. */
export async function throwawayFerretDb(): Promise<Throwaway> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferretdb-'));
  return throwaway(
    port,
    FERRETDB_BIN,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--state-dir=-',
      '--debug-addr=-',
      '--log-level=error',
    ],
    () => rmSync(dir, { recursive: true, force: true }),
  );
}

/** A private FerretDB on its own port over PostgreSQL (the handler `npm start` uses when PostgreSQL answers). */
export async function throwawayFerretDbOnPostgres(postgresqlUrl: string): Promise<Throwaway> {
  const port = await freePort();
  return throwaway(port, FERRETDB_BIN, [
    '--handler=postgresql',
    `--postgresql-url=${postgresqlUrl}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--state-dir=-',
    '--debug-addr=-',
    '--log-level=error',
  ]);
}

export interface RoleProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the first JSON log line whose msg matches. */
  waitForLog(msg: string): Promise<Record<string, unknown>>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (the role's clean shutdown), then waits for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown hooks, leases and locks left to lapse, like a crashed machine. */
  kill(): Promise<void>;
}

/**
 * The one way the tests run a role as a child process: an entry point (`roles/web.ts`, `roles/worker.ts`,
 * `test/helpers/child-entry.ts web`, …) or a command (`npm`, `npx`) as a real process with exactly `env`.
 */
export function spawnRole(args: string[], env: Record<string, string>, command?: string): RoleProcess {
  const [bin, ...prefix] = command ? [command] : NODE_WITH_TSX;
  const child = spawn(bin, [...prefix, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    await exit;
  };
  return {
    child,
    pid: child.pid!,
    output: () => out,
    exit,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    waitForLog: (msg) =>
      waitFor(
        async () => {
          const line = out.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
          if (!line) throw new Error(child.exitCode !== null ? `exited ${child.exitCode}: ${out}` : `no "${msg}" yet`);
          return JSON.parse(line) as Record<string, unknown>;
        },
        `log "${msg}"`,
        60_000,
        200,
      ),
  };
}

/** The environment that reproduces `config` in another process (same database, Redis prefix and secrets). */
export function configEnv(config: Config, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === 'plans' || key === 'isProduction' || value === undefined || value === null) continue;
    env[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return { ...env, ...extra };
}

export type StartedRole = RoleProcess & { url: string };

/** A role of test/helpers/child-entry.ts: the web role, or a worker role running only the named queue. */
export type TestRole = 'web' | 'llm-worker' | 'usage-worker';

/**
 * Starts `role` (test/helpers/child-entry.ts) with `env` (usually `configEnv(app.config)`) and waits until it is
 * ready: for a worker, its queue worker is running; for the web role, `/readyz` answers (listening is not ready:
 * the web role answers 503 service_not_ready until its index check is done). `url` is the web role's address.
 */
export async function startRole(role: TestRole, env: Record<string, string>, timeoutMs = 60_000): Promise<StartedRole> {
  const started = spawnRole(['test/helpers/child-entry.ts', role], env);
  try {
    const ready = await waitFor(
      () => {
        const line = started
          .output()
          .split('\n')
          .find((l) => l.startsWith('{"ready"'));
        if (line) return JSON.parse(line) as { ready: true; port?: number };
        if (started.child.exitCode !== null) throw new Error(`${role} exited ${started.child.exitCode}`);
        return null;
      },
      `${role} ready`,
      timeoutMs,
      50,
    );
    const url = ready.port ? `http://127.0.0.1:${ready.port}` : '';
    if (url) await waitFor(() => fetch(`${url}/readyz`).then((r) => r.ok), `${role} /readyz`, timeoutMs);
    return { ...started, url };
  } catch (error) {
    await started.kill();
    throw new Error(`${(error as Error).message}\n${started.output()}`);
  }
}
