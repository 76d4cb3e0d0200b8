/**
 * Local services without hand work. When DATABASE_URL / REDIS_URL / SMTP_URL point at this machine and nothing
 * answers, starts Redis (noeviction, nothing on disk), a MongoDB-wire server (`mongod` from PATH if present,
 * otherwise FerretDB v1.24.2 built once from the Go module proxy and cached) and Mailpit (an SMTP server with a web
 * UI, built once from the Go module proxy into the same cache).
 *
 *   tsx scripts/services.ts ensure                  start what is missing, leave it running
 *   tsx scripts/services.ts stop                    stop what `ensure` started
 *   tsx scripts/services.ts status
 *   tsx scripts/services.ts run [--cluster] [--test-tools] [--with-chromium] [--mailpit] [--db-init] -- CMD…
 *                                         ensure, run CMD, then stop what this call started; --test-tools also
 *                                         builds what the test suite runs itself (FerretDB for its throwaway
 *                                         servers, stripe-mock), --with-chromium provides Chromium for the browser
 *                                         tests, --mailpit the Mailpit the test suite reads (TEST_SMTP_URL) (all
 *                                         three for npm test), --db-init runs `npm run db:init` first on a local
 *                                         database (npm start, npm run dev), --cluster also a local Redis Cluster
 *                                         whose nodes CMD gets as REDIS_CLUSTER_NODES (npm run test:cluster)
 *   tsx scripts/services.ts chromium      only provide Chromium
 *
 * `run` stops on SIGTERM or SIGINT at any point: the signal goes on to CMD (which shuts down as it does under a
 * process manager), then whatever this call started is stopped, and it exits with CMD's code.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CHROMIUM_INSTALL_COMMAND, findChromium } from './lib/chromium.js';
import { LOCAL_FERRETDB_POSTGRESQL_URL, ensureCustomPlans } from './lib/ferretdb-postgresql.js';
import { ensureFerretdbBinary, ensureMailpitBinary, ensureStripeMock } from './lib/go-tools.js';
import { redisServerArgs } from './lib/redis-server.js';
import { CACHE_DIR, readState, writeState, type Started } from './lib/service-state.js';
import {
  CLUSTER_DIR,
  clusterNodeArgs,
  clusterNodesSetting,
  clusterPorts,
  clusterReady,
  clusterRoles,
  clusterSettled,
  createCluster,
  forgetNodeState,
} from './lib/redis-cluster.js';
import {
  Interrupted,
  exitCodeOf,
  runStoppable,
  signalExitCode,
  stopSignal,
  throwIfStopping,
  trapStopSignals,
} from './lib/stoppable.js';

const LOCAL_SMTP_URL = 'smtp://127.0.0.1:1025';
/** Mailpit's web UI and API: next to its SMTP port, as in Mailpit's own defaults (1025 -> 8025). */
const MAILPIT_UI_PORT = Number(process.env.MAILPIT_UI_PORT ?? 8025);
/** How long a stopped service may take to exit cleanly before it is killed. */
const STOP_GRACE_MS = 5000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const log = (message: string) => process.stderr.write(`[services] ${message}\n`);

function endpoint(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(
    url
      .replace(/^mongodb(\+srv)?:/, 'http:')
      .replace(/^rediss?:/, 'http:')
      .replace(/^smtps?:/, 'http:'),
  );
  return { host: parsed.hostname, port: Number(parsed.port || defaultPort) };
}

function answers(host: string, port: number, timeoutMs = 700): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host: string, port: number, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    throwIfStopping();
    if (await answers(host, port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start listening on ${host}:${port} within ${timeoutMs / 1000}s`);
}

function onPath(binary: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Records a service this call started, in the state file too (`services.ts stop` stops what `ensure` started). */
function remember(started: Started[], service: Started): void {
  started.push(service);
  writeState([...readState(), service]);
}

function startDetached(name: string, command: string, args: string[], where: string): Started {
  mkdirSync(path.join(CACHE_DIR, 'logs'), { recursive: true });
  const logFile = path.join(CACHE_DIR, 'logs', `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out] });
  child.unref();
  if (!child.pid) throw new Error(`could not start ${name} (${command})`);
  log(`started ${name} (pid ${child.pid}) at ${where}; log ${logFile}`);
  return { name, pid: child.pid, where };
}

/**
 * Chromium drives the Bull Board browser test. When it is missing and we are root with apt-get (a fresh container,
 * CI), Debian's package is installed; otherwise the one command to run is printed and the browser test fails
 * with the same advice.
 */
function ensureChromium(): void {
  if (findChromium()) return;
  if (process.getuid?.() === 0 && onPath('apt-get')) {
    log("Chromium is missing (the Bull Board browser test drives it): installing Debian's package with apt-get");
    const apt = (args: string[]) =>
      spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0;
    if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && findChromium()) {
      log(`Chromium installed at ${findChromium()}`);
      return;
    }
    log('installing Chromium with apt-get failed (see above)');
  }
  log(
    `Chromium is missing: the Bull Board browser test will fail. Install it with: ${CHROMIUM_INSTALL_COMMAND} (or set CHROMIUM_PATH)`,
  );
}

const mailpitUi = () => `http://127.0.0.1:${MAILPIT_UI_PORT}`;

/**
 * The SMTP server mail goes to: used when something answers; Mailpit started when the URL is local and nothing
 * does. Either way a local Mailpit's web UI address is printed, where a developer reads every mail sent.
 */
async function ensureMail(smtpUrl: string, started: Started[]): Promise<void> {
  const smtp = endpoint(smtpUrl, smtpUrl.startsWith('smtps:') ? 465 : 587);
  if (await answers(smtp.host, smtp.port)) {
    log(`SMTP answers at ${smtp.host}:${smtp.port}; using it`);
    if (LOCAL_HOSTS.has(smtp.host) && (await answers('127.0.0.1', MAILPIT_UI_PORT)))
      log(`Mailpit (mail sent locally): ${mailpitUi()}`);
    return;
  }
  if (!LOCAL_HOSTS.has(smtp.host)) {
    log(
      `warning: SMTP at ${smtp.host}:${smtp.port} does not answer and is not local; mail jobs will retry until it does`,
    );
    return;
  }
  const binary = await ensureMailpitBinary(CACHE_DIR, log);
  if (!binary) return;
  remember(
    started,
    startDetached(
      'mailpit',
      binary,
      [
        '--smtp',
        `127.0.0.1:${smtp.port}`,
        '--listen',
        `127.0.0.1:${MAILPIT_UI_PORT}`,
        // Any credentials in a local SMTP_URL are accepted, over plain SMTP; keep the newest 10,000 messages.
        '--smtp-auth-accept-any',
        '--smtp-auth-allow-insecure',
        '--max',
        '10000',
      ],
      `smtp 127.0.0.1:${smtp.port}, web ${mailpitUi()}`,
    ),
  );
  await waitFor('127.0.0.1', smtp.port, 'Mailpit');
  await waitFor('127.0.0.1', MAILPIT_UI_PORT, 'Mailpit web UI');
  log(`Mailpit (mail sent locally): ${mailpitUi()}`);
}

function ferretdbBackendArgs(): Promise<string[]> {
  return answers('127.0.0.1', 5432).then(async (pg) => {
    if (pg && onPath('psql')) {
      const exists = spawnSync(
        'psql',
        ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', "SELECT 1 FROM pg_database WHERE datname='ferretdb'"],
        { encoding: 'utf8' },
      );
      if (exists.status === 0) {
        if (exists.stdout.trim() !== '1')
          execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', 'CREATE DATABASE ferretdb']);
        // Before FerretDB opens its connections: the setting applies to new ones (scripts/lib/ferretdb-postgresql.ts).
        if (await ensureCustomPlans(LOCAL_FERRETDB_POSTGRESQL_URL))
          log('set plan_cache_mode=force_custom_plan on PostgreSQL database ferretdb (lets lookups use GIN indexes)');
        return ['--handler=postgresql', `--postgresql-url=${LOCAL_FERRETDB_POSTGRESQL_URL}`];
      }
    }
    const dir = path.join(CACHE_DIR, 'ferretdb-sqlite');
    mkdirSync(dir, { recursive: true });
    return ['--handler=sqlite', `--sqlite-url=file:${dir}/`];
  });
}

async function startMongoWire(host: string, port: number): Promise<Started> {
  const where = `${host}:${port}`;
  const mongod = onPath('mongod');
  if (mongod) {
    const dbPath = path.join(CACHE_DIR, 'mongod-data');
    mkdirSync(dbPath, { recursive: true });
    return startDetached(
      'mongod',
      mongod,
      ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1'],
      where,
    );
  }
  const binary = await ensureFerretdbBinary(CACHE_DIR, log);
  const backend = await ferretdbBackendArgs();
  return startDetached(
    'ferretdb',
    binary,
    [
      ...backend,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--log-level=warn',
      '--state-dir=-',
      '--debug-addr=-',
    ],
    `${where} (${backend[0]!.replace('--handler=', '')} backend)`,
  );
}

function startRedis(port: number): Started {
  const redis = onPath('redis-server');
  if (!redis) throw new Error('Redis must be started but `redis-server` is not on PATH (apt-get install redis-server)');
  return startDetached('redis', redis, redisServerArgs(port), `127.0.0.1:${port}`);
}

/**
 * A local Redis Cluster (3 masters, a replica each) on REDIS_CLUSTER_PORT (7000) and the 5 ports after it: used
 * when it already serves every slot, otherwise started from `redis-server` and joined with `redis-cli --cluster`.
 * Prints the REDIS_CLUSTER_NODES setting that points the service at it; `services.ts stop` stops it.
 */
async function ensureCluster(started?: Started[]): Promise<string> {
  const ports = clusterPorts(Number(process.env.REDIS_CLUSTER_PORT ?? 7000));
  const up = await Promise.all(ports.map((port) => answers('127.0.0.1', port)));
  if (up.every(Boolean) && clusterReady(ports)) log(`Redis Cluster answers on ports ${ports.join(', ')}; using it`);
  else if (up.some(Boolean))
    throw new Error(
      `ports ${ports.join(', ')} hold something that is not a whole cluster; stop it or set REDIS_CLUSTER_PORT`,
    );
  else {
    const redis = onPath('redis-server');
    if (!redis) throw new Error('`redis-server` is not on PATH (apt-get install redis-server)');
    for (const port of ports) {
      forgetNodeState(port, CLUSTER_DIR);
      remember(
        started ?? [],
        startDetached(`redis-cluster-${port}`, redis, clusterNodeArgs(port, CLUSTER_DIR), `127.0.0.1:${port}`),
      );
    }
    for (const port of ports) await waitFor('127.0.0.1', port, 'Redis Cluster node');
    createCluster(ports);
    const deadline = Date.now() + 30_000;
    while (!clusterSettled(ports)) {
      if (Date.now() > deadline)
        throw new Error('the cluster did not settle (every slot served, a replica per master) in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const { masters, replicas } = clusterRoles(ports);
  log(`Redis Cluster ready: ${masters} masters, ${replicas} replicas`);
  log(`REDIS_CLUSTER_NODES=${clusterNodesSetting(ports)}`);
  return clusterNodesSetting(ports);
}

function checkRedisPolicy(port: number): void {
  if (!onPath('redis-cli')) return;
  const out =
    spawnSync('redis-cli', ['-p', String(port), 'config', 'get', 'maxmemory-policy'], { encoding: 'utf8' }).stdout ??
    '';
  if (out && !out.includes('noeviction'))
    log(`warning: Redis on ${port} has maxmemory-policy ${out.split('\n')[1]}; BullMQ needs noeviction`);
}

async function ensure(started: Started[] = []): Promise<Started[]> {
  const mongo = endpoint(process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017/user_management_db', 27017);
  const redis = endpoint(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);

  if (await answers(redis.host, redis.port)) {
    log(`Redis answers at ${redis.host}:${redis.port}; using it`);
    checkRedisPolicy(redis.port);
  } else if (LOCAL_HOSTS.has(redis.host)) {
    remember(started, startRedis(redis.port));
    await waitFor('127.0.0.1', redis.port, 'Redis');
  } else throw new Error(`Redis at ${redis.host}:${redis.port} does not answer and is not local`);

  if (await answers(mongo.host, mongo.port))
    log(`MongoDB-wire server answers at ${mongo.host}:${mongo.port}; using it`);
  else if (LOCAL_HOSTS.has(mongo.host)) {
    remember(started, await startMongoWire(mongo.host, mongo.port));
    await waitFor('127.0.0.1', mongo.port, 'MongoDB-wire server', 60_000);
  } else throw new Error(`MongoDB at ${mongo.host}:${mongo.port} does not answer and is not local`);

  if (['true', '1'].includes(process.env.MAIL_DISABLED ?? '')) log('MAIL_DISABLED is set: no SMTP server needed');
  else await ensureMail(process.env.SMTP_URL || LOCAL_SMTP_URL, started);
  return started;
}

/** The Mailpit the test suite sends to and reads from (TEST_SMTP_URL), whatever SMTP_URL the shell has. */
async function ensureTestMail(started: Started[]): Promise<void> {
  const testSmtp = process.env.TEST_SMTP_URL || LOCAL_SMTP_URL;
  if (testSmtp !== (process.env.SMTP_URL || LOCAL_SMTP_URL) || ['true', '1'].includes(process.env.MAIL_DISABLED ?? ''))
    await ensureMail(testSmtp, started);
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM, then the process's own clean exit; SIGKILL when it has not exited within STOP_GRACE_MS. */
async function stopOne(service: Started): Promise<void> {
  if (!isRunning(service.pid)) {
    log(`${service.name} (pid ${service.pid}) was not running`);
    return;
  }
  process.kill(service.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isRunning(service.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isRunning(service.pid)) {
    process.kill(service.pid, 'SIGKILL');
    log(
      `killed ${service.name} (pid ${service.pid}) at ${service.where}: still running ${STOP_GRACE_MS / 1000}s after SIGTERM`,
    );
  } else log(`stopped ${service.name} (pid ${service.pid}) at ${service.where}`);
}

async function stop(started: Started[] = readState()): Promise<void> {
  // A service restarted since (the failover test restarts the cluster node it killed) is stopped by its new pid.
  const state = readState();
  const which = started.map((s) => state.find((r) => r.name === s.name && r.where === s.where) ?? s);
  await Promise.all(which.map(stopOne));
  writeState(readState().filter((s) => !which.some((w) => w.pid === s.pid)));
}

/**
 * Runs `npm run db:init` before the service on a local database: on FerretDB over PostgreSQL that is what adds the
 * GIN indexes its lookups need, and it needs the collections, which it creates first (the service's own start-up
 * creates them too, but has no PostgreSQL client). A failure is logged, not fatal: the service reports unique-index
 * problems on /readyz itself.
 */
async function dbInit(): Promise<void> {
  const host = endpoint(process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017/user_management_db', 27017).host;
  if (!LOCAL_HOSTS.has(host)) {
    log('--db-init: DATABASE_URL is not local; run `npm run db:init` where you deploy');
    return;
  }
  const ended = await runStoppable(process.execPath, ['--import', 'tsx', 'scripts/db-init.ts']);
  throwIfStopping();
  if (ended.code !== 0) log('db:init failed (see above); starting anyway');
}

interface RunFlags {
  /** Also a local Redis Cluster, which the command gets as REDIS_CLUSTER_NODES. */
  cluster: boolean;
  testTools: boolean;
  withChromium: boolean;
  mailpit: boolean;
  initDatabase: boolean;
}

/** Everything before the command: the services, and what the flags ask for. */
async function prepare(
  started: Started[],
  { cluster, testTools, withChromium, mailpit, initDatabase }: RunFlags,
): Promise<void> {
  await ensure(started);
  if (cluster) process.env.REDIS_CLUSTER_NODES = await ensureCluster(started);
  if (mailpit) await ensureTestMail(started);
  if (initDatabase) await dbInit();
  if (testTools) {
    await ensureFerretdbBinary(CACHE_DIR, log);
    await ensureStripeMock(CACHE_DIR, log);
  }
  if (withChromium) ensureChromium();
}

async function run(command: string[], flags: RunFlags): Promise<number> {
  if (command.length === 0) throw new Error(`usage: services.ts ${RUN_USAGE}`);
  trapStopSignals(log);
  const started: Started[] = [];
  try {
    await prepare(started, flags);
    return exitCodeOf(await runStoppable(command[0]!, command.slice(1), { env: process.env }));
  } catch (error) {
    const signal = stopSignal();
    if (!(error instanceof Interrupted) && !signal) throw error;
    log(`stopped by ${signal} before ${command.join(' ')} started`);
    return signalExitCode(signal!);
  } finally {
    await stop(started);
  }
}

const RUN_USAGE = 'run [--cluster] [--test-tools] [--with-chromium] [--mailpit] [--db-init] -- <command…>';

async function main(): Promise<void> {
  // Whoever read this output may be gone (a closed pipe): stopping what was started matters more than saying so.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const [verb, ...rest] = process.argv.slice(2);
  switch (verb) {
    case 'ensure':
      await ensure();
      return;
    case 'stop':
      await stop();
      return;
    case 'status':
      for (const s of readState()) log(`${s.name} pid ${s.pid} at ${s.where}`);
      return;
    case 'chromium':
      ensureChromium();
      return;
    case 'cluster':
      await ensureCluster();
      return;
    case 'run': {
      const separator = rest.indexOf('--');
      const command = separator >= 0 ? rest.slice(separator + 1) : rest;
      const flags = separator >= 0 ? rest.slice(0, separator) : [];
      const resolved =
        command[0] && existsSync(path.join('node_modules', '.bin', command[0]))
          ? [path.join('node_modules', '.bin', command[0]), ...command.slice(1)]
          : command;
      process.exitCode = await run(resolved, {
        cluster: flags.includes('--cluster'),
        testTools: flags.includes('--test-tools'),
        withChromium: flags.includes('--with-chromium'),
        mailpit: flags.includes('--mailpit'),
        initDatabase: flags.includes('--db-init'),
      });
      return;
    }
    default:
      log(`usage: services.ts ensure | stop | status | chromium | cluster | ${RUN_USAGE}`);
      process.exitCode = 64;
  }
}

main().catch((error: Error) => {
  log(`error: ${error.message}`);
  process.exit(1);
});
