/**
 * Local services without hand work. When DATABASE_URL / REDIS_URL / SMTP_URL point at this machine and nothing
 * answers, starts Redis (noeviction, nothing on disk), a MongoDB-wire server (`mongod` from PATH if present,
 * otherwise FerretDB v1.24.2 built once from the Go module proxy and cached) and Mailpit (an SMTP server with a web
 * UI, built once from the Go module proxy into the same cache).
 *
 *   tsx scripts/services.ts ensure                  start what is missing, leave it running
 *   tsx scripts/services.ts stop                    stop what `ensure` started
 *   tsx scripts/services.ts status
 *   tsx scripts/services.ts run [--with-chromium] [--mailpit] [--db-init] -- CMD…
 *                                         ensure, run CMD, then stop what this call started; --with-chromium also
 *                                         provides Chromium for the browser tests, --mailpit the Mailpit the test
 *                                         suite reads (TEST_SMTP_URL) (both for npm test), --db-init runs
 *                                         `npm run db:init` first on a local database (npm start, npm run dev)
 *   tsx scripts/services.ts chromium      only provide Chromium
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_INSTALL_COMMAND, findChromium } from './lib/chromium.js';
import { LOCAL_FERRETDB_POSTGRESQL_URL, ensureCustomPlans } from './lib/ferretdb-postgresql.js';
import { redisServerArgs } from './lib/redis-server.js';

const FERRETDB_VERSION = 'v1.24.2';
const MAILPIT_MODULE = 'github.com/axllent/mailpit@v1.33.1';
const LOCAL_SMTP_URL = 'smtp://127.0.0.1:1025';
/** Mailpit's web UI and API: next to its SMTP port, as in Mailpit's own defaults (1025 -> 8025). */
const MAILPIT_UI_PORT = Number(process.env.MAILPIT_UI_PORT ?? 8025);
const CACHE_DIR = process.env.AICODER_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aicoder');
const STATE_FILE = path.join(CACHE_DIR, 'services.json');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

interface Started {
  name: string;
  pid: number;
  where: string;
}

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
    if (await answers(host, port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start listening on ${host}:${port} within ${timeoutMs / 1000}s`);
}

function onPath(binary: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function readState(): Started[] {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Started[];
  } catch {
    return [];
  }
}

function writeState(state: Started[]): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
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

function goBuildFerretdb(binary: string): void {
  if (!onPath('go')) throw new Error('FerretDB must be built but `go` is not on PATH (install Go >= 1.24)');
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (once; cached at ${binary})`);
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`], {
      encoding: 'utf8',
    }),
  ) as { Dir: string };
  const src = path.join(CACHE_DIR, 'ferretdb-src');
  rmSync(src, { recursive: true, force: true });
  cpSync(info.Dir, src, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', src]);
  writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  const build = (extraEnv: Record<string, string>) =>
    spawnSync('go', ['build', '-buildvcs=false', '-trimpath', '-o', binary, './cmd/ferretdb'], {
      cwd: src,
      stdio: 'inherit',
      env: { ...process.env, CGO_ENABLED: '0', ...extraEnv },
    });
  if (build({}).status !== 0) {
    log('build with the machine Go failed; retrying with GOTOOLCHAIN=go1.24.3');
    if (build({ GOTOOLCHAIN: 'go1.24.3' }).status !== 0)
      throw new Error('go build of FerretDB failed (see the output above)');
  }
  chmodSync(binary, 0o755);
  rmSync(src, { recursive: true, force: true });
}

/** The FerretDB binary (built once); the suite also runs throwaway FerretDB servers of its own with it. */
function ensureFerretdbBinary(): string {
  const binary = path.join(CACHE_DIR, 'bin', 'ferretdb');
  if (!existsSync(binary)) {
    mkdirSync(path.dirname(binary), { recursive: true });
    goBuildFerretdb(binary);
  }
  return binary;
}

/** stripe-mock serves the billing tests' outgoing Stripe calls; built once from the Go module proxy. */
function ensureStripeMock(): void {
  const binary = path.join(CACHE_DIR, 'bin', 'stripe-mock');
  if (existsSync(binary)) return;
  if (!onPath('go')) {
    log('stripe-mock is missing and `go` is not on PATH: the billing tests will fail until it is built');
    return;
  }
  log(`building stripe-mock from the Go module proxy (once; cached at ${binary})`);
  const build = spawnSync('go', ['install', 'github.com/stripe/stripe-mock@latest'], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: path.dirname(binary) },
  });
  if (build.status !== 0) log('building stripe-mock failed (see above): the billing tests will fail');
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

/** Mailpit, built once from the Go module proxy; undefined (with the command to run printed) when it cannot be. */
function ensureMailpitBinary(): string | undefined {
  const binary = path.join(CACHE_DIR, 'bin', 'mailpit');
  if (existsSync(binary)) return binary;
  const command = `GOBIN=${path.dirname(binary)} GOFLAGS=-buildvcs=false go install ${MAILPIT_MODULE}`;
  if (!onPath('go')) {
    log(`Mailpit is missing and \`go\` is not on PATH; install Go >= 1.24, then run: ${command}`);
    return undefined;
  }
  log(`building Mailpit from the Go module proxy (once, about a minute; cached at ${binary})`);
  mkdirSync(path.dirname(binary), { recursive: true });
  const build = spawnSync('go', ['install', MAILPIT_MODULE], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: path.dirname(binary), GOFLAGS: '-buildvcs=false' },
  });
  if (build.status !== 0 || !existsSync(binary)) {
    log(`building Mailpit failed (see above); run: ${command}`);
    return undefined;
  }
  return binary;
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
  const binary = ensureMailpitBinary();
  if (!binary) return;
  started.push(
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
  const binary = ensureFerretdbBinary();
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

function checkRedisPolicy(port: number): void {
  if (!onPath('redis-cli')) return;
  const out =
    spawnSync('redis-cli', ['-p', String(port), 'config', 'get', 'maxmemory-policy'], { encoding: 'utf8' }).stdout ??
    '';
  if (out && !out.includes('noeviction'))
    log(`warning: Redis on ${port} has maxmemory-policy ${out.split('\n')[1]}; BullMQ needs noeviction`);
}

async function ensure(): Promise<Started[]> {
  const started: Started[] = [];
  const mongo = endpoint(process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017/user_management_db', 27017);
  const redis = endpoint(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);

  if (await answers(redis.host, redis.port)) {
    log(`Redis answers at ${redis.host}:${redis.port}; using it`);
    checkRedisPolicy(redis.port);
  } else if (LOCAL_HOSTS.has(redis.host)) {
    started.push(startRedis(redis.port));
    await waitFor('127.0.0.1', redis.port, 'Redis');
  } else throw new Error(`Redis at ${redis.host}:${redis.port} does not answer and is not local`);

  if (await answers(mongo.host, mongo.port))
    log(`MongoDB-wire server answers at ${mongo.host}:${mongo.port}; using it`);
  else if (LOCAL_HOSTS.has(mongo.host)) {
    started.push(await startMongoWire(mongo.host, mongo.port));
    await waitFor('127.0.0.1', mongo.port, 'MongoDB-wire server', 60_000);
  } else throw new Error(`MongoDB at ${mongo.host}:${mongo.port} does not answer and is not local`);

  if (['true', '1'].includes(process.env.MAIL_DISABLED ?? '')) log('MAIL_DISABLED is set: no SMTP server needed');
  else await ensureMail(process.env.SMTP_URL || LOCAL_SMTP_URL, started);

  writeState([...readState(), ...started]);
  return started;
}

/** The Mailpit the test suite sends to and reads from (TEST_SMTP_URL), whatever SMTP_URL the shell has. */
async function ensureTestMail(): Promise<Started[]> {
  const started: Started[] = [];
  const testSmtp = process.env.TEST_SMTP_URL || LOCAL_SMTP_URL;
  if (testSmtp !== (process.env.SMTP_URL || LOCAL_SMTP_URL) || ['true', '1'].includes(process.env.MAIL_DISABLED ?? ''))
    await ensureMail(testSmtp, started);
  writeState([...readState(), ...started]);
  return started;
}

function stop(which: Started[] = readState()): void {
  for (const service of which) {
    try {
      process.kill(service.pid, 'SIGTERM');
      log(`stopped ${service.name} (pid ${service.pid}) at ${service.where}`);
    } catch {
      log(`${service.name} (pid ${service.pid}) was not running`);
    }
  }
  const remaining = readState().filter((s) => !which.some((w) => w.pid === s.pid));
  writeState(remaining);
}

/**
 * Runs `npm run db:init` before the service on a local database: on FerretDB over PostgreSQL that is what adds the
 * GIN indexes its lookups need, and it needs the collections, which it creates first (the service's own start-up
 * creates them too, but has no PostgreSQL client). A failure is logged, not fatal: the service reports unique-index
 * problems on /readyz itself.
 */
function dbInit(): void {
  const host = endpoint(process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017/user_management_db', 27017).host;
  if (!LOCAL_HOSTS.has(host)) {
    log('--db-init: DATABASE_URL is not local; run `npm run db:init` where you deploy');
    return;
  }
  const result = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/db-init.ts'], { stdio: 'inherit' });
  if (result.status !== 0) log('db:init failed (see above); starting anyway');
}

async function run(
  command: string[],
  { withChromium, mailpit, initDatabase }: { withChromium: boolean; mailpit: boolean; initDatabase: boolean },
): Promise<number> {
  if (command.length === 0)
    throw new Error('usage: services.ts run [--with-chromium] [--mailpit] [--db-init] -- <command…>');
  const started = await ensure();
  if (mailpit) started.push(...(await ensureTestMail()));
  if (initDatabase) dbInit();
  // What the test suite and the benchmark run besides the services: throwaway FerretDB servers, stripe-mock.
  ensureFerretdbBinary();
  ensureStripeMock();
  if (withChromium) ensureChromium();
  const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: process.env, shell: false });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  stop(started);
  return code;
}

async function main(): Promise<void> {
  const [verb, ...rest] = process.argv.slice(2);
  switch (verb) {
    case 'ensure':
      await ensure();
      return;
    case 'stop':
      stop();
      return;
    case 'status':
      for (const s of readState()) log(`${s.name} pid ${s.pid} at ${s.where}`);
      return;
    case 'chromium':
      ensureChromium();
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
        withChromium: flags.includes('--with-chromium'),
        mailpit: flags.includes('--mailpit'),
        initDatabase: flags.includes('--db-init'),
      });
      return;
    }
    default:
      log(
        'usage: services.ts ensure | stop | status | chromium | run [--with-chromium] [--mailpit] [--db-init] -- <command…>',
      );
      process.exitCode = 64;
  }
}

main().catch((error: Error) => {
  log(`error: ${error.message}`);
  process.exit(1);
});
