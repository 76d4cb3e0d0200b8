/**
 * `npm run bench`: the LLM proxy against a fake OpenAI-compatible upstream, in one run:
 *   direct to the upstream vs through the proxy (API + BullMQ + worker + Redis Streams, all separate processes);
 *   time to first token and total time sequentially and at concurrency 32 and 256; non-streaming requests/s;
 *   thousands of concurrent slow streams with the RSS of each process; and a token audit comparing what
 *   clients received with the settlement jobs the proxy enqueued (the usage queue is left unprocessed).
 * Phases, all by default, or those named in BENCH_PHASES (comma-separated): latency (warm-up, sequential, concurrent),
 * hop (the queue hop alone), rps (non-streaming), slow (many slow streams), audit (settlements of the phases run),
 * hostile (1 MB prompts costly to tokenize: CPU ms per request, /healthz), replay (never-reading clients on a replay:
 * API RSS, /healthz); see abuse.ts for the last two.
 * Environment: BENCH_SEQ (sequential requests, default 300), BENCH_STREAMS (default 2000), BENCH_SLOW_TOKENS
 * (default 600), BENCH_RAMP_MS (how long opening the streams takes, default 4000), BENCH_HEAP_MB (V8 old-space
 * cap of the API and worker processes, default 256; 0 leaves V8's default, which grows lazily with free RAM).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { parseConfig } from '../../src/config/index.js';
import { connectMongo } from '../../src/lib/mongo.js';
import { initCollections, UserModel } from '../../src/models/index.js';
import { createAccessTokens } from '../../src/modules/auth/access-tokens.js';
import { countTokens } from '../../src/modules/llm/tokenizer.js';
import { bullPrefix, type JobPayload } from '../../queues/index.js';
import { deleteKeys } from '../../test/helpers/harness.js';
import { hostilePhase, hostileTable, replayPhase, REPLAY_TOKEN, REPLAY_TOKENS, type HostileResult, type ReplayResult } from './abuse.js';
import { clientAgent, completeOnce, pool, streamOnce, type StreamResult } from './client.js';
import { rssMb } from './procfs.js';
import { ms, summarize, type Summary } from './stats.js';

const SEQ = Number(process.env.BENCH_SEQ ?? 300);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const SLOW_TOKENS = Number(process.env.BENCH_SLOW_TOKENS ?? 600);
const RAMP_MS = Number(process.env.BENCH_RAMP_MS ?? 4000);
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 256);
const words = (n: number) => Array.from({ length: n }, (_, i) => `tok${i}`).join(' ');

const ALL_PHASES = ['latency', 'hop', 'rps', 'slow', 'audit', 'hostile', 'replay'] as const;
const PHASES = new Set(process.env.BENCH_PHASES ? process.env.BENCH_PHASES.split(',').map((p) => p.trim()) : ALL_PHASES);
const unknownPhases = [...PHASES].filter((p) => !(ALL_PHASES as readonly string[]).includes(p));
if (unknownPhases.length) throw new Error(`unknown BENCH_PHASES ${unknownPhases.join(',')}; known: ${ALL_PHASES.join(',')}`);

const ROUTES = {
  'bench-fast': { content: words(20) },
  'bench-slow': { content: words(SLOW_TOKENS), tokenDelayMs: 25 },
  'bench-replay': { tokens: [REPLAY_TOKEN], repeat: REPLAY_TOKENS },
};

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface Role {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts one of the benchmark's roles from the compiled JavaScript and waits for its ready line. */
async function spawnRole(role: 'web' | 'llm-worker' | 'upstream' | 'floor-worker', env: Record<string, string>, extra: string[] = []): Promise<Role> {
  const flags = (role === 'web' || role === 'llm-worker') && HEAP_MB > 0 ? [`--max-old-space-size=${HEAP_MB}`] : [];
  const child = spawn(process.execPath, [...flags, 'dist/bench/scripts/bench/roles.js', role, ...extra], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number | undefined>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (part: Buffer) => {
      out += part.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve((JSON.parse(line) as { port?: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    url: port ? `http://127.0.0.1:${port}` : '',
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

interface PhaseResult {
  name: string;
  target: 'direct' | 'proxy';
  concurrency: number;
  requests: number;
  errors: number;
  ttft: Summary;
  total: Summary;
  seconds: number;
}

const body = (marker: string) => ({ model: 'gpt-4', messages: [{ role: 'user', content: `${marker}: say something` }] });

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  log('compiling (the processes run compiled JavaScript, as in production)');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'scripts/bench/tsconfig.json'], { stdio: 'inherit' });
  const upstreamRole = await spawnRole('upstream', {}, [JSON.stringify(ROUTES)]);
  const upstream = { ...upstreamRole, url: `${upstreamRole.url}/v1` };
  const env: Record<string, string> = {
    NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1',
    DATABASE_URL: `${(process.env.DATABASE_URL ?? 'mongodb://127.0.0.1:27017').replace(/^(mongodb:\/\/[^/?]+).*$/, '$1')}/bench_${id}`, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `bench_${id}`,
    JWT_SECRET_KEY: randomBytes(32).toString('hex'), A4F_BASE_URL: upstream.url, A4F_API_KEY: 'sk-bench-upstream-key', METRICS_TOKEN: randomBytes(16).toString('hex'),
    WORKER_CONCURRENCY_LLM: String(Math.max(256, STREAMS + 100)), LLM_STREAM_TTL_SECONDS: '900', LLM_JOB_ATTEMPTS: '1',
  };
  const config = parseConfig(env);
  await connectMongo(config.DATABASE_URL);
  await initCollections();
  const now = new Date();
  const user = await UserModel.create({
    email: `bench-${id}@example.com`, password_hash: null, subscription_tier: 'enterprise', monthly_limit: 1e13, tokens_remaining: 1e13,
    reset_date: new Date(now.getTime() + 30 * 86_400_000), limit_overrides: { requests_per_minute: 10_000_000, concurrent_streams: 1_000_000 },
  });
  const token = createAccessTokens({ secret: config.JWT_SECRET_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ttlSeconds: 3600 })
    .sign({ sub: user._id.toString(), ver: 0, role: 'user' });
  const processes: Role[] = [];
  const redis = new Redis(config.REDIS_URL);
  try {
    const [api, worker] = await Promise.all([spawnRole('web', env), spawnRole('llm-worker', env)]);
    processes.push(api, worker);
    log(`upstream pid ${upstream.pid}, api pid ${api.pid}, worker pid ${worker.pid}; ${os.cpus().length} cores`);
    const proxyUrl = `${api.url}/v1/chat/completions`;
    const directUrl = `${upstream.url}/chat/completions`;
    const proxyHeaders = { authorization: `Bearer ${token}` };
    const directHeaders = { authorization: 'Bearer sk-bench-upstream-key' };
    const proxied: StreamResult[] = [];
    const proxiedJson: Array<{ requestId: string; tokens: number }> = [];
    const phases: PhaseResult[] = [];

    async function streamPhase(name: string, target: 'direct' | 'proxy', concurrency: number, requests: number, marker = 'bench-fast'): Promise<PhaseResult> {
      const dispatcher = clientAgent(concurrency + 8);
      const url = target === 'proxy' ? proxyUrl : directUrl;
      const headers = target === 'proxy' ? proxyHeaders : directHeaders;
      const started = performance.now();
      const results = await pool(requests, concurrency, () => streamOnce(dispatcher, url, headers, body(marker)));
      const seconds = (performance.now() - started) / 1000;
      await dispatcher.close();
      if (target === 'proxy') proxied.push(...results);
      const ok = results.filter((r) => r.ok);
      const phase = { name, target, concurrency, requests, errors: results.length - ok.length, ttft: summarize(ok.map((r) => r.ttft)), total: summarize(ok.map((r) => r.total)), seconds };
      const firstError = results.find((r) => !r.ok)?.error;
      log(`${name} ${target} c=${concurrency}: ttft p50 ${ms(phase.ttft.p50)} p99 ${ms(phase.ttft.p99)}, total p50 ${ms(phase.total.p50)} p99 ${ms(phase.total.p99)}, errors ${phase.errors}${firstError ? ` (${firstError})` : ''}`);
      phases.push(phase);
      return phase;
    }

    if (PHASES.has('latency')) {
      log('warming up');
      await streamPhase('warm-up', 'direct', 4, 100);
      await streamPhase('warm-up', 'proxy', 4, 100);
      phases.length = 0;

      // Sequential, alternating direct and proxy in blocks so both see the same machine state.
      for (let block = 0; block < 3; block += 1) {
        await streamPhase('sequential', 'direct', 1, Math.ceil(SEQ / 3));
        await streamPhase('sequential', 'proxy', 1, Math.ceil(SEQ / 3));
      }
      for (const concurrency of [32, 256]) {
        const requests = concurrency === 32 ? 1600 : 2560;
        await streamPhase('concurrent', 'direct', concurrency, requests);
        await streamPhase('concurrent', 'proxy', concurrency, requests);
      }
    }

    let floor: Summary | undefined;
    if (PHASES.has('hop')) {
      // Reference: the queue hop alone (enqueue -> a BullMQ worker in another process -> XADD -> XREAD BLOCK).
      const floorWorker = await spawnRole('floor-worker', env);
      processes.push(floorWorker);
      const floorQueue = new Queue('floor', { connection: redis, prefix: bullPrefix(config.REDIS_PREFIX) });
      const reader = new Redis(config.REDIS_URL);
      const floorTimes: number[] = [];
      for (let i = 0; i < SEQ + 50; i += 1) {
        const started = performance.now();
        const key = `${config.REDIS_PREFIX}:floor:f${i}`;
        const read = reader.xread('BLOCK', 5000, 'STREAMS', key, '0-0');
        await floorQueue.add('f', {}, { jobId: `f${i}`, removeOnComplete: true });
        await read;
        if (i >= 50) floorTimes.push(performance.now() - started);
      }
      floor = summarize(floorTimes);
      await floorQueue.close();
      reader.disconnect();
      log(`queue hop alone (add -> worker -> XADD -> XREAD): p50 ${ms(floor.p50)} p99 ${ms(floor.p99)}`);
    }

    const rps: Record<string, number> = {};
    if (PHASES.has('rps')) {
      // Non-streaming throughput.
      for (const target of ['direct', 'proxy'] as const) {
        const dispatcher = clientAgent(72);
        const url = target === 'proxy' ? proxyUrl : directUrl;
        const headers = target === 'proxy' ? proxyHeaders : directHeaders;
        const count = 3000;
        const started = performance.now();
        const results = await pool(count, 64, () => completeOnce(dispatcher, url, headers, body('bench-fast')));
        const seconds = (performance.now() - started) / 1000;
        await dispatcher.close();
        if (target === 'proxy') proxiedJson.push(...results.filter((r) => r.ok));
        rps[target] = results.filter((r) => r.ok).length / seconds;
        log(`non-streaming ${target} c=64: ${rps[target]!.toFixed(0)} req/s, errors ${results.filter((r) => !r.ok).length}`);
      }
    }

    let slowResult: Record<string, unknown> | undefined;
    if (PHASES.has('slow')) {
      // Many concurrent slow streams.
      log(`${STREAMS} concurrent streams of ${SLOW_TOKENS} tokens at 25 ms`);
      const rss = { api: 0, worker: 0, upstream: 0, apiIdle: rssMb(api.pid), workerIdle: rssMb(worker.pid) };
      let open = 0;
      let peakOpen = 0;
      const sampler = setInterval(() => {
        rss.api = Math.max(rss.api, rssMb(api.pid));
        rss.worker = Math.max(rss.worker, rssMb(worker.pid));
        rss.upstream = Math.max(rss.upstream, rssMb(upstream.pid));
      }, 100);
      const slowDispatcher = clientAgent(STREAMS + 16);
      const slowStarted = performance.now();
      const slow = await Promise.all(Array.from({ length: STREAMS }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * RAMP_MS) / STREAMS));
        return streamOnce(slowDispatcher, proxyUrl, proxyHeaders, body('bench-slow'), {
          onOpen() {
            open += 1;
            peakOpen = Math.max(peakOpen, open);
          },
          onClose() {
            open -= 1;
          },
        });
      }));
      const slowSeconds = (performance.now() - slowStarted) / 1000;
      clearInterval(sampler);
      await slowDispatcher.close();
      proxied.push(...slow);
      const slowOk = slow.filter((r) => r.ok && r.tokens === SLOW_TOKENS);
      const slowErrors = slow.length - slowOk.length;
      log(`slow streams: ${slowOk.length}/${STREAMS} complete and exact, peak open ${peakOpen}, ${slowSeconds.toFixed(1)} s; RSS MB api ${rss.api.toFixed(0)} worker ${rss.worker.toFixed(0)} upstream ${rss.upstream.toFixed(0)}`);
      const firstSlowError = slow.find((r) => !r.ok || r.tokens !== SLOW_TOKENS);
      if (firstSlowError) log(`first slow-stream problem: ${JSON.stringify(firstSlowError)}`);
      slowResult = {
        streams: STREAMS, tokens_each: SLOW_TOKENS, token_delay_ms: 25, ramp_ms: RAMP_MS, heap_mb: HEAP_MB, complete: slowOk.length, errors: slowErrors,
        peak_open: peakOpen, seconds: slowSeconds, tokens_per_second: (slowOk.length * SLOW_TOKENS) / slowSeconds,
        ttft: summarize(slow.filter((r) => r.ok).map((r) => r.ttft)), rss_mb: rss,
      };
    }

    let audit: Record<string, number> | undefined;
    if (PHASES.has('audit')) {
      // Token audit: every proxied request has exactly one settlement whose tokens equal what its client received.
      const usage = new Queue('usage', { connection: redis, prefix: bullPrefix(config.REDIS_PREFIX) });
      const audited = [...proxied.map((r) => ({ requestId: r.requestId, tokens: r.tokens, text: r.text as string | null })), ...proxiedJson.map((r) => ({ ...r, text: null }))];
      let missing = 0;
      let mismatched = 0;
      let received = 0;
      let settled = 0;
      let counted = 0;
      for (const item of audited) {
        const job = await usage.getJob(`settle-${item.requestId}`);
        if (!job) {
          missing += 1;
          continue;
        }
        const outcome = (job.data as JobPayload<'usage'> & { kind: 'settle' }).outcome;
        // Reported usage is one token per chunk here; counted usage (a cut stream) is the tokenizer's count of the text.
        const expected = outcome.usage_source === 'counted' && item.text !== null ? await countTokens('gpt-4', item.text) : item.tokens;
        if (outcome.usage_source === 'counted') counted += 1;
        received += expected;
        settled += outcome.completion_tokens;
        if (outcome.completion_tokens !== expected) mismatched += 1;
      }
      const counts = await usage.getJobCounts('waiting', 'prioritized', 'completed', 'failed', 'active', 'delayed');
      const settlementJobs = Object.values(counts).reduce((a, b) => a + b, 0);
      await usage.close();
      audit = { requests: audited.length, settlement_jobs: settlementJobs, missing, mismatched, counted, tokens_received: received, tokens_settled: settled };
      log(`audit: ${audited.length} proxied requests, ${settlementJobs} settlement jobs, missing ${missing}, mismatched ${mismatched}, counted ${counted}, tokens received ${received}, settled ${settled}`);
    }

    const target = { apiUrl: api.url, apiPid: api.pid, workerPid: worker.pid, headers: proxyHeaders };
    const hostile: HostileResult[] | undefined = PHASES.has('hostile') ? await hostilePhase(target) : undefined;
    const replay: ReplayResult | null | undefined = PHASES.has('replay') ? await replayPhase(target, 'bench-replay') : undefined;

    const results = {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() },
      phases_run: [...PHASES], phases, rps, queue_hop: floor, slow: slowResult, audit, hostile, replay,
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/bench.json', JSON.stringify(results, null, 2));
    printMarkdown(results);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await upstream.stop();
    await deleteKeys(redis, `${config.REDIS_PREFIX}:*`);
    redis.disconnect();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  }
}

interface BenchResults {
  phases: PhaseResult[];
  rps: Record<string, number>;
  queue_hop?: Summary;
  slow?: Record<string, unknown>;
  audit?: Record<string, number>;
  hostile?: HostileResult[];
  replay?: ReplayResult | null;
  machine: Record<string, unknown>;
}

function printMarkdown(r: BenchResults): void {
  const lines: string[] = [];
  if (r.phases.length > 0) {
    lines.push('| phase | target | concurrency | requests | errors | TTFT p50 | TTFT p99 | total p50 | total p99 |', '|---|---|---|---|---|---|---|---|---|');
    const merged = new Map<string, PhaseResult[]>();
    for (const phase of r.phases) {
      const key = `${phase.name}|${phase.target}|${phase.concurrency}`;
      merged.set(key, [...(merged.get(key) ?? []), phase]);
    }
    for (const group of merged.values()) {
      const p = group[0]!;
      const errors = group.reduce((sum, g) => sum + g.errors, 0);
      const requests = group.reduce((sum, g) => sum + g.requests, 0);
      const avg = (pick: (g: PhaseResult) => number) => group.reduce((sum, g) => sum + pick(g), 0) / group.length;
      lines.push(`| ${p.name} | ${p.target} | ${p.concurrency} | ${requests} | ${errors} | ${ms(avg((g) => g.ttft.p50))} | ${ms(avg((g) => g.ttft.p99))} | ${ms(avg((g) => g.total.p50))} | ${ms(avg((g) => g.total.p99))} |`);
    }
    lines.push('');
  }
  if (r.queue_hop) lines.push(`queue hop alone (enqueue -> BullMQ worker -> XADD -> XREAD): ${JSON.stringify(r.queue_hop)}`, '');
  if (r.rps.direct !== undefined) lines.push(`non-streaming req/s (c=64): direct ${r.rps.direct.toFixed(0)}, proxy ${r.rps.proxy?.toFixed(0)}`, '');
  if (r.slow) lines.push(`slow streams: ${JSON.stringify(r.slow)}`, '');
  if (r.audit) lines.push(`audit: ${JSON.stringify(r.audit)}`, '');
  if (r.hostile) lines.push('hostile prompts, one request at a time (CPU time of each process from /proc/<pid>/stat before and after the request, so it includes that process\'s background work meanwhile; /healthz polled every 100 ms):', '', ...hostileTable(r.hostile), '');
  if (r.replay) lines.push(`replay abuse: ${JSON.stringify(r.replay)}`, '');
  lines.push(`machine: ${JSON.stringify(r.machine)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
