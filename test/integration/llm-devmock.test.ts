import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { mockAnswer } from '../../workers/llm/mock-provider.js';
import { deterministicVector } from '../../workers/llm/embedders.js';
import { countEmbeddingTokens } from '../../src/domain/llm/embeddings.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chatBody, contentOf, llmUser, openSse, settlementOf } from '../helpers/llm.js';

describe('without an upstream key (development): the offline dev mock provider', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  beforeAll(async () => {
    // Grace 0 disables cancellation on disconnect.
    app = await startTestApp({
      NODE_ENV: 'development',
      LLM_MOCK_TOKEN_DELAY_MS: '25',
      STREAM_RESUME_GRACE_MS: '0',
      LLM_EMBEDDING_MODELS: 'text-embedding-3-small',
    });
    workers = await startWorkers(app.config, createLogger('silent'), ['llm']);
  });
  afterAll(async () => {
    await workers.stop();
    await app.stop();
  });

  it('streams a deterministic answer word by word, with usage', async () => {
    const { auth } = await llmUser(app);
    const body = chatBody('hello offline world', { stream: true, stream_options: { include_usage: true } });
    const events = await (await openSse(app.url, { path: '/v1/chat/completions', headers: auth, body })).rest();
    const expected = mockAnswer(body);
    expect(contentOf(events)).toBe(expected);
    expect(events.length).toBeGreaterThan(10);
    const usage = JSON.parse(events.at(-2)!.data).usage;
    expect(usage.completion_tokens).toBe(await countTokens('gpt-4', expected));
  });

  it('with STREAM_RESUME_GRACE_MS=0 a dropped resumable stream does not cancel its request: it completes and is billed in full', async () => {
    const { auth } = await llmUser(app);
    const res = await openSse(app.url, {
      path: '/v1/chat/completions',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: chatBody('keep going without me', { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    await res.next();
    await res.next();
    res.drop();
    const settle = await settlementOf(app, id, 20_000);
    expect(settle.outcome).toMatchObject({ status: 'completed', usage_source: 'reported', error_code: null });
    expect(settle.outcome.completion_tokens).toBe(
      await countTokens('gpt-4', mockAnswer(chatBody('keep going without me'))),
    );
  });

  it('answers embeddings offline: deterministic unit vectors, usage counted with the tokenizer', async () => {
    const { auth } = await llmUser(app);
    const input = ['offline vectors', 'are deterministic'];
    const res = await app.request
      .post('/v1/embeddings')
      .set(auth)
      .send({ model: 'text-embedding-3-small', input, dimensions: 32 });
    expect(res.status).toBe(200);
    const vectors = (res.body.data as Array<{ embedding: number[] }>).map((item) => item.embedding);
    expect(vectors).toEqual(input.map((text) => deterministicVector(text, 32).map((v) => Math.fround(v))));
    expect(Math.hypot(...vectors[0]!)).toBeCloseTo(1, 5);
    const counted = await countEmbeddingTokens('text-embedding-3-small', input);
    expect(res.body.usage).toEqual({ prompt_tokens: counted, total_tokens: counted });
  });
});
