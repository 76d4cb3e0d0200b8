import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chatBody, llmUser, SERVER_KEY } from '../helpers/llm.js';
import { configEnv, startRole, type StartedRole } from '../helpers/processes.js';

// Small by default (a shared CI machine); WORKER_PROMPT_TEST_REQUESTS=256 WORKER_PROMPT_TEST_BUDGET_MB=32 measures the defaults.
const CONCURRENCY = Number(process.env.WORKER_PROMPT_TEST_REQUESTS ?? 24);
const BUDGET_MB = Number(process.env.WORKER_PROMPT_TEST_BUDGET_MB ?? 8);

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

describe('an llm worker at full concurrency with 1 MB prompts (its own process, 256 MB heap)', () => {
  let app: TestApp;
  let upstream: FakeUpstream;
  let worker: StartedRole;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    upstream.record = true;
    app = await startTestApp({ A4F_BASE_URL: upstream.url, A4F_API_KEY: SERVER_KEY });
    worker = await startRole(
      'llm-worker',
      configEnv(app.config, {
        NODE_OPTIONS: '--max-old-space-size=256',
        WORKER_CONCURRENCY_LLM: String(CONCURRENCY),
        LLM_WORKER_PROMPT_BUDGET_MB: String(BUDGET_MB),
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await app.stop();
    await upstream.close();
  });

  it(`${CONCURRENCY} requests with 1 MB prompts: the worker holds at most ${BUDGET_MB} MB of prompts at a time and serves them all`, async () => {
    const { auth } = await llmUser(app, {
      tier: 'enterprise',
      monthlyLimit: 1e9,
      limitOverrides: { requests_per_minute: 1000 },
    });
    upstream.setDefault({ content: Array.from({ length: 10 }, (_, i) => `w${i}`).join(' '), tokenDelayMs: 100 });
    const prompt = (i: number) => `prompt ${i} ${'the quick brown fox jumps over the lazy dog '.repeat(23_000)}`;
    const baseline = rssMb(worker.pid);
    let peakRss = baseline;
    let peakInFlight = 0;
    const sampler = setInterval(() => {
      const now = rssMb(worker.pid);
      if (!Number.isNaN(now)) peakRss = Math.max(peakRss, now);
      peakInFlight = Math.max(peakInFlight, upstream.requests.filter((r) => !r.finished && !r.aborted).length);
    }, 10);
    const results = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        app.request
          .post('/v1/chat/completions')
          .set(auth)
          .send(chatBody(prompt(i))),
      ),
    );
    clearInterval(sampler);
    process.stdout.write(
      `[worker-prompt-memory] ${JSON.stringify({
        requests: CONCURRENCY,
        prompt_mb: Math.round((prompt(0).length / 2 ** 20) * 100) / 100,
        budget_mb: BUDGET_MB,
        peak_upstream_in_flight: peakInFlight,
        worker_rss_mb: { before: Math.round(baseline), peak: Math.round(peakRss) },
        worker_exit: worker.child.exitCode ?? worker.child.signalCode,
      })}\n`,
    );

    expect(results.map((r) => r.status)).toEqual(Array.from({ length: CONCURRENCY }, () => 200));
    expect(upstream.requests).toHaveLength(CONCURRENCY);
    // The budget is what bounds the worker's prompt memory: never more prompts in flight than fit in it.
    expect(peakInFlight).toBeGreaterThan(0);
    expect(peakInFlight).toBeLessThanOrEqual(
      Math.floor((BUDGET_MB * 2 ** 20) / Buffer.byteLength(JSON.stringify(chatBody(prompt(0))))),
    );
    // The worker's RSS (printed above) is a measurement, not a gate: it depends on the machine's load.
  }, 180_000);
});
