/**
 * `npm run bench`: the LLM proxy on its production topology, beside the peer gateway and the upstream itself, in one
 * run. Targets (see targets.ts): direct (the fake upstream: the floor), peer (Portkey 1.15.2), split (web + worker +
 * scheduler as the Procfile runs them) and single (`npm start`'s one process), all against Redis and FerretDB as the
 * services script starts them, settlement on. Each phase runs its targets in alternating blocks, so machine noise
 * hits all of them alike.
 * Phases, all by default, or those named in BENCH_PHASES (comma-separated):
 *   sequential  one user, each request sent after the previous one has settled (the extension's pattern); also
 *               counts MongoDB commands, Redis commands/round trips/scripts and CPU ms per request per process;
 *   c32         32 users at concurrency 32 (streaming);   c256  streaming at concurrency 256;
 *   rps         non-streaming throughput at concurrency 64 (with the same counts per request);
 *   growth      sequential and rps again, each project database grown first by BENCH_GROWTH_ROWS (100,000) ledger
 *               rows and as many users (cloned in SQL, scripts/bench/database.ts), beside the fresh runs above;
 *   slow        BENCH_STREAMS (2000) concurrent slow streams on each project topology (RSS, errors);
 *   hostile, replay  the attack phases of abuse.ts, on the split topology;
 *   audit       every proxied request has exactly one ledger row, with the tokens its client received.
 * Environment: BENCH_SEQ (sequential requests per target, default 200), BENCH_STREAMS (default 2000),
 * BENCH_SLOW_TOKENS (default 600), BENCH_RAMP_MS (default 4000), BENCH_TARGETS (default direct,peer,split,single),
 * BENCH_CPU_PROF=1 (each project process writes a V8 CPU profile into test-output/profiles), BENCH_RPS (non-streaming
 * requests per block, default 1500), BENCH_GROWTH_ROWS.
 * Redis: BENCH_REDIS (or `npm run bench -- --redis <list>`), `single` (default), `cluster` or `single,cluster`. With
 * `cluster` each project topology also runs as `<topology>-cluster` on the local Redis Cluster, in the same alternating
 * blocks: REDIS_CLUSTER_NODES when set (`services.ts run --cluster -- npm run bench`), otherwise the cluster the
 * services script starts or reuses on REDIS_CLUSTER_PORT (7000).
 * Each project database gets the GIN mirrors db:init adds on FerretDB over PostgreSQL; the usage queue is drained after
 * every block of a project; sequential and rps blocks also count PostgreSQL transactions (pg_stat_database).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import mongoose from 'mongoose';
import { parseConfig } from '../../src/config/index.js';
import { createRedis, masters, redisTargetOf, type RedisClient } from '../../src/lib/redis.js';
import { connectMongo } from '../../src/lib/mongo.js';
import { initCollections, UserModel } from '../../src/models/index.js';
import { bindModelWritesForScriptAlone } from '../../src/lib/model-bindings.js';
import { createAccessTokens } from '../../src/modules/auth/access-tokens.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { deleteKeys } from '../../test/helpers/harness.js';
import { bullPrefix, settleJobId } from '../../queues/index.js';
import { clusterNodesSetting, clusterPorts } from '../lib/redis-cluster.js';
import {
  hostilePhase,
  replayPhase,
  REPLAY_TOKEN,
  REPLAY_TOKENS,
  type HostileResult,
  type ReplayResult,
} from './abuse.js';
import { clientAgent, completeOnce, pool, streamOnce, type StreamResult } from './client.js';
import { cpuMs, cpuMsByCommand, rssMb } from './procfs.js';
import { drainUsage, ginMirrors, growDatabase, quietTransactions } from './database.js';
import {
  report,
  summarized,
  type BenchResults,
  type CountsRow,
  type LedgerRow,
  type PhaseRow,
  type TransactionsRow,
} from './report.js';
import { spawnRole } from './roles-launcher.js';
import { ms, summarize } from './stats.js';
import { waterfall, type WaterfallRow, type WaterfallSample } from './waterfall.js';
import {
  COUNTS_DIR,
  directTarget,
  readCounts,
  startPeer,
  startProject,
  subtractCounts,
  type CommandCounts,
  type ProjectName,
  type Target,
  type TargetName,
} from './targets.js';

const SEQ = Number(process.env.BENCH_SEQ ?? 200);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const SLOW_TOKENS = Number(process.env.BENCH_SLOW_TOKENS ?? 600);
const RAMP_MS = Number(process.env.BENCH_RAMP_MS ?? 4000);
const RPS_REQUESTS = Number(process.env.BENCH_RPS ?? 1500);
const GROWTH_ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? 100_000);
const USERS = 32;
const words = (n: number) => Array.from({ length: n }, (_, i) => `tok${i}`).join(' ');

const ALL_PHASES = ['sequential', 'c32', 'c256', 'rps', 'growth', 'slow', 'hostile', 'replay', 'audit'] as const;
const PHASES = new Set(
  process.env.BENCH_PHASES ? process.env.BENCH_PHASES.split(',').map((p) => p.trim()) : ALL_PHASES,
);
const unknownPhases = [...PHASES].filter((p) => !(ALL_PHASES as readonly string[]).includes(p));
if (unknownPhases.length)
  throw new Error(`unknown BENCH_PHASES ${unknownPhases.join(',')}; known: ${ALL_PHASES.join(',')}`);
const redisFlag = process.argv.indexOf('--redis');
const REDIS_KINDS = (redisFlag >= 0 ? process.argv[redisFlag + 1] : (process.env.BENCH_REDIS ?? 'single'))!
  .split(',')
  .map((k) => k.trim());
const unknownKinds = REDIS_KINDS.filter((k) => k !== 'single' && k !== 'cluster');
if (unknownKinds.length || !REDIS_KINDS.length)
  throw new Error(`unknown Redis ${unknownKinds.join(',')}; known: single,cluster (--redis or BENCH_REDIS)`);
const TARGETS = new Set(
  (process.env.BENCH_TARGETS ?? 'direct,peer,split,single').split(',').map((t) => t.trim()) as TargetName[],
);

const ROUTES = {
  'bench-fast': { content: words(20) },
  'bench-slow': { content: words(SLOW_TOKENS), tokenDelayMs: 25 },
  'bench-replay': { tokens: [REPLAY_TOKEN], repeat: REPLAY_TOKENS },
};

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const body = (marker: string) => ({
  model: 'gpt-4',
  messages: [{ role: 'user', content: `${marker}: say something` }],
});

interface Project {
  target: Target;
  /** The benchmark's own connection to this target's Redis (single or cluster). */
  redis: RedisClient;
  /** The ledger of this topology's database, read by the benchmark (never by the measured processes). */
  ledger: mongoose.mongo.Collection;
  connection: mongoose.Connection;
  usage: Queue;
  redisPrefix: string;
  proxied: StreamResult[];
  proxiedJson: Array<{ requestId: string; tokens: number }>;
}

/** Creates the benchmark users in a topology's own database and returns an access token for each. */
async function seedUsers(databaseUrl: string, secret: string, issuer: string, audience: string): Promise<string[]> {
  await connectMongo(databaseUrl);
  await initCollections();
  const accessTokens = createAccessTokens({ secret, issuer, audience, ttlSeconds: 6 * 3600 });
  const resetDate = new Date(Date.now() + 30 * 86_400_000);
  const tokens: string[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const user = await UserModel.create({
      email: `bench-${i}-${randomBytes(3).toString('hex')}@example.com`,
      password_hash: null,
      subscription_tier: 'enterprise',
      monthly_limit: 1e13,
      tokens_remaining: 1e13,
      reset_date: resetDate,
      limit_overrides: { requests_per_minute: 10_000_000, concurrent_streams: 1_000_000 },
    });
    tokens.push(accessTokens.sign({ sub: user._id.toString(), ver: 0, role: 'user' }));
  }
  // Not mongoose.disconnect(): that would also close the ledger connections the benchmark keeps.
  await mongoose.connection.close();
  return tokens;
}

/**
 * Waits until the request's settlement job has completed (ledger row written, counters charged), asking Redis:
 * polling the ledger would add the benchmark's own queries to the database's CPU per request.
 */
async function settled(project: Project, requestId: string, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await project.usage.getJobState(settleJobId(requestId))) === 'completed') return true;
    await sleep(1);
  }
  return false;
}

/** The local cluster's nodes: REDIS_CLUSTER_NODES, or the services script starts (or reuses) the cluster. */
function clusterNodes(): string {
  if (process.env.REDIS_CLUSTER_NODES) return process.env.REDIS_CLUSTER_NODES;
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/services.ts', 'cluster'], {
    stdio: 'inherit',
  });
  return clusterNodesSetting(clusterPorts(Number(process.env.REDIS_CLUSTER_PORT ?? 7000)));
}

/** A benchmark connection that queues commands until it (or, on a cluster, its slot map) is ready. */
async function benchRedis(target: ReturnType<typeof redisTargetOf>): Promise<RedisClient> {
  const redis = createRedis(target, { enableOfflineQueue: true, maxRetriesPerRequest: null });
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

/** The shared services every project request also costs (their CPU is read per command name, counts are not). */
const SERVICES = ['ferretdb', 'postgres', 'redis-server'];
const NO_COUNTS: CommandCounts = { redis: {}, redisRoundTrips: 0, mongo: {} };

async function countsOf(
  target: Target,
  upstreamPid: number,
): Promise<Array<{ role: string; counts: CommandCounts; cpu: number }>> {
  const own = await Promise.all(
    target.processes.map(async ({ role, pid }) => ({ role, counts: await readCounts(pid), cpu: cpuMs(pid) })),
  );
  const services = Object.entries(cpuMsByCommand(SERVICES)).map(([role, cpu]) => ({
    role: `(${role})`,
    counts: NO_COUNTS,
    cpu,
  }));
  return [...own, ...services, { role: '(upstream)', counts: NO_COUNTS, cpu: cpuMs(upstreamPid) }];
}

/** Script names by SHA, from every process's counts. */
const scriptNames: Record<string, string> = {};

/**
 * Accumulates what each process of a project did over measured blocks, to report it per request, and the PostgreSQL
 * transactions of each block (counted once the project's usage queue has drained: its ledger flushes belong to it).
 */
function counter(
  upstreamPid: number,
  projectOf: (t: Target) => Project | undefined,
  quiet: (p: Project) => Promise<void>,
) {
  const totals = new Map<string, { role: string; counts: CommandCounts; cpu: number; requests: number }>();
  const transactions = new Map<TargetName, { requests: number; transactions: number }>();
  let lastReading: number | undefined;
  return {
    async measure<T>(target: Target, requests: number, run: () => Promise<T>): Promise<T> {
      const project = projectOf(target);
      if (!project) return run();
      // Between two blocks of a phase only direct and peer blocks run: the last reading is still current.
      const transactionsBefore = lastReading ?? (await quietTransactions());
      const before = await countsOf(target, upstreamPid);
      const result = await run();
      await quiet(project);
      const after = await countsOf(target, upstreamPid);
      lastReading = await quietTransactions();
      const sum = transactions.get(target.name) ?? { requests: 0, transactions: 0 };
      transactions.set(target.name, {
        requests: sum.requests + requests,
        // Less the reading that opened the span, itself a transaction.
        transactions: sum.transactions + (lastReading - transactionsBefore - 1),
      });
      after.forEach((a, i) => {
        Object.assign(scriptNames, a.counts.scriptNames);
        const diff = subtractCounts(a.counts, before[i]!.counts);
        const key = `${target.name}|${a.role}`;
        const total = totals.get(key) ?? {
          role: a.role,
          counts: { redis: {}, redisRoundTrips: 0, redisBytesOut: 0, redisBytesIn: 0, mongo: {} },
          cpu: 0,
          requests: 0,
        };
        for (const [k, v] of Object.entries(diff.redis)) total.counts.redis[k] = (total.counts.redis[k] ?? 0) + v;
        for (const [k, v] of Object.entries(diff.mongo)) total.counts.mongo[k] = (total.counts.mongo[k] ?? 0) + v;
        total.counts.redisRoundTrips += diff.redisRoundTrips;
        total.counts.redisBytesOut! += diff.redisBytesOut ?? 0;
        total.counts.redisBytesIn! += diff.redisBytesIn ?? 0;
        total.cpu += a.cpu - before[i]!.cpu;
        total.requests += requests;
        totals.set(key, total);
      });
      return result;
    },
    rows(phase: string): CountsRow[] {
      return [...totals.entries()].map(([key, t]) => ({
        phase,
        target: key.split('|')[0] as TargetName,
        role: t.role,
        requests: t.requests,
        counts: t.counts,
        cpuMs: t.cpu,
      }));
    },
    transactions(phase: string): TransactionsRow[] {
      return [...transactions].map(([target, t]) => ({ phase, target, ...t }));
    },
  };
}

async function main(): Promise<void> {
  // Its one model write is seedUsers: each database is new, seeded before its project's processes start.
  bindModelWritesForScriptAlone();
  const id = randomBytes(4).toString('hex');
  log('building: `npm run build` (the production artifacts) and the benchmark roles');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'scripts/bench/tsconfig.json'], {
    stdio: 'inherit',
  });
  const upstream = await spawnRole('upstream', {}, [JSON.stringify(ROUTES)]);
  const upstreamV1 = `${upstream.url}/v1`;
  const upstreamKey = 'sk-bench-upstream-key';
  const mongoBase = (process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017').replace(/^(mongodb:\/\/[^/?]+).*$/, '$1');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const clusterSetting = REDIS_KINDS.includes('cluster') ? clusterNodes() : '';
  const secret = randomBytes(32).toString('hex');
  // Database names and key prefixes: `split-cluster` becomes `bench_<id>_split_cluster`.
  const namespaceOf = (name: ProjectName) => `bench_${id}_${name.replace(/-/g, '_')}`;
  const envOf = (name: ProjectName): Record<string, string> => ({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: `${mongoBase}/${namespaceOf(name)}`,
    REDIS_URL: redisUrl,
    // Set either way: the benchmark may itself run under `services.ts run --cluster`.
    REDIS_CLUSTER_NODES: name.endsWith('-cluster') ? clusterSetting : '',
    REDIS_PREFIX: namespaceOf(name),
    JWT_SECRET_KEY: secret,
    A4F_BASE_URL: upstreamV1,
    A4F_API_KEY: upstreamKey,
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    MAIL_DISABLED: 'true',
    WORKER_CONCURRENCY_LLM: String(Math.max(256, STREAMS + 100)),
    LLM_STREAM_TTL_SECONDS: '900',
    LLM_JOB_ATTEMPTS: '1',
  });
  const targets: Target[] = [];
  const projects: Project[] = [];
  try {
    if (TARGETS.has('direct')) targets.push(directTarget(upstreamV1, upstreamKey, upstream.pid));
    if (TARGETS.has('peer')) targets.push(await startPeer(upstreamV1, upstreamKey));
    const names = REDIS_KINDS.flatMap((kind) =>
      (['split', 'single'] as const)
        .filter((topology) => TARGETS.has(topology))
        .map((topology): ProjectName => (kind === 'cluster' ? `${topology}-cluster` : topology)),
    );
    const flushed = new Set<string>();
    for (const name of names) {
      const env = envOf(name);
      const config = parseConfig(env);
      const redis = await benchRedis(redisTargetOf(config));
      // Scripts are then first sent with their source, so the processes' counts can name them (once per Redis).
      if (!flushed.has(env.REDIS_CLUSTER_NODES!)) for (const node of masters(redis)) await node.script('FLUSH');
      flushed.add(env.REDIS_CLUSTER_NODES!);
      const tokens = await seedUsers(config.DATABASE_URL, secret, config.JWT_ISSUER, config.JWT_AUDIENCE);
      // What db:init adds on FerretDB over PostgreSQL; force_custom_plan is set by the services script already.
      log(await ginMirrors(namespaceOf(name)).catch((error: Error) => `GIN mirrors not added: ${error.message}`));
      const target = await startProject(name, env, tokens);
      const connection = await mongoose.createConnection(config.DATABASE_URL).asPromise();
      targets.push(target);
      const usage = new Queue('usage', { connection: redis, prefix: bullPrefix(config.REDIS_PREFIX, 'usage') });
      projects.push({
        target,
        redis,
        connection,
        usage,
        redisPrefix: config.REDIS_PREFIX,
        ledger: connection.collection('token_usage'),
        proxied: [],
        proxiedJson: [],
      });
    }
    log(
      `targets: ${targets.map((t) => `${t.name} (${t.processes.map((p) => `${p.role} ${p.pid}`).join(', ')})`).join('; ')}; ${os.cpus().length} cores`,
    );
    const projectOf = (t: Target) => projects.find((p) => p.target === t);
    const rows: PhaseRow[] = [];

    async function streams(
      phase: string,
      target: Target,
      concurrency: number,
      requests: number,
      options: { settle?: boolean; userOffset?: number; samples?: WaterfallSample[] } = {},
    ): Promise<void> {
      const dispatcher = clientAgent(concurrency + 8);
      const project = projectOf(target);
      const started = performance.now();
      const results = await pool(requests, concurrency, async (i) => {
        const sentAt = Date.now();
        const result = await streamOnce(
          dispatcher,
          target.url,
          target.headers((options.userOffset ?? 0) + (concurrency === 1 ? 0 : i)),
          body('bench-fast'),
        );
        if (options.settle && project && result.ok && !(await settled(project, result.requestId)))
          result.error = 'not settled within 10 s';
        if (result.ok) options.samples?.push({ requestId: result.requestId, sentAt, ttft: result.ttft });
        return result;
      });
      const seconds = (performance.now() - started) / 1000;
      await dispatcher.close();
      project?.proxied.push(...results);
      const ok = results.filter((r) => r.ok);
      rows.push({
        phase,
        target: target.name,
        concurrency,
        requests,
        errors: results.length - ok.length,
        ttft: ok.map((r) => r.ttft),
        total: ok.map((r) => r.total),
        seconds,
      });
      const firstError = results.find((r) => !r.ok || r.error)?.error;
      log(
        `${phase} ${target.name} c=${concurrency}: ${requests} in ${seconds.toFixed(1)} s, ttft p50 ${ms(summarize(ok.map((r) => r.ttft)).p50)}, errors ${results.length - ok.length}${firstError ? ` (${firstError})` : ''}`,
      );
    }

    /** Waits until the project's usage queue and ledger backlog are empty, so no target pays for another's work. */
    async function quiet(project: Project): Promise<void> {
      const drained = await drainUsage(project.usage, project.redis, project.redisPrefix);
      if (!drained.drained) log(`${project.target.name}: usage queue not drained after ${drained.ms} ms`);
    }

    /** Alternating blocks: block 1 of every target, then block 2 of every target... */
    async function alternate(blocks: number, run: (target: Target, block: number) => Promise<void>): Promise<void> {
      for (let block = 0; block < blocks; block += 1)
        for (const target of targets) {
          await run(target, block);
          const project = projectOf(target);
          if (project) await quiet(project);
        }
    }

    const ledgerSizes: LedgerRow[] = [];
    async function ledgerAtStart(phase: string): Promise<void> {
      for (const project of projects) {
        const rows = await project.ledger.countDocuments({});
        ledgerSizes.push({ phase, target: project.target.name, rows });
        log(`${phase} ${project.target.name}: ${rows} ledger rows at the start`);
      }
    }

    log('warming up');
    await alternate(1, (t) => streams('warm-up', t, 4, 100));
    rows.length = 0;

    const countRows: CountsRow[] = [];
    const transactions: TransactionsRow[] = [];
    const waterfalls: WaterfallRow[] = [];
    async function sequential(phase: string): Promise<void> {
      await ledgerAtStart(phase);
      const counts = counter(upstream.pid, projectOf, quiet);
      const samples = new Map(projects.map((p) => [p.target, [] as WaterfallSample[]]));
      await alternate(4, (t) =>
        counts.measure(t, Math.ceil(SEQ / 4), () =>
          streams(phase, t, 1, Math.ceil(SEQ / 4), { settle: true, samples: samples.get(t) }),
        ),
      );
      for (const project of projects)
        waterfalls.push(
          await waterfall(project.redis, project.redisPrefix, phase, project.target.name, samples.get(project.target)!),
        );
      countRows.push(...counts.rows(phase));
      transactions.push(...counts.transactions(phase));
    }

    const rps: BenchResults['rps'] = [];
    async function nonStreaming(phase: string): Promise<void> {
      await ledgerAtStart(phase);
      const counts = counter(upstream.pid, projectOf, quiet);
      const perTarget = new Map<TargetName, { ok: number; errors: number; seconds: number }>();
      await alternate(2, (target) =>
        counts.measure(target, RPS_REQUESTS, async () => {
          const dispatcher = clientAgent(72);
          const started = performance.now();
          const results = await pool(RPS_REQUESTS, 64, (i) =>
            completeOnce(dispatcher, target.url, target.headers(i), body('bench-fast')),
          );
          const seconds = (performance.now() - started) / 1000;
          await dispatcher.close();
          projectOf(target)?.proxiedJson.push(...results.filter((r) => r.ok));
          const sum = perTarget.get(target.name) ?? { ok: 0, errors: 0, seconds: 0 };
          perTarget.set(target.name, {
            ok: sum.ok + results.filter((r) => r.ok).length,
            errors: sum.errors + results.filter((r) => !r.ok).length,
            seconds: sum.seconds + seconds,
          });
          log(
            `${phase} non-streaming ${target.name} c=64: ${(results.filter((r) => r.ok).length / seconds).toFixed(0)} req/s`,
          );
        }),
      );
      for (const [target, sum] of perTarget) rps.push({ phase, target, rps: sum.ok / sum.seconds, errors: sum.errors });
      countRows.push(...counts.rows(phase));
      transactions.push(...counts.transactions(phase));
    }

    if (PHASES.has('sequential')) await sequential('sequential');
    if (PHASES.has('c32')) await alternate(2, (t) => streams('c32', t, 32, 800));
    if (PHASES.has('c256')) await alternate(2, (t) => streams('c256', t, 256, 1280));
    if (PHASES.has('rps')) await nonStreaming('rps');
    if (PHASES.has('growth')) {
      for (const project of projects) {
        const started = performance.now();
        await growDatabase(project.connection, GROWTH_ROWS);
        log(
          `${project.target.name}: grown by ${GROWTH_ROWS} ledger rows and users in ${ms(performance.now() - started)} ms`,
        );
      }
      await sequential('growth sequential');
      await nonStreaming('growth rps');
    }

    const slow: BenchResults['slow'] = [];
    if (PHASES.has('slow')) {
      for (const project of projects) slow.push(await slowPhase(project));
    }

    const split = projects.find((p) => p.target.name === 'split') ?? projects[0];
    const abuseTarget = split && {
      apiUrl: split.target.url.replace('/v1/chat/completions', ''),
      apiPid: split.target.processes[0]!.pid,
      workerPid: split.target.processes[1]?.pid ?? split.target.processes[0]!.pid,
      headers: split.target.headers(0),
    };
    const hostile: HostileResult[] | undefined =
      PHASES.has('hostile') && abuseTarget ? await hostilePhase(abuseTarget) : undefined;
    const replay: ReplayResult | null | undefined =
      PHASES.has('replay') && abuseTarget ? await replayPhase(abuseTarget, 'bench-replay') : undefined;

    const audit = PHASES.has('audit') ? await Promise.all(projects.map(auditPhase)) : undefined;

    const results: BenchResults = {
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model,
        memory_gb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        date: new Date().toISOString(),
      },
      command: `BENCH_PHASES=${[...PHASES].join(',')} BENCH_REDIS=${REDIS_KINDS.join(',')} npm run bench`,
      phases: rows,
      rps,
      counts: countRows,
      transactions,
      ledger: ledgerSizes,
      waterfalls,
      scriptNames,
      slow,
      hostile,
      replay,
      audit,
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/bench.json', JSON.stringify(summarized(results), null, 2));
    process.stdout.write(`${report(results)}\n`);
  } finally {
    await Promise.all(targets.map((t) => t.stop()));
    await upstream.stop();
    for (const project of projects) {
      await project.usage.close();
      await project.connection.dropDatabase().catch(() => undefined);
      await project.connection.close();
      await deleteKeys(project.redis, `${project.redisPrefix}:*`);
      project.redis.disconnect();
    }
    rmSync(COUNTS_DIR, { recursive: true, force: true });
  }
}

/** Many concurrent slow streams through one topology: errors, and the peak RSS of each of its processes. */
async function slowPhase(project: Project): Promise<NonNullable<BenchResults['slow']>[number]> {
  const { target } = project;
  log(`${target.name}: ${STREAMS} concurrent streams of ${SLOW_TOKENS} tokens at 25 ms`);
  const peak: Record<string, number> = Object.fromEntries(target.processes.map((p) => [p.role, rssMb(p.pid)]));
  const sampler = setInterval(() => {
    for (const p of target.processes) peak[p.role] = Math.max(peak[p.role]!, rssMb(p.pid));
  }, 100);
  const dispatcher = clientAgent(STREAMS + 16);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: STREAMS }, async (_, i) => {
      await sleep((i * RAMP_MS) / STREAMS);
      return streamOnce(dispatcher, target.url, target.headers(i), body('bench-slow'));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await dispatcher.close();
  project.proxied.push(...results);
  const complete = results.filter((r) => r.ok && r.tokens === SLOW_TOKENS).length;
  const firstProblem = results.find((r) => !r.ok || r.tokens !== SLOW_TOKENS);
  log(
    `${target.name} slow streams: ${complete}/${STREAMS} complete, ${seconds.toFixed(1)} s, peak RSS MB ${JSON.stringify(peak)}${firstProblem ? `; first problem ${JSON.stringify(firstProblem).slice(0, 300)}` : ''}`,
  );
  return {
    target: target.name,
    streams: STREAMS,
    complete,
    errors: STREAMS - complete,
    seconds,
    rss_mb: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v)])),
  };
}

/** Every proxied request has exactly one ledger row whose completion tokens equal what its client received. */
async function auditPhase(project: Project): Promise<NonNullable<BenchResults['audit']>[number]> {
  const audited = [
    ...project.proxied
      .filter((r) => r.requestId)
      .map((r) => ({ requestId: r.requestId, tokens: r.tokens, text: r.text as string | null })),
    ...project.proxiedJson.map((r) => ({ ...r, text: null })),
  ];
  const ids = audited.map((a) => a.requestId);
  const deadline = Date.now() + 120_000;
  while (
    Date.now() < deadline &&
    // Rows reach the ledger settled and complete, once the usage queue's flush has written the backlog.
    (await project.ledger.countDocuments({ request_id: { $in: ids } })) < ids.length
  )
    await sleep(500);
  const rowsById = new Map<string, Array<{ completion_tokens: number; usage_source: string }>>();
  for (let i = 0; i < ids.length; i += 2000) {
    const found = await project.ledger
      .find(
        { request_id: { $in: ids.slice(i, i + 2000) } },
        { projection: { request_id: 1, completion_tokens: 1, usage_source: 1 } },
      )
      .toArray();
    for (const row of found)
      rowsById.set(String(row.request_id), [
        ...(rowsById.get(String(row.request_id)) ?? []),
        row as unknown as { completion_tokens: number; usage_source: string },
      ]);
  }
  let missing = 0;
  let duplicated = 0;
  let mismatched = 0;
  let received = 0;
  let settledTokens = 0;
  for (const item of audited) {
    const found = rowsById.get(item.requestId) ?? [];
    if (found.length === 0) {
      missing += 1;
      continue;
    }
    if (found.length > 1) duplicated += 1;
    const row = found[0]!;
    const expected =
      row.usage_source === 'counted' && item.text !== null ? await countTokens('gpt-4', item.text) : item.tokens;
    received += expected;
    settledTokens += row.completion_tokens;
    if (row.completion_tokens !== expected) mismatched += 1;
  }
  const result = {
    target: project.target.name,
    requests: audited.length,
    missing,
    duplicated,
    mismatched,
    tokens_received: received,
    tokens_settled: settledTokens,
  };
  log(`audit ${JSON.stringify(result)}`);
  return result;
}

main().catch((error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
