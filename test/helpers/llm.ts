import http from 'node:http';
import { createLogger } from '../../src/lib/logger.js';
import { SseParser, type SseEvent } from '../../src/lib/sse.js';
import { UserModel } from '../../src/models/user.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import type { JobPayload } from '../../queues/index.js';
import { registerAndLogin } from '../factories/users.js';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream.js';
import { startTestApp, type TestApp } from './harness.js';
import { waitFor } from './wait.js';

export const SERVER_KEY = 'sk-server-side-upstream-key-0123456789';

export interface LlmEnv {
  app: TestApp;
  upstream: FakeUpstream;
  workers: RunningWorkers;
  stop(): Promise<void>;
}

/** The real app, a real in-process llm worker (BullMQ on the shared Redis) and a fake upstream on a real socket. */
export async function startLlmEnv(overrides: Record<string, string> = {}): Promise<LlmEnv> {
  const upstream = await startFakeUpstream();
  const app = await startTestApp({
    A4F_BASE_URL: upstream.url,
    A4F_API_KEY: SERVER_KEY,
    LLM_FIRST_TOKEN_TIMEOUT_MS: '1500',
    LLM_IDLE_TIMEOUT_MS: '1500',
    LLM_UPSTREAM_RETRY_DELAY_MS: '20',
    LLM_SSE_HEARTBEAT_MS: '60000',
    ...overrides,
  });
  const workers = await startWorkers(app.config, createLogger(app.config.LOG_LEVEL, { role: 'test-worker' }), ['llm']);
  const env: LlmEnv = {
    app,
    upstream,
    workers,
    async stop() {
      // env.workers: a test may have replaced the first ones.
      await env.workers.stop();
      await app.stop();
      await upstream.close();
    },
  };
  return env;
}

export interface UserSetup {
  tier?: 'free' | 'pro' | 'enterprise';
  monthlyLimit?: number;
  limitOverrides?: { requests_per_minute?: number; concurrent_streams?: number };
}

/** A registered, signed-in user with the given plan and limits (set in MongoDB before any quota is loaded). */
export async function llmUser(app: TestApp, setup: UserSetup = {}) {
  const session = await registerAndLogin(app);
  const set: Record<string, unknown> = { subscription_tier: setup.tier ?? 'pro' };
  if (setup.monthlyLimit !== undefined)
    Object.assign(set, { monthly_limit: setup.monthlyLimit, tokens_remaining: setup.monthlyLimit });
  else Object.assign(set, { monthly_limit: 1_000_000, tokens_remaining: 1_000_000 });
  if (setup.limitOverrides) set.limit_overrides = setup.limitOverrides;
  await UserModel.updateOne({ _id: session.user.id }, { $set: set });
  return session;
}

export const chatBody = (text: string, extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4',
  messages: [{ role: 'user', content: text }],
  ...extra,
});

export interface SseResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Raw body for non-SSE answers (errors). */
  text(): Promise<string>;
  /** The next event, or null at the end of the body. */
  next(): Promise<SseEvent | null>;
  /** Every remaining event until the body ends. */
  rest(): Promise<SseEvent[]>;
  /** Drops the connection (a client that goes away). */
  drop(): void;
}

/** A raw HTTP client reading SSE incrementally, able to drop the connection mid-stream. */
export function openSse(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<SseResponse> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(`${url}${options.path}`, {
      method: options.method ?? (payload ? 'POST' : 'GET'),
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
      agent: false,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const parser = new SseParser();
      const queue: SseEvent[] = [];
      let ended = false;
      let raw = '';
      let wake: (() => void) | undefined;
      res.on('data', (part: Buffer) => {
        raw += part.toString('utf8');
        queue.push(...parser.push(part));
        wake?.();
      });
      const finish = () => {
        if (ended) return;
        ended = true;
        queue.push(...parser.end());
        wake?.();
      };
      res.on('end', finish);
      res.on('close', finish);
      res.on('error', finish);
      const next = async (): Promise<SseEvent | null> => {
        while (queue.length === 0 && !ended) await new Promise<void>((r) => (wake = r));
        return queue.shift() ?? null;
      };
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        async text() {
          while (!ended) await new Promise<void>((r) => (wake = r));
          return raw;
        },
        next,
        async rest() {
          const events: SseEvent[] = [];
          for (let event = await next(); event; event = await next()) events.push(event);
          return events;
        },
        drop() {
          req.destroy();
          res.destroy();
        },
      });
    });
    req.end(payload);
  });
}

/** Fails with the answer's status and body when it is not an event stream (so a flaky failure says why). */
export async function expectStream(res: SseResponse): Promise<SseResponse> {
  if (res.status !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
    throw new Error(
      `expected an event stream, got ${res.status} ${String(res.headers['content-type'])}: ${await res.text()}`,
    );
  }
  return res;
}

/** The content of chat.completion.chunk events, concatenated. */
export const contentOf = (events: SseEvent[]): string =>
  events
    .filter((e) => e.data !== '[DONE]')
    .map((e) => JSON.parse(e.data) as { choices?: Array<{ delta?: { content?: string } }> })
    .map((chunk) => chunk.choices?.map((c) => c.delta?.content ?? '').join('') ?? '')
    .join('');

/** Waits for the request's settlement job on the usage queue (the usage worker is someone else's; it is not run here). */
export async function settlementOf(
  app: TestApp,
  requestId: unknown,
  timeoutMs = 10_000,
): Promise<JobPayload<'usage'> & { kind: 'settle' }> {
  const job = await waitFor(
    () => app.producer.queues.usage.getJob(`settle-${String(requestId)}`),
    `the settlement job of ${String(requestId)}`,
    timeoutMs,
  );
  return job.data as JobPayload<'usage'> & { kind: 'settle' };
}
