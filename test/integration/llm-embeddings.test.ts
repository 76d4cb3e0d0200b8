import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { countEmbeddingTokens, vectorFromBase64 } from '../../src/domain/llm/embeddings.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { fakeVector } from '../helpers/fake-upstream.js';
import { chatBody, llmUser, SERVER_KEY, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';
import { createSubUser } from '../factories/teams.js';

const SMALL = 'text-embedding-3-small';
/** What a vector looks like after travelling as float32 (as OpenAI's own base64 answers do). */
const asFloat32 = (vector: number[]) => vector.map((value) => Math.fround(value));

describe('POST /v1/embeddings', () => {
  let env: LlmEnv;
  let usage: RunningWorkers;
  beforeAll(async () => {
    env = await startLlmEnv({
      LLM_EMBEDDING_MODELS: `${SMALL},text-embedding-3-large`,
      LLM_FIRST_TOKEN_TIMEOUT_MS: '60000',
    });
    usage = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
  });
  afterAll(async () => {
    await usage?.stop();
    await env?.stop();
  });
  beforeEach(() => env.upstream.reset());

  const clientOf = (accessToken: string) =>
    new OpenAI({ apiKey: accessToken, baseURL: `${env.app.url}/v1`, maxRetries: 0 });
  const ledgerRow = (requestId: string) =>
    waitFor(async () => TokenUsageModel.findOne({ request_id: requestId }).lean(), `ledger row of ${requestId}`);

  it('the openai SDK, one text as floats: the vectors, billed by the input tokens the upstream reported', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ promptTokens: 42 });
    const { data: answer, response } = await clientOf(accessToken)
      .embeddings.create({ model: SMALL, input: 'index this function', encoding_format: 'float', dimensions: 16 })
      .withResponse();
    expect(answer).toMatchObject({ object: 'list', model: SMALL, usage: { prompt_tokens: 42, total_tokens: 42 } });
    expect(answer.data).toHaveLength(1);
    expect(answer.data[0]!.embedding).toEqual(asFloat32(fakeVector('index this function', 16)));

    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^req_/);
    const seen = env.upstream.requests[0]!;
    expect(seen.path).toBe('/v1/embeddings');
    expect(seen.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    // Vectors travel from the worker as base64, whatever the client asked for.
    expect(seen.body).toEqual({
      model: SMALL,
      input: 'index this function',
      dimensions: 16,
      encoding_format: 'base64',
    });

    expect(await ledgerRow(requestId)).toMatchObject({
      endpoint: 'embeddings',
      model: SMALL,
      status: 'completed',
      usage_source: 'reported',
      prompt_tokens: 42,
      completion_tokens: 0,
      billed_tokens: 42,
      stream: false,
    });
    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({ tokens_used: 42, reserved: 0 });
    const status = await env.app.request.get(`/llm/requests/${requestId}`).set(auth);
    expect(status.body).toMatchObject({ status: 'completed', usage: { prompt_tokens: 42, source: 'reported' } });
  });

  it('texts in base64, and the SDK default (base64 decoded by the SDK), with the vectors in input order', async () => {
    const { accessToken } = await llmUser(env.app);
    const client = clientOf(accessToken);
    const input = ['first chunk of code', 'second chunk', 'third'];
    const raw = await client.embeddings.create({ model: SMALL, input, encoding_format: 'base64' });
    expect(raw.data.map((item) => item.index)).toEqual([0, 1, 2]);
    raw.data.forEach((item, i) => {
      expect(typeof item.embedding).toBe('string');
      expect(vectorFromBase64(item.embedding as unknown as string)).toEqual(asFloat32(fakeVector(input[i]!)));
    });
    const decoded = await client.embeddings.create({ model: SMALL, input });
    decoded.data.forEach((item, i) => expect(item.embedding).toEqual(asFloat32(fakeVector(input[i]!))));
    expect(decoded.usage.prompt_tokens).toBe(7);
  });

  it('an upstream that answers floats when asked for base64, and token arrays as input', async () => {
    const { accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ ignoreEncodingFormat: true });
    const answer = await clientOf(accessToken).embeddings.create({
      model: SMALL,
      input: [
        [1, 2, 3],
        [4, 5],
      ],
      encoding_format: 'float',
    });
    expect(answer.data.map((item) => item.embedding)).toEqual([
      asFloat32(fakeVector('1,2,3')),
      asFloat32(fakeVector('4,5')),
    ]);
  });

  it('no usage from the upstream: the input is counted with the tokenizer', async () => {
    const { accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ omitUsage: true });
    const input = ['const answer = 42;', 'function add(a, b) { return a + b; }'];
    const { data: answer, response } = await clientOf(accessToken)
      .embeddings.create({ model: SMALL, input })
      .withResponse();
    const counted = await countEmbeddingTokens(SMALL, input);
    expect(answer.usage).toEqual({ prompt_tokens: counted, total_tokens: counted });
    expect(await ledgerRow(response.headers.get('x-request-id')!)).toMatchObject({
      usage_source: 'counted',
      prompt_tokens: counted,
      billed_tokens: counted,
    });
  });

  it('reserves the input before the upstream: a quota that cannot cover it gets 429 insufficient_quota and nothing is sent', async () => {
    const { accessToken, auth } = await llmUser(env.app, { monthlyLimit: 20 });
    const error = await clientOf(accessToken)
      .embeddings.create({ model: SMALL, input: 'a long text to index '.repeat(20) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');
    expect(env.upstream.requests).toHaveLength(0);
    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({ tokens_used: 0, reserved: 0 });
  });

  it('an unknown model, or a chat model, gets the same model_not_found as chat; an embedding model is no chat model', async () => {
    const { auth } = await llmUser(env.app);
    const chatUnknown = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('x', { model: 'nope' }));
    const unknown = await env.app.request.post('/v1/embeddings').set(auth).send({ model: 'nope', input: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(chatUnknown.body);
    const chatModel = await env.app.request.post('/v1/embeddings').set(auth).send({ model: 'gpt-4', input: 'x' });
    expect(chatModel.status).toBe(404);
    expect(chatModel.body.error).toMatchObject({ code: 'model_not_found', param: 'model' });
    const embeddingAsChat = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('x', { model: SMALL }));
    expect(embeddingAsChat.status).toBe(404);
    expect(embeddingAsChat.body.error.code).toBe('model_not_found');
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('lists the embedding models in /v1/models', async () => {
    const { accessToken } = await llmUser(env.app, { tier: 'free' });
    const models = await clientOf(accessToken).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-3.5-turbo', SMALL, 'text-embedding-3-large']);
    const one = await clientOf(accessToken).models.retrieve(SMALL);
    expect(one.id).toBe(SMALL);
  });

  it("a sub-user's model list restricts embedding models too", async () => {
    const parent = await llmUser(env.app);
    const chatOnly = await createSubUser(env.app, parent, { permissions: { models: ['gpt-4'] } });
    const refused = await env.app.request.post('/v1/embeddings').set(chatOnly.auth).send({ model: SMALL, input: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'model_not_allowed', param: 'model' });
    const withEmbeddings = await createSubUser(env.app, parent, { permissions: { models: ['gpt-4', SMALL] } });
    const models = await env.app.request.get('/v1/models').set(withEmbeddings.auth);
    expect(models.body.data.map((m: { id: string }) => m.id)).toEqual(['gpt-4', SMALL]);
    const served = await env.app.request
      .post('/v1/embeddings')
      .set(withEmbeddings.auth)
      .send({ model: SMALL, input: 'x' });
    expect(served.status).toBe(200);
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('refuses bad input with 400 naming the parameter, and sends nothing', async () => {
    const { auth } = await llmUser(env.app);
    for (const [body, param] of [
      [{ model: SMALL, input: '' }, 'input'],
      [{ model: SMALL, input: [] }, 'input'],
      [{ model: SMALL, input: 'x', stream: true }, 'stream'],
      [{ model: SMALL, input: 'x', encoding_format: 'int8' }, 'encoding_format'],
      [{ model: SMALL, input: 'x', dimensions: 0 }, 'dimensions'],
      [{ input: 'x' }, 'model'],
    ] as const) {
      const res = await env.app.request.post('/v1/embeddings').set(auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({ code: 'validation_error', param });
    }
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('an upstream that refuses the request: 400 upstream_invalid_request, billed nothing', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ status: 400 });
    const res = await env.app.request.post('/v1/embeddings').set(auth).send({ model: SMALL, input: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('upstream_invalid_request');
    expect(await ledgerRow(String(res.headers['x-request-id']))).toMatchObject({
      status: 'failed',
      billed_tokens: 0,
    });
  });

  it('a client that leaves while the upstream computes: the upstream call is cancelled and the input billed, counted', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ firstTokenDelayMs: 120_000 });
    const input = 'embed me slowly';
    const controller = new AbortController();
    const pending = fetch(`${env.app.url}/v1/embeddings`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: SMALL, input }),
      signal: controller.signal,
    }).catch((e: Error) => e);
    await env.upstream.waitFor((r) => r.length === 1);
    const [job] = await env.app.producer.queues.llm.getJobs(['active']);
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await env.upstream.waitFor((r) => r[0]!.aborted);
    expect(await ledgerRow(job!.id!)).toMatchObject({
      endpoint: 'embeddings',
      status: 'aborted',
      error_code: 'client_disconnected',
      usage_source: 'counted',
      prompt_tokens: await countEmbeddingTokens(SMALL, input),
    });
  });
});
