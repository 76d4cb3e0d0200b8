import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { groupOfId, llmKeys } from '../../queues/index.js';
import { estimatePromptTokens, promptOptionsOf } from '../../src/domain/llm/tokenizer.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { chatBody, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor, waitForFinishedJob } from '../helpers/wait.js';

/** Text of about `bytes` UTF-8 bytes. */
const oneLetter = (bytes: number) => 'a'.repeat(bytes);
const randomCjk = (bytes: number) =>
  Array.from({ length: Math.floor(bytes / 3) }, () => String.fromCharCode(0x4e00 + randomInt(20_000))).join('');
const digitsAndSpaces = (bytes: number) =>
  ('1234567890'.repeat(3000) + ' '.repeat(20_000) + '\t\n'.repeat(500))
    .repeat(Math.ceil(bytes / 51_000))
    .slice(0, bytes);

/**
 * Polls /healthz until `done` settles; returns the statuses answered meanwhile. How fast it answers is the bench's
 * to bound (scripts/bench/abuse.ts BOUNDS, hostile phase), not a test's.
 */
async function healthzWhile(url: string, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const statuses: number[] = [];
  while (!finished) {
    const res = await fetch(`${url}/healthz`);
    await res.arrayBuffer();
    if (!finished) statuses.push(res.status);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return statuses;
}

describe('attacks on the money path (issue 8, items 1 and 2)', () => {
  let env: LlmEnv;
  let usage: RunningWorkers;
  let scheduler: RunningScheduler;

  beforeAll(async () => {
    env = await startLlmEnv({ LLM_RESERVATION_TTL_MS: '1500', LLM_SSE_HEADER_DEFER_MS: '50' });
    usage = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
    scheduler = await startScheduler(env.app.config, createLogger('silent'));
  });
  afterAll(async () => {
    await scheduler?.stop();
    await usage?.stop();
    await env?.stop();
  });
  beforeEach(() => env.upstream.reset());

  const ledgerRow = (requestId: unknown) =>
    waitFor(
      async () => {
        // A row reaches the ledger only settled, written once by a flush of the ledger backlog.
        const row = await TokenUsageModel.findOne({ request_id: String(requestId) }).lean();
        return row ?? undefined;
      },
      `ledger row of ${String(requestId)}`,
    );

  it('1 MB prompts of one letter, random CJK and digit/space runs are answered while /healthz keeps answering', async () => {
    const { auth } = await llmUser(env.app, { tier: 'enterprise', monthlyLimit: 50_000_000 });
    const prompts = [oneLetter(1_000_000), randomCjk(1_000_000), digitsAndSpaces(1_000_000)];
    const requests = Promise.all(
      prompts.map(async (prompt) => {
        const res = await env.app.request
          .post('/v1/chat/completions')
          .set(auth)
          .send(chatBody(prompt, { max_tokens: 5 }));
        return res.status;
      }),
    );
    const health = await healthzWhile(env.app.url, requests);
    expect(await requests).toEqual([200, 200, 200]);
    // Answered while the prompts were still being tokenized: their work never holds the event loop to the end.
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((status) => status === 200)).toBe(true);
  });

  it('estimate gaming: a cheap prefix followed by CJK is reserved on the whole prompt, at least its UTF-8 bytes', async () => {
    const { auth } = await llmUser(env.app, { tier: 'enterprise', monthlyLimit: 5_000_000 });
    const prompt = `${' a'.repeat(32_768)}${'漢字'.repeat(25_000)}`;
    const res = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody(prompt, { max_tokens: 5 }));
    expect(res.status).toBe(200);
    const { context } = await settlementOf(env.app, res.headers['x-request-id']);
    expect(context.prompt_tokens_estimate).toBeGreaterThanOrEqual(Buffer.byteLength(prompt));
  });

  it('two token limits: every limit field sent upstream is capped to the grant, a null one included', async () => {
    const { auth } = await llmUser(env.app);
    const both = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('two limits', { max_completion_tokens: 1, max_tokens: 1_000_000 }));
    const nulled = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('null limit', { max_completion_tokens: 5, max_tokens: null }));
    expect([both.status, nulled.status]).toEqual([200, 200]);
    const [first, second] = env.upstream.requests;
    expect(first!.body).toMatchObject({ max_tokens: 1, max_completion_tokens: 1 });
    expect(second!.body).toMatchObject({ max_tokens: 5, max_completion_tokens: 5 });
  });

  it('usage reported above the reservation is charged in full, recorded as overage, and the next request is refused', async () => {
    const body = chatBody('count me higher', { max_tokens: 3 });
    const estimate = await estimatePromptTokens(body, promptOptionsOf(env.app.config));
    const limit = estimate + 3 + 10;
    const { auth, user } = await llmUser(env.app, { monthlyLimit: limit });
    env.upstream.enqueue({ content: 'one two three four', promptTokens: estimate + 40 });
    const res = await env.app.request.post('/v1/chat/completions').set(auth).send(body);
    expect(res.status).toBe(200);
    const row = await ledgerRow(res.headers['x-request-id']);
    expect(row).toMatchObject({
      prompt_tokens: estimate + 40,
      completion_tokens: 3,
      billed_tokens: estimate + 43,
      reserved_tokens: estimate + 3,
      overage_tokens: 40,
    });
    const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
    expect(await quota.snapshot({ kind: 'user', id: user.id })).toMatchObject({ used: estimate + 43, reserved: 0 });
    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({ tokens_used: estimate + 43, tokens_remaining: 0 });
    const next = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('x', { max_tokens: 1 }));
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe('insufficient_quota');
  });

  it.each([
    ['n', { n: 2 }],
    ['service_tier', { service_tier: 'priority' }],
    ['modalities', { modalities: ['text', 'audio'] }],
    ['audio', { audio: { voice: 'alloy', format: 'wav' } }],
    ['prediction', { prediction: { type: 'content', content: 'x' } }],
    ['web_search_options', { web_search_options: {} }],
  ])('a cost multiplier (%s) is refused with 400 and nothing is reserved or sent', async (param, extra) => {
    const { auth, user } = await llmUser(env.app);
    const res = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('multiply me', extra));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param });
    expect(env.upstream.requests).toHaveLength(0);
    const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
    expect((await quota.snapshot({ kind: 'user', id: user.id }))!.reserved).toBe(0);
  });

  it('harmless values of those parameters pass; a file by id is refused', async () => {
    const { auth } = await llmUser(env.app);
    const ok = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('fine', { service_tier: 'auto', modalities: ['text'], audio: null }));
    expect(ok.status).toBe(200);
    const byId = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send({
        model: 'gpt-4',
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }],
      });
    expect(byId.status).toBe(400);
  });

  it('a stream that runs longer than the reservation TTL keeps its reservation and its slot through the sweeps', async () => {
    const { auth, user } = await llmUser(env.app, { limitOverrides: { concurrent_streams: 1 } });
    env.upstream.enqueue({ content: 'slow '.repeat(12), tokenDelayMs: 300 });
    const sse = await openSse(env.app.url, {
      method: 'POST',
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('slow please', { stream: true, max_tokens: 50 }),
    });
    expect(sse.status).toBe(200);
    const id = String(sse.headers['x-request-id']);
    const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
    // Sweeps every 400 ms (plus the job's latency) for longer than the 1.5 s TTL: each must land before the last
    // extension runs out, even on a loaded machine.
    for (let sweep = 0; sweep < 6; sweep += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await waitForFinishedJob(
        env.app.producer.queues.usage,
        await scheduler.usageTick('release-expired', new Date(Date.now() + sweep * 60_000)),
      );
      expect(await quota.reservationOf(id, user.id)).not.toBeNull();
      expect(await env.app.redis.zscore(llmKeys(env.app.config.REDIS_PREFIX).active(user.id), id)).not.toBeNull();
    }
    const second = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('second stream', { stream: true }));
    expect(second.status).toBe(429);
    await sse.rest();
    const row = await ledgerRow(id);
    expect(row).toMatchObject({ status: 'completed', completion_tokens: 12, billed_tokens: 7 + 12 });
  });

  it('a request queued longer than the TTL keeps its reservation; one whose reservation is gone never streams', async () => {
    await env.workers.stop();
    let restarted = false;
    try {
      const { auth, user } = await llmUser(env.app);
      const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
      const send = (text: string) =>
        env.app.request
          .post('/v1/chat/completions')
          .set(auth)
          .send(chatBody(text))
          .then((res) => res);
      const queued = (count: number) =>
        waitFor(async () => {
          const jobs = await env.app.producer.queues.llm.getJobs(['waiting', 'prioritized']);
          return jobs.length === count ? jobs.map((job) => job.id!) : undefined;
        }, `${count} queued requests`);
      const waiting = send('wait in line');
      const kept = (await queued(1))[0]!;
      const released = send('lose my reservation');
      const lost = (await queued(2)).find((id) => id !== kept)!;
      await new Promise((resolve) => setTimeout(resolve, 1600));
      await waitForFinishedJob(
        env.app.producer.queues.usage,
        await scheduler.usageTick('release-expired', new Date(Date.now() + 10 * 60_000)),
      );
      expect(await quota.reservationOf(kept, user.id)).not.toBeNull();
      // As if its reservation had been released (a Redis loss, an older sweeper): the worker must not stream on it.
      await quota.releaseExpired([{ group: groupOfId(user.id), requestId: lost }], Date.now() + 3_600_000);
      env.workers = await startWorkers(env.app.config, createLogger('silent'), ['llm']);
      restarted = true;
      const [keptRes, lostRes] = await Promise.all([waiting, released]);
      expect(keptRes.status).toBe(200);
      expect(lostRes.status).toBe(503);
      expect(lostRes.body.error.code).toBe('reservation_expired');
      expect(env.upstream.requests.map((r) => JSON.stringify(r.body))).not.toContain(
        expect.stringContaining('lose my reservation'),
      );
      expect((await ledgerRow(lost)).billed_tokens).toBe(0);
    } finally {
      if (!restarted) env.workers = await startWorkers(env.app.config, createLogger('silent'), ['llm']);
    }
  });
});
