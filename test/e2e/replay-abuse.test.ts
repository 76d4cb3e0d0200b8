import { readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { llmKeys } from '../../queues/index.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chatBody, expectStream, llmUser, openSse, SERVER_KEY } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';
import { configEnv, startRole, type StartedRole } from '../helpers/processes.js';

const READERS = 200;
/** A long answer of large chunks: each replay of it is several megabytes of SSE. */
const TOKENS = 12_000;
const TOKEN = 'x'.repeat(1000);

/** The process's resident memory in MB; NaN once it is gone. */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** A client that asks for the replay and then never reads a byte (its socket is paused from the start). */
function slowReader(url: string, path: string, token: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.pause();
    socket.once('error', reject);
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      resolve(socket);
    });
  });
}

describe('replays of a finished stream under abuse (web API in its own process, 256 MB heap)', () => {
  let app: TestApp;
  let upstream: FakeUpstream;
  let web: StartedRole;
  let workers: RunningWorkers;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    app = await startTestApp({ A4F_BASE_URL: upstream.url, A4F_API_KEY: SERVER_KEY });
    workers = await startWorkers(app.config, createLogger('silent'), ['llm']);
    web = await startRole('web', configEnv(app.config, { NODE_OPTIONS: '--max-old-space-size=256' }));
  }, 60_000);
  afterAll(async () => {
    await web?.stop();
    await workers?.stop();
    await app.stop();
    await upstream.close();
  });

  it(`${READERS} clients that never read replay a large finished stream: memory stays bounded and /healthz keeps answering`, async () => {
    const { auth, accessToken, user } = await llmUser(app, {
      tier: 'enterprise',
      limitOverrides: { concurrent_streams: READERS + 10 },
    });
    upstream.when('long answer', { tokens: Array.from({ length: TOKENS }, () => TOKEN) });
    const original = await expectStream(
      await openSse(web.url, {
        path: '/v1/chat/completions',
        headers: auth,
        body: chatBody('long answer', { stream: true }),
      }),
    );
    const id = String(original.headers['x-request-id']);
    expect((await original.rest()).at(-1)!.data).toBe('[DONE]');
    await waitFor(
      async () =>
        ((await fetch(`${web.url}/llm/requests/${id}`, { headers: auth }).then((r) => r.json())) as { status: string })
          .status === 'completed',
      `request ${id} completed`,
    );

    const heapUsedMb = async () =>
      Number(/^nodejs_heap_size_used_bytes (\d+)/m.exec(await fetch(`${web.url}/metrics`).then((r) => r.text()))?.[1]) /
      2 ** 20;
    const heapBefore = await heapUsedMb();
    const baseline = rssMb(web.pid);
    const health: number[] = [];
    let healthFailures = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const ok = await fetch(`${web.url}/healthz`, { signal: AbortSignal.timeout(20_000) }).then(
          (r) => r.ok,
          () => false,
        );
        health.push(performance.now() - started);
        if (!ok) healthFailures += 1;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let peak = baseline;
    const sampler = setInterval(() => {
      const now = rssMb(web.pid);
      if (!Number.isNaN(now)) peak = Math.max(peak, now);
    }, 50);
    const sockets = await Promise.all(
      Array.from({ length: READERS }, () => slowReader(web.url, `/llm/requests/${id}/stream`, accessToken)),
    );
    await new Promise((r) => setTimeout(r, 20_000));
    const holding = rssMb(web.pid);
    const heapUsed = await heapUsedMb().catch(() => Number.NaN);
    clearInterval(sampler);
    for (const socket of sockets) socket.destroy();
    polling = false;
    await poller;
    const sorted = [...health].sort((a, b) => a - b);
    const report = {
      web_exit: web.child.exitCode ?? web.child.signalCode,
      readers: READERS,
      replay_mb_each: Math.round((TOKENS * (TOKEN.length + 200)) / 2 ** 20),
      rss_mb: { before: Math.round(baseline), peak: Math.round(peak), holding: Math.round(holding) },
      heap_used_mb: { before: Math.round(heapBefore), holding: Math.round(heapUsed) },
      healthz_ms: {
        polls: health.length,
        p99: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
        max: Math.round(sorted.at(-1) ?? 0),
      },
      healthz_failures: healthFailures,
    };
    process.stdout.write(`[replay-abuse] ${JSON.stringify(report)}\n`);

    // Before replays respected backpressure, the API ran out of heap here and died.
    expect(web.child.exitCode ?? web.child.signalCode).toBeNull();
    expect(healthFailures).toBe(0);
    // The memory figures printed above are measurements; their bound is the bench's (scripts/bench/abuse.ts
    // BOUNDS, replay phase). Without backpressure the API ran past its 256 MB heap and died, which the check above sees.
    // Every replay connection released its stream slot when it ended.
    const keys = llmKeys(app.config.REDIS_PREFIX);
    await waitFor(
      async () => ((await app.redis.zcard(keys.active(user.id))) === 0 ? true : undefined),
      'all stream slots released',
      10_000,
    );
  }, 120_000);
});
