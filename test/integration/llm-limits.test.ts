import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { estimatePromptTokens, promptOptionsOf } from '../../src/domain/llm/tokenizer.js';
import { groupOfId, llmKeys, quotaKeys } from '../../queues/index.js';
import { chatBody, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';

describe('the proxy refuses what it must, before anything goes upstream', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    // A small ledger backlog bound for its own test; no usage worker runs here, so nothing else fills it.
    env = await startLlmEnv({ USAGE_LEDGER_BACKLOG_MAX: '100' });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  it('validates the request in the OpenAI error shape', async () => {
    const { auth } = await llmUser(env.app);
    const cases: Array<[unknown, string | undefined]> = [
      [chatBody('x', { n: 2 }), 'n'],
      [{ model: 'gpt-4' }, 'messages'],
      [{ model: 'gpt-4', messages: [] }, 'messages'],
      [{ model: 'gpt-4', messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
      [{ model: 'gpt-4', messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }] }, undefined],
      [chatBody('x', { max_tokens: 0 }), 'max_tokens'],
      [chatBody('x', { temperature: 5 }), 'temperature'],
      [chatBody('x', { stream: 'yes' }), 'stream'],
      [{ messages: [{ role: 'user', content: 'x' }] }, 'model'],
    ];
    for (const [body, param] of cases) {
      const res = await env.app.request
        .post('/v1/chat/completions')
        .set(auth)
        .send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error' });
      if (param) expect(res.body.error.param).toBe(param);
    }
    const bad = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .set('content-type', 'application/json')
      .send('{"model": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('accepts content parts (text and images) and tool messages', async () => {
    const { auth } = await llmUser(env.app);
    const res = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send({
        model: 'gpt-4',
        messages: [
          { role: 'system', content: 'be brief' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is this?' },
              { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
        ],
        tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object', properties: {} } } }],
      });
    expect(res.status).toBe(200);
    expect(env.upstream.requests[0]!.body.messages as unknown[]).toHaveLength(4);
  });

  it('needs credentials, and answers unknown or not-allowed models like OpenAI', async () => {
    const none = await env.app.request.post('/v1/chat/completions').send(chatBody('x'));
    expect(none.status).toBe(401);
    const { auth } = await llmUser(env.app, { tier: 'free' });
    const unknown = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send({ ...chatBody('x'), model: 'gpt-9000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'model_not_found', param: 'model' });
    const paid = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('x'));
    expect(paid.status).toBe(403);
    expect(paid.body.error.code).toBe('model_not_allowed');
    const models = await env.app.request.get('/v1/models').set(auth);
    expect(models.body).toEqual({
      object: 'list',
      data: [{ id: 'gpt-3.5-turbo', object: 'model', created: expect.any(Number), owned_by: 'aicoder' }],
    });
    expect((await env.app.request.get('/llm/models/gpt-4').set(auth)).status).toBe(404);
    expect((await env.app.request.get('/v1/models/gpt-3.5-turbo').set(auth)).body.id).toBe('gpt-3.5-turbo');
    const free = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send({ ...chatBody('x'), model: 'gpt-3.5-turbo' });
    expect(free.status).toBe(200);
    // An organization the caller does not belong to does not exist for them.
    const foreignOrg = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .set('X-Organization-Id', 'a'.repeat(24))
      .send({ ...chatBody('x'), model: 'gpt-3.5-turbo' });
    expect(foreignOrg.status).toBe(404);
    expect(env.upstream.requests).toHaveLength(1);
    const docs = await env.app.request.get('/openapi.json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/chat/completions', '/v1/models', '/llm/requests/{id}', '/llm/requests/{id}/stream']),
    );
  });

  it('limits requests per minute per user with 429, Retry-After and RateLimit headers', async () => {
    const { auth } = await llmUser(env.app, { limitOverrides: { requests_per_minute: 3 } });
    const other = await llmUser(env.app, { limitOverrides: { requests_per_minute: 3 } });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('x'))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-limit']).toBe('3');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['ratelimit-reset'])).toBeGreaterThan(0);
    const served = results
      .filter((r) => r.status === 200)
      .map((r) => r.headers['ratelimit-remaining'])
      .sort();
    expect(served).toEqual(['0', '1', '2']);
    // Counted per user: another user is unaffected.
    expect((await env.app.request.post('/v1/chat/completions').set(other.auth).send(chatBody('x'))).status).toBe(200);
  });

  it('limits concurrent open streams per user and frees the slot when a stream ends', async () => {
    const { auth, user } = await llmUser(env.app, { limitOverrides: { concurrent_streams: 2 } });
    env.upstream.when('slow', { content: 'a b c d e f g h', tokenDelayMs: 40 });
    const open = await Promise.all(
      [1, 2].map(() =>
        openSse(env.app.url, { path: '/v1/chat/completions', headers: auth, body: chatBody('slow', { stream: true }) }),
      ),
    );
    expect(open.map((r) => r.status)).toEqual([200, 200]);
    const third = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('slow', { stream: true }));
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('concurrency_limit_exceeded');
    expect(third.headers['retry-after']).toBeDefined();
    expect(third.headers['ratelimit-limit']).toBe('2');
    // Non-streaming requests do not hold a stream slot.
    expect((await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('fast'))).status).toBe(200);
    await Promise.all(open.map((r) => r.rest()));
    const keys = llmKeys(env.app.config.REDIS_PREFIX);
    expect(await env.app.redis.zcard(keys.active(user.id))).toBe(0);
    const after = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('fast', { stream: true }),
    });
    expect(after.status).toBe(200);
    await after.rest();
  });

  it('caps max_tokens sent upstream to what the payer has left', async () => {
    const body = chatBody('cap me', { max_tokens: 1000 });
    const estimate = await estimatePromptTokens(body, promptOptionsOf(env.app.config));
    const { auth } = await llmUser(env.app, { monthlyLimit: estimate + 50 });
    const res = await env.app.request.post('/v1/chat/completions').set(auth).send(body);
    expect(res.status).toBe(200);
    expect(env.upstream.requests[0]!.body.max_tokens).toBe(50);
    const settle = await settlementOf(env.app, res.headers['x-request-id']);
    expect(settle.context).toMatchObject({ reserved_tokens: estimate + 50, prompt_tokens_estimate: estimate });
  });

  it('quota race: of 50 concurrent requests from a payer who can afford 5, 5 are served and 45 refused with insufficient_quota', async () => {
    const body = chatBody('race', { max_tokens: 100 });
    const estimate = await estimatePromptTokens(body, promptOptionsOf(env.app.config));
    const perRequest = estimate + 100;
    const limit = 5 * perRequest;
    const { auth, user } = await llmUser(env.app, {
      monthlyLimit: limit,
      limitOverrides: { requests_per_minute: 1000, concurrent_streams: 100 },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        env.app.request
          .post('/v1/chat/completions')
          .set(auth)
          .send(i % 2 ? body : { ...body, stream: true }),
      ),
    );
    const served = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429);
    expect(served).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused) {
      expect(r.body.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Nothing refused reached the upstream or the queue; the served ones each reserved their worst case, no more.
    expect(env.upstream.requests).toHaveLength(5);
    const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
    const snapshot = await quota.snapshot({ kind: 'user', id: user.id });
    expect(snapshot).toMatchObject({ limit, reserved: limit, used: 0 });
    const ids = served.map((r) => r.headers['x-request-id'] as string);
    for (const id of ids) expect(await quota.reservationOf(id, user.id)).toBe(perRequest);
    for (const r of refused)
      expect(await env.app.producer.queues.llm.getJob(String(r.headers['x-request-id']))).toBeUndefined();
    const settlements = await Promise.all(ids.map((id) => settlementOf(env.app, id)));
    expect(settlements.every((s) => s.outcome.status === 'completed')).toBe(true);
    const billed = settlements.reduce((sum, s) => sum + s.outcome.prompt_tokens + s.outcome.completion_tokens, 0);
    expect(billed).toBeLessThanOrEqual(limit);
    const keys = llmKeys(env.app.config.REDIS_PREFIX);
    expect(await env.app.redis.zcard(keys.active(user.id))).toBe(0);
  });

  it('refuses new requests with 503 while the ledger backlog is at its bound (the database is away), and serves again once it drains', async () => {
    const { auth, user } = await llmUser(env.app);
    const backlog = quotaKeys(env.app.config.REDIS_PREFIX, groupOfId(user.id)).ledgerBacklog;
    for (let i = 0; i < 100; i += 1)
      await env.app.redis.xadd(backlog, '*', 'r', `req_waiting_${i}`, 't', '1', 'd', '{}');
    try {
      const refused = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('hello'));
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ type: 'service_unavailable', code: 'usage_backlog_full' });
      expect(refused.headers['retry-after']).toBe('5');
      expect(env.upstream.requests).toHaveLength(0);
      const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
      expect((await quota.snapshot({ kind: 'user', id: user.id }))!.reserved).toBe(0);
    } finally {
      await env.app.redis.del(backlog);
    }
    const served = await env.app.request.post('/v1/chat/completions').set(auth).send(chatBody('hello'));
    expect(served.status, JSON.stringify(served.body)).toBe(200);
  });
});
