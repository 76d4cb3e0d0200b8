import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import {
  chatBody,
  contentOf,
  llmUser,
  openSse,
  settlementOf,
  startLlmEnv,
  SERVER_KEY,
  type LlmEnv,
} from '../helpers/llm.js';
import { tokensOf } from '../helpers/fake-upstream.js';

describe('the OpenAI-compatible proxy: request path', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv();
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  it('streams the exact content as SSE with an id on every event, ending with [DONE]', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    const content = 'The quick brown fox jumps over the lazy dog, twice: once here and once there.';
    env.upstream.setDefault({ content, tokenDelayMs: 2 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('hi', { stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const requestId = String(res.headers['x-request-id']);
    expect(requestId).toMatch(/^req_/);
    expect(res.headers['ratelimit-limit']).toBe('120');
    const events = await res.rest();
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(events.every((e) => /^\d+-\d+$/.test(e.id ?? ''))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(contentOf(events)).toBe(content);
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
    expect(
      chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0].id && c.model === 'gpt-4'),
    ).toBe(true);
    expect(chunks.some((c) => c.usage)).toBe(false);

    // The upstream got the server's key, never the user's token, and was always asked for a stream with usage.
    const seen = env.upstream.requests[0]!;
    expect(seen.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    expect(JSON.stringify(seen.headers)).not.toContain(accessToken);
    expect(seen.body).toMatchObject({
      model: 'gpt-4',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 4096,
    });

    const settle = await settlementOf(env.app, requestId);
    expect(settle.outcome).toMatchObject({
      status: 'completed',
      usage_source: 'reported',
      prompt_tokens: 7,
      completion_tokens: tokensOf({ content }).length,
      provider: 'a4f',
    });
    expect(settle.context).toMatchObject({ request_id: requestId, model: 'gpt-4', stream: true });

    // Enqueued under the request id, with the plan's priority (pro = 5) and retries for a stalled job.
    const job = await env.app.producer.queues.llm.getJob(requestId);
    expect(job?.opts).toMatchObject({
      priority: env.app.config.plans.pro.queue_priority,
      attempts: env.app.config.LLM_JOB_ATTEMPTS,
    });

    const status = await env.app.request.get(`/llm/requests/${requestId}`).set(auth);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      id: requestId,
      status: 'completed',
      model: 'gpt-4',
      usage: { prompt_tokens: 7, source: 'reported' },
    });
  });

  it('answers a non-streaming request with one chat.completion including usage', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'Forty-two is the answer.' });
    const res = await env.app.request
      .post('/llm/chat/completions')
      .set(auth)
      .send(chatBody('question', { max_tokens: 50, temperature: 0.2, my_vendor_param: { x: 1 } }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Forty-two is the answer.' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 },
    });
    expect(res.body.id).toBe(`chatcmpl-${res.headers['x-request-id']}`);
    // Unknown parameters pass through; the upstream is still streamed.
    expect(env.upstream.requests[0]!.body).toMatchObject({
      my_vendor_param: { x: 1 },
      temperature: 0.2,
      max_tokens: 50,
      stream: true,
    });
  });

  it('relays the usage chunk when the client asks for include_usage', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'one two three', promptTokens: 11 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('x', { stream: true, stream_options: { include_usage: true } }),
    });
    const events = await res.rest();
    const usageChunk = JSON.parse(events.at(-2)!.data);
    expect(usageChunk).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
    });
  });

  it('works with the official openai package as a client, streaming and not', async () => {
    const { accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'Streaming through the proxy works.' });
    const client = new OpenAI({ apiKey: accessToken, baseURL: `${env.app.url}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Streaming through the proxy works.');
    expect(usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 5 });
    const completion = await client.chat.completions.create({
      model: 'gpt-4',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]!.message.content).toBe('Streaming through the proxy works.');
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-4', 'claude-3', 'gpt-3.5-turbo']);
  });
});
