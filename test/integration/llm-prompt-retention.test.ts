import { randomBytes } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBlockingRedis, redisTargetOf, type RedisClient } from '../../src/lib/redis.js';
import { bullPrefix } from '../../queues/index.js';
import { chatBody, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';

/** Every key under `prefix` whose value (any Redis type) contains `needle`: BullMQ's job hashes, events, lists. */
async function keysHolding(redis: RedisClient, prefix: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let values: unknown;
      if (type === 'hash') values = await redis.hgetall(key);
      else if (type === 'string') values = await redis.get(key);
      else if (type === 'list') values = await redis.lrange(key, 0, -1);
      else if (type === 'set') values = await redis.smembers(key);
      else if (type === 'zset') values = await redis.zrange(key, '0', '-1');
      else if (type === 'stream') values = await redis.xrange(key, '-', '+');
      if (JSON.stringify(values ?? null).includes(needle)) found.push(`${key} (${type})`);
    }
  } while (cursor !== '0');
  return found;
}

/** A large prompt with a marker no answer or record contains. */
const prompt = () => {
  const marker = `private-prompt-${randomBytes(8).toString('hex')}`;
  return { marker, text: `${marker} ${'lorem ipsum dolor sit amet '.repeat(4000)} ${marker}` };
};

describe('finished llm jobs keep no prompt in Redis', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({ STREAM_RESUME_GRACE_MS: '300' });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const holding = (needle: string) => keysHolding(env.app.redis, env.app.config.REDIS_PREFIX, needle);

  it('completed, failed and client-aborted requests, streaming or not: once they end, no key holds their prompt', async () => {
    const { auth } = await llmUser(env.app);
    const cases = [prompt(), prompt(), prompt(), prompt()];
    const [streamed, json, failed, dropped] = cases as [
      ReturnType<typeof prompt>,
      ReturnType<typeof prompt>,
      ReturnType<typeof prompt>,
      ReturnType<typeof prompt>,
    ];
    env.upstream.when(failed.marker, { status: 400 });
    env.upstream.when(dropped.marker, {
      content: Array.from({ length: 300 }, (_, i) => `d${i}`).join(' '),
      tokenDelayMs: 20,
    });

    const ok = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody(streamed.text, { stream: true }),
    });
    expect((await ok.rest()).at(-1)!.data).toBe('[DONE]');
    const okJson = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody(json.text));
    expect(okJson.status).toBe(200);
    const bad = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody(failed.text));
    expect(bad.status).toBe(400);
    const leaving = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody(dropped.text, { stream: true }),
    });
    await leaving.next();
    leaving.drop();

    const ids = [
      ok.headers['x-request-id'],
      okJson.headers['x-request-id'],
      bad.headers['x-request-id'],
      leaving.headers['x-request-id'],
    ];
    const outcomes = await Promise.all(ids.map((id) => settlementOf(env.app, id, 20_000)));
    expect(outcomes.map((s) => s.outcome.status)).toEqual(['completed', 'completed', 'failed', 'aborted']);
    // The jobs are kept (completed, for a while) but without the prompt.
    for (const id of ids) {
      const job = await env.app.producer.queues.llm.getJob(String(id));
      if (job) expect(await job.getState()).toMatch(/completed|failed/);
    }
    for (const { marker } of cases) expect(await holding(marker)).toEqual([]);
  });

  it('a request waiting in the queue keeps its prompt (a retry needs it); cancelled, it leaves none behind', async () => {
    const { auth } = await llmUser(env.app);
    const queued = prompt();
    const worker = env.workers.workers[0]!;
    await worker.pause();
    try {
      const res = await openSse(env.app.url, {
        path: '/v1/chat/completions',
        headers: auth,
        body: chatBody(queued.text, { stream: true }),
      });
      const id = String(res.headers['x-request-id']);
      expect((await holding(queued.marker)).length).toBeGreaterThan(0);
      const job = await env.app.producer.queues.llm.getJob(id);
      // The job itself carries who and what, never the prompt.
      expect(JSON.stringify(job!.data).includes(queued.marker)).toBe(false);
      expect((await env.app.request.delete(`/llm/requests/${id}`).set(auth)).status).toBe(200);
      await res.rest();
      expect(await holding(queued.marker)).toEqual([]);
    } finally {
      await worker.resume();
    }
  });
});

describe('a job BullMQ gives up on (stalled past LLM_MAX_STALLED_COUNT)', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({ LLM_MAX_STALLED_COUNT: '0', LLM_STALLED_INTERVAL_MS: '500' });
  });
  afterAll(async () => {
    await env.stop();
  });

  it('is ended for its client and settled, and leaves no prompt behind', async () => {
    const { auth } = await llmUser(env.app);
    const lost = prompt();
    const worker = env.workers.workers[0]!;
    await worker.pause();
    // Another "worker" takes the job and dies at once: it never renews its lock.
    const connection = createBlockingRedis(redisTargetOf(env.app.config));
    const dying = new Worker('llm', null, {
      connection,
      prefix: bullPrefix(env.app.config.REDIS_PREFIX, 'llm'),
      lockDuration: 600,
      autorun: false,
    });
    try {
      const res = await openSse(env.app.url, {
        path: '/v1/chat/completions',
        headers: auth,
        body: chatBody(lost.text, { stream: true }),
      });
      const id = String(res.headers['x-request-id']);
      const job = await dying.getNextJob('dying-worker');
      expect(job?.id).toBe(id);
      await worker.resume();
      const events = await res.rest();
      expect(events.at(-1)!.data).toBe('[DONE]');
      expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ error: { code: 'stream_interrupted' } });
      expect((await settlementOf(env.app, id)).outcome).toMatchObject({ status: 'failed', usage_source: 'none' });
      expect(await env.app.producer.queues.llm.getJob(id).then((j) => j?.getState())).toBe('failed');
      await waitFor(
        async () =>
          (await keysHolding(env.app.redis, env.app.config.REDIS_PREFIX, lost.marker)).length === 0 ? true : undefined,
        'prompt dropped',
        10_000,
      );
      expect(env.upstream.requests).toHaveLength(0);
    } finally {
      await dying.close(true);
      connection.disconnect();
    }
  });
});
