/**
 * The benchmark's targets, each a real server on its own port:
 * - direct: the fake upstream itself (the floor);
 * - peer: the Portkey gateway 1.15.2 from npm, installed once into the tool cache with the pins ../shared/NOTES.md gives;
 * - split: this project as the Procfile runs it: web, worker (every queue) and scheduler, three compiled processes;
 * - single: this project as `npm start` runs it: `node dist/roles/all.js`;
 * - split-cluster, single-cluster: the same two on the local Redis Cluster (REDIS_CLUSTER_NODES), beside the single Redis.
 * Project processes run with count-commands.js preloaded (Redis and MongoDB commands per process, read on SIGUSR2).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { freePort } from '../../test/helpers/processes.js';

export type Topology = 'split' | 'single';
/** A project target: a topology on the single Redis, or the same topology on the Redis Cluster. */
export type ProjectName = Topology | `${Topology}-cluster`;
export type TargetName = 'direct' | 'peer' | ProjectName;

export interface Proc {
  role: string;
  pid: number;
}

export interface Target {
  name: TargetName;
  /** The chat completions URL. */
  url: string;
  /** Headers for the i-th benchmark user (direct and peer have no users: the upstream key). */
  headers(user: number): Record<string, string>;
  processes: Proc[];
  stop(): Promise<void>;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const CACHE_DIR = process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder');
const PEER_VERSION = '1.15.2';
const PEER_DIR = path.join(CACHE_DIR, `portkey-gateway-${PEER_VERSION}`);
const PEER_ENTRY = path.join(PEER_DIR, 'node_modules/@portkey-ai/gateway/build/start-server.js');
export const COUNTS_DIR = path.join(os.tmpdir(), `bench-counts-${process.pid}`);
const LOG_DIR = path.resolve('test-output/bench-logs');

/** Spawns a process and stops it on request (SIGTERM, then SIGKILL after 10 s). */
function launch(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  logName?: string,
): { child: ChildProcess; stop(): Promise<void> } {
  // Logs (stdout, JSON lines) of the project's processes are kept in test-output/bench-logs.
  const out = logName ? openSync(path.join(LOG_DIR, `${logName}.log`), 'w') : 'ignore';
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', out, 'inherit'],
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
}

const answers =
  (url: string, expect: (status: number) => boolean = (status) => status === 200) =>
  async () => {
    const res = await request(url, { signal: AbortSignal.timeout(2000) });
    await res.body.dump();
    return expect(res.statusCode);
  };

/** Installs the pinned peer gateway once (npm registry), as ../shared/NOTES.md describes. */
function ensurePeerInstalled(): void {
  if (existsSync(PEER_ENTRY)) return;
  log(`installing the peer gateway @portkey-ai/gateway@${PEER_VERSION} into ${PEER_DIR}`);
  mkdirSync(PEER_DIR, { recursive: true });
  writeFileSync(
    path.join(PEER_DIR, 'package.json'),
    JSON.stringify({
      name: 'bench-peer',
      private: true,
      dependencies: { '@portkey-ai/gateway': PEER_VERSION },
      // A nested newer @hono/node-server breaks its streaming ("TypeError: immutable", Portkey #1389).
      overrides: { '@hono/node-server': '1.13.5', hono: '4.9.7', '@hono/node-ws': '1.2.0' },
    }),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER_DIR, stdio: 'inherit' });
  rmSync(path.join(PEER_DIR, 'node_modules/@portkey-ai/gateway/node_modules/@hono'), { recursive: true, force: true });
}

export async function startPeer(upstreamV1: string, upstreamKey: string): Promise<Target> {
  ensurePeerInstalled();
  const port = await freePort();
  const peer = launch([PEER_ENTRY, `--port=${port}`], { NODE_ENV: 'production' }, PEER_DIR);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    'peer gateway',
    answers(`${base}/`, (status) => status < 500),
  );
  const headers = {
    authorization: `Bearer ${upstreamKey}`,
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': upstreamV1,
  };
  return {
    name: 'peer',
    url: `${base}/v1/chat/completions`,
    headers: () => headers,
    processes: [{ role: 'peer', pid: peer.child.pid! }],
    stop: peer.stop,
  };
}

export function directTarget(upstreamV1: string, upstreamKey: string, pid: number): Target {
  const headers = { authorization: `Bearer ${upstreamKey}` };
  return {
    name: 'direct',
    url: `${upstreamV1}/chat/completions`,
    headers: () => headers,
    processes: [{ role: 'upstream', pid }],
    stop: async () => undefined,
  };
}

const PRELOAD = path.resolve('dist/bench/scripts/bench/count-commands.js');

/**
 * What `node` gets for a role, its flags then its entry (`dist/roles/<role>.js`): from the Procfile's line for web,
 * worker and scheduler; from the `start` script of package.json for `all` (what `npm start` runs).
 */
function nodeArgsOf(role: 'web' | 'worker' | 'scheduler' | 'all'): string[] {
  const command =
    role === 'all'
      ? (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start!
      : (readFileSync('Procfile', 'utf8')
          .split('\n')
          .find((line) => line.startsWith(`${role}:`)) ?? '');
  const node = /\bnode((?:\s+--\S+)*)\s+(dist\/\S+)/.exec(command);
  if (!node) throw new Error(`no node command for the ${role} role in ${role === 'all' ? 'package.json' : 'Procfile'}`);
  return [...node[1]!.trim().split(/\s+/).filter(Boolean), node[2]!];
}

/** The project as the Procfile (split) or `npm start` (single) runs it, from `npm run build`'s output. */
export async function startProject(name: ProjectName, env: Record<string, string>, tokens: string[]): Promise<Target> {
  mkdirSync(COUNTS_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const port = await freePort();
  const processEnv = { ...env, PORT: String(port), BENCH_COUNTS_DIR: COUNTS_DIR };
  const preload = ['--import', `file://${PRELOAD}`];
  // BENCH_CPU_PROF=1: each process writes a V8 CPU profile into test-output/profiles when it stops.
  if (process.env.BENCH_CPU_PROF === '1')
    preload.push('--cpu-prof', `--cpu-prof-dir=${path.resolve('test-output/profiles')}`);
  // The node flags (heap caps) and entries of the Procfile's roles and of `npm start`, read from those files.
  const roles: Array<[string, string[]]> = name.startsWith('split')
    ? [
        ['web', [...preload, ...nodeArgsOf('web')]],
        ['worker', [...preload, ...nodeArgsOf('worker')]],
        ['scheduler', [...preload, ...nodeArgsOf('scheduler')]],
      ]
    : [['all', [...preload, ...nodeArgsOf('all')]]];
  const launched = roles.map(([role, args]) => ({ role, ...launch(args, processEnv, undefined, `${name}-${role}`) }));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${name} web`, answers(`${base}/readyz`));
  return {
    name,
    url: `${base}/v1/chat/completions`,
    headers: (user) => ({ authorization: `Bearer ${tokens[user % tokens.length]!}` }),
    processes: launched.map(({ role, child }) => ({ role, pid: child.pid! })),
    stop: async () => {
      await Promise.all(launched.map((p) => p.stop()));
    },
  };
}

export interface CommandCounts {
  redis: Record<string, number>;
  redisRoundTrips: number;
  /** Bytes the process wrote to and read from its Redis sockets (every connection, blocking ones too). */
  redisBytesOut?: number;
  redisBytesIn?: number;
  mongo: Record<string, number>;
  /** Script names by SHA, as far as the process learnt them. */
  scriptNames?: Record<string, string>;
}

/** What a project process has counted so far (count-commands.js writes it on SIGUSR2). */
export async function readCounts(pid: number): Promise<CommandCounts> {
  const file = path.join(COUNTS_DIR, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 400; i += 1) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as CommandCounts;
      } catch {
        // written but not complete yet
      }
    }
    await sleep(5);
  }
  throw new Error(`process ${pid} wrote no counts`);
}

export function subtractCounts(after: CommandCounts, before: CommandCounts): CommandCounts {
  const minus = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(a)
        .map(([k, v]) => [k, v - (b[k] ?? 0)] as const)
        .filter(([, v]) => v > 0),
    );
  return {
    redis: minus(after.redis, before.redis),
    redisRoundTrips: after.redisRoundTrips - before.redisRoundTrips,
    redisBytesOut: (after.redisBytesOut ?? 0) - (before.redisBytesOut ?? 0),
    redisBytesIn: (after.redisBytesIn ?? 0) - (before.redisBytesIn ?? 0),
    mongo: minus(after.mongo, before.mongo),
    scriptNames: after.scriptNames,
  };
}
