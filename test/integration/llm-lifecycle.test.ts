import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compareIds, llmKeys } from '../../queues/index.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { chatBody, contentOf, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';

const words = (n: number, tag = 'w') => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

describe('stream lifecycle: disconnect grace, resume, status and cancel', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({
      STREAM_RESUME_GRACE_MS: '800',
      LLM_SSE_HEADER_DEFER_MS: '150',
      LLM_SSE_HEARTBEAT_MS: '200',
    });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const keys = () => llmKeys(env.app.config.REDIS_PREFIX);
  const streamContent = async (id: string) => {
    const raw = (await env.app.redis.xrange(keys().stream(id), '-', '+')) as Array<[string, string[]]>;
    return contentOf(raw.filter(([, f]) => f[1] === 'c').map(([, f]) => ({ data: f[3]! })));
  };

  it('a resumable stream whose client drops and does not come back: the upstream is aborted after the grace period; what was produced is billed', async () => {
    const { auth, user } = await llmUser(env.app);
    const content = words(200);
    env.upstream.setDefault({ content, tokenDelayMs: 20 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: chatBody('long', { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    for (let i = 0; i < 3; i += 1) await res.next();
    res.drop();
    await env.upstream.waitFor((r) => r[0]?.aborted === true, 10_000);
    const upstream = env.upstream.requests[0]!;
    expect(upstream.tokensSent).toBeLessThan(200);
    const settle = await settlementOf(env.app, id);
    const produced = await streamContent(id);
    expect(produced.length).toBeGreaterThan(0);
    expect(content.startsWith(produced)).toBe(true);
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'client_disconnected',
    });
    expect(settle.outcome.completion_tokens).toBe(await countTokens('gpt-4', produced));
    const status = await env.app.request.get(`/llm/requests/${id}`).set(auth);
    expect(status.body).toMatchObject({
      status: 'aborted',
      cancel_requested: true,
      error: { code: 'client_disconnected' },
    });
    expect(await env.app.redis.zcard(keys().active(user.id))).toBe(0);
  });

  it('a resumable stream resumed with Last-Event-ID within the grace period: the rest, with no gap and no duplicate, and the upstream keeps going', async () => {
    const { auth } = await llmUser(env.app);
    const content = words(40, 'r');
    env.upstream.setDefault({ content, tokenDelayMs: 15 });
    const first = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: chatBody('resume me', { stream: true }),
    });
    const id = String(first.headers['x-request-id']);
    const before = [];
    for (let i = 0; i < 5; i += 1) before.push((await first.next())!);
    first.drop();
    const lastId = before.at(-1)!.id!;
    const resumed = await openSse(env.app.url, {
      path: `/llm/requests/${id}/stream`,
      headers: { ...auth, 'Last-Event-ID': lastId },
    });
    expect(resumed.status).toBe(200);
    const after = await resumed.rest();
    expect(after.at(-1)!.data).toBe('[DONE]');
    expect(compareIds(after[0]!.id!, lastId)).toBe(1);
    const all = [...before, ...after];
    for (let i = 1; i < all.length; i += 1) expect(compareIds(all[i]!.id!, all[i - 1]!.id!)).toBe(1);
    expect(contentOf(all)).toBe(content);
    expect(env.upstream.requests[0]!.aborted).toBe(false);
    expect((await settlementOf(env.app, id)).outcome).toMatchObject({
      status: 'completed',
      usage_source: 'reported',
      completion_tokens: 40,
    });
  });

  it('replays a finished stream from the start, or nothing after its last event; owner only', async () => {
    const { auth } = await llmUser(env.app);
    const stranger = await llmUser(env.app);
    env.upstream.setDefault({ content: 'short and done' });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('x', { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    const original = await res.rest();
    const replay = await (await openSse(env.app.url, { path: `/llm/requests/${id}/stream`, headers: auth })).rest();
    expect(replay).toEqual(original);
    const afterDone = await (
      await openSse(env.app.url, {
        path: `/llm/requests/${id}/stream?last_event_id=${original.at(-1)!.id}`,
        headers: auth,
      })
    ).rest();
    expect(afterDone).toEqual([]);
    for (const [method, path] of [
      ['get', `/llm/requests/${id}`],
      ['get', `/llm/requests/${id}/stream`],
      ['delete', `/llm/requests/${id}`],
    ] as const) {
      const r = await env.app.request[method](path).set(stranger.auth);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body.error.code).toBe('request_not_found');
    }
    expect((await env.app.request.get('/llm/requests/req_doesnotexist000').set(auth)).status).toBe(404);
    expect((await env.app.request.get('/llm/requests/12345678').set(auth)).status).toBe(400);
    const badId = await env.app.request.get(`/llm/requests/${id}/stream`).set(auth).set('Last-Event-ID', 'abc');
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe('invalid_last_event_id');
  });

  it('DELETE stops a running stream: the client sees request_cancelled then [DONE]; the upstream is aborted; what was produced is billed', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: words(300, 'c'), tokenDelayMs: 15 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('cancel me', { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    await res.next();
    await res.next();
    const running = await env.app.request.get(`/llm/requests/${id}`).set(auth);
    expect(running.body).toMatchObject({ status: 'running', cancel_requested: false });
    expect(running.body.streamed_chunks).toBeGreaterThan(0);
    const cancel = await env.app.request.delete(`/llm/requests/${id}`).set(auth);
    expect(cancel.status).toBe(202);
    expect(cancel.body.cancel_requested).toBe(true);
    const events = await res.rest();
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ error: { code: 'request_cancelled' } });
    await env.upstream.waitFor((r) => r[0]?.aborted === true);
    const settle = await settlementOf(env.app, id);
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'request_cancelled',
    });
    expect(settle.outcome.completion_tokens).toBe(await countTokens('gpt-4', await streamContent(id)));
    expect((await env.app.request.get(`/llm/requests/${id}`).set(auth)).body.status).toBe('cancelled');
    const again = await env.app.request.delete(`/llm/requests/${id}`).set(auth);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('cancelled');
  });

  it('DELETE of a request still in the queue ends it at once, billed nothing, and it never reaches the upstream', async () => {
    const { auth, user } = await llmUser(env.app);
    const worker = env.workers.workers[0]!;
    await worker.pause();
    try {
      const res = await openSse(env.app.url, {
        path: '/v1/chat/completions',
        headers: auth,
        body: chatBody('queued', { stream: true }),
      });
      expect(res.status).toBe(200);
      const id = String(res.headers['x-request-id']);
      expect((await env.app.request.get(`/llm/requests/${id}`).set(auth)).body.status).toBe('queued');
      const cancel = await env.app.request.delete(`/llm/requests/${id}`).set(auth);
      expect(cancel.status).toBe(200);
      expect(cancel.body).toMatchObject({ status: 'cancelled', cancel_requested: true });
      const events = await res.rest();
      expect(events.map((e) => e.data.includes('request_cancelled') || e.data === '[DONE]')).toEqual([true, true]);
      expect((await settlementOf(env.app, id)).outcome).toMatchObject({
        status: 'aborted',
        prompt_tokens: 0,
        completion_tokens: 0,
        usage_source: 'none',
        error_code: 'request_cancelled',
      });
      expect(await env.app.producer.queues.llm.getJob(id)).toBeUndefined();
      expect(await env.app.redis.zcard(keys().active(user.id))).toBe(0);
    } finally {
      await worker.resume();
    }
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('a non-streaming client that drops is treated the same way', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: words(200, 'n'), tokenDelayMs: 20 });
    const req = http.request(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      agent: false,
    });
    req.on('error', () => undefined);
    req.end(JSON.stringify(chatBody('json drop')));
    await env.upstream.waitFor((r) => (r[0]?.tokensSent ?? 0) >= 3);
    const [job] = await env.app.producer.queues.llm.getJobs(['active']);
    req.destroy();
    await env.upstream.waitFor((r) => r[0]?.aborted === true);
    const settle = await settlementOf(env.app, job!.id);
    expect(settle.outcome).toMatchObject({ status: 'aborted', error_code: 'client_disconnected' });
    expect(settle.outcome.completion_tokens).toBeGreaterThan(0);
  });
});
