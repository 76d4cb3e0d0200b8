import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
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

describe('upstream failures become clean OpenAI-style errors, and failures bill nothing', () => {
  let env: LlmEnv;
  let backup: FakeUpstream;
  let auth: Record<string, string>;
  beforeAll(async () => {
    backup = await startFakeUpstream();
    // The backup provider serves only claude-3, so gpt-4 requests see the primary alone.
    env = await startLlmEnv({
      LLM_FIRST_TOKEN_TIMEOUT_MS: '600',
      LLM_IDLE_TIMEOUT_MS: '600',
      LLM_PROVIDERS_JSON: JSON.stringify([
        { name: 'backup', base_url: backup.url, api_key: 'sk-backup-key', priority: 10, models: ['claude-3'] },
      ]),
    });
    auth = (await llmUser(env.app)).auth;
  });
  afterAll(async () => {
    await env.stop();
    await backup.close();
  });
  beforeEach(() => {
    env.upstream.reset();
    backup.reset();
  });

  const post = (body: object) => env.app.request.post('/v1/chat/completions').set(auth).send(body);

  function expectClean(body: unknown) {
    const text = JSON.stringify(body);
    expect(text).not.toContain('db-shard-7');
    expect(text).not.toContain(SERVER_KEY);
    expect(text).not.toContain('127.0.0.1');
  }

  it('upstream 500: retried once, then 502 upstream_error; settled as failed with zero tokens', async () => {
    env.upstream.setDefault({ status: 500 });
    const res = await post(chatBody('boom'));
    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
    expectClean(res.body);
    expect(env.upstream.requests).toHaveLength(2);
    const settle = await settlementOf(env.app, res.headers['x-request-id']);
    expect(settle.outcome).toMatchObject({
      status: 'failed',
      prompt_tokens: 0,
      completion_tokens: 0,
      usage_source: 'none',
      error_code: 'upstream_error',
    });
    const status = await env.app.request.get(`/llm/requests/${res.headers['x-request-id']}`).set(auth);
    expect(status.body).toMatchObject({ status: 'failed', error: { code: 'upstream_error' } });
  });

  it('a streaming request that fails before its first token gets a real HTTP error, not a 200', async () => {
    env.upstream.setDefault({ status: 503 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('boom', { stream: true }),
    });
    expect(res.status).toBe(502);
    const body = JSON.parse(await res.text());
    expect(body.error.code).toBe('upstream_error');
  });

  it("upstream 429: passed on as 429 with the upstream's Retry-After, and the upstream is called once", async () => {
    env.upstream.setDefault({ status: 429, retryAfter: '17' });
    const res = await post(chatBody('busy'));
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('17');
    expect(res.headers['x-should-retry']).toBe('true');
    expect(res.body.error).toMatchObject({
      type: 'rate_limit_error',
      code: 'upstream_rate_limited',
      details: { retry_after_seconds: 17 },
    });
    expectClean(res.body);
    expect((await settlementOf(env.app, res.headers['x-request-id'])).outcome.status).toBe('failed');
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('upstream 429 on a stream, before its first token: an HTTP 429 too, after one upstream call', async () => {
    env.upstream.setDefault({ status: 429 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('busy stream', { stream: true }),
    });
    expect(res.status).toBe(429);
    // The upstream named no wait: the default one.
    expect(res.headers['retry-after']).toBe('5');
    expect(JSON.parse(await res.text()).error.code).toBe('upstream_rate_limited');
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('upstream 429 with a fallback provider: the next provider answers; the rate-limited one is not called again', async () => {
    env.upstream.setDefault({ status: 429, retryAfter: '30' });
    backup.setDefault({ content: 'from the backup' });
    const res = await post(chatBody('fall back', { model: 'claude-3' }));
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('from the backup');
    expect(env.upstream.requests).toHaveLength(1);
    expect(backup.requests).toHaveLength(1);
  });

  it('a retry that succeeds is invisible to the client', async () => {
    env.upstream.enqueue({ status: 502 }, { content: 'second time lucky' });
    const res = await post(chatBody('flaky'));
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('second time lucky');
  });

  it("upstream 400 is the request's fault: not retried, answered 400 with the provider's reason", async () => {
    env.upstream.setDefault({ status: 400 });
    const res = await post(chatBody('bad'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('upstream_invalid_request');
    expect(env.upstream.requests).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain(SERVER_KEY);
  });

  it('an upstream that hangs: 504 upstream_timeout after the first-token timeout; the upstream call is aborted', async () => {
    env.upstream.setDefault({ hang: true });
    const res = await post(chatBody('hang'));
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('upstream_timeout');
    await env.upstream.waitFor((r) => r.length > 0 && r.every((x) => x.aborted));
    expect((await settlementOf(env.app, res.headers['x-request-id'])).outcome).toMatchObject({
      status: 'failed',
      completion_tokens: 0,
    });
  });

  it('an upstream that accepted the prompt but sends no first token in time: 504, and the prompt is billed', async () => {
    env.upstream.setDefault({ content: 'too late', firstTokenDelayMs: 5000 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('slow prefill', { stream: true }),
    });
    expect(res.status).toBe(504);
    const outcome = (await settlementOf(env.app, res.headers['x-request-id'])).outcome;
    expect(outcome).toMatchObject({ status: 'aborted', completion_tokens: 0, error_code: 'upstream_timeout' });
    expect(outcome.prompt_tokens).toBeGreaterThan(0);
  });

  it('malformed SSE before any token: 502 upstream_malformed_response, failed, nothing billed', async () => {
    env.upstream.setDefault({ content: 'never seen', malformedAt: 0 });
    const res = await post(chatBody('garbage'));
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('upstream_malformed_response');
    expect((await settlementOf(env.app, res.headers['x-request-id'])).outcome).toMatchObject({
      status: 'failed',
      prompt_tokens: 0,
      completion_tokens: 0,
    });
  });

  it('malformed SSE mid-stream: the client keeps what it got, then an error event and [DONE]; what was sent is billed', async () => {
    env.upstream.setDefault({ content: 'alpha beta gamma delta epsilon', malformedAt: 3 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('half', { stream: true }),
    });
    expect(res.status).toBe(200);
    const events = await res.rest();
    expect(events.at(-1)!.data).toBe('[DONE]');
    const error = JSON.parse(events.at(-2)!.data);
    expect(error).toEqual({
      error: { message: expect.any(String), type: 'upstream_error', code: 'upstream_malformed_response' },
    });
    const received = contentOf(events.slice(0, -2));
    expect(received).toBe('alpha beta gamma');
    const settle = await settlementOf(env.app, res.headers['x-request-id'] as string);
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      completion_tokens: await countTokens('gpt-4', received),
    });
    expect(settle.outcome.prompt_tokens).toBeGreaterThan(0);
  });

  it('a stream cut before its usage chunk is billed by counting what was streamed', async () => {
    env.upstream.setDefault({ content: 'one two three four five six', cutAfterTokens: 4 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('cut', { stream: true }),
    });
    const events = await res.rest();
    expect(JSON.parse(events.at(-2)!.data).error.code).toBe('upstream_stream_interrupted');
    const received = contentOf(events.slice(0, -2));
    expect(received).toBe('one two three four');
    const settle = await settlementOf(env.app, res.headers['x-request-id'] as string);
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      completion_tokens: await countTokens('gpt-4', received),
    });
  });

  it('a complete answer without a usage chunk is billed as counted', async () => {
    const content = 'Completed, but the provider forgot the usage.';
    env.upstream.setDefault({ content, omitUsage: true });
    const res = await post(chatBody('no usage'));
    expect(res.status).toBe(200);
    const completionTokens = await countTokens('gpt-4', content);
    expect(res.body.usage.completion_tokens).toBe(completionTokens);
    const settle = await settlementOf(env.app, res.headers['x-request-id']);
    expect(settle.outcome).toMatchObject({
      status: 'completed',
      usage_source: 'counted',
      completion_tokens: completionTokens,
    });
  });

  it('an upstream that stalls mid-stream is ended by the idle timeout', async () => {
    env.upstream.setDefault({ content: 'a b c d e', stallAfterTokens: 2 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('stall', { stream: true }),
    });
    const events = await res.rest();
    expect(contentOf(events.slice(0, -2))).toBe('a b');
    expect(JSON.parse(events.at(-2)!.data).error.code).toBe('upstream_timeout');
  });

  it("falls back to the next provider by priority, with that provider's own key", async () => {
    env.upstream.setDefault({ status: 500 });
    backup.setDefault({ content: 'served by the backup' });
    const res = await post({ ...chatBody('fallback'), model: 'claude-3' });
    expect(res.status).toBe(200);
    expect(res.body.choices[0].message.content).toBe('served by the backup');
    expect(env.upstream.requests).toHaveLength(2);
    expect(backup.requests).toHaveLength(1);
    expect(backup.requests[0]!.headers.authorization).toBe('Bearer sk-backup-key');
    expect((await settlementOf(env.app, res.headers['x-request-id'])).outcome).toMatchObject({
      status: 'completed',
      provider: 'backup',
    });
  });

  it('falls back when the primary cannot be reached at all', async () => {
    await env.upstream.close();
    backup.setDefault({ content: 'still here' });
    try {
      const res = await post({ ...chatBody('down'), model: 'claude-3' });
      expect(res.status).toBe(200);
      expect(res.body.choices[0].message.content).toBe('still here');
      const gpt4 = await post(chatBody('down'));
      expect(gpt4.status).toBe(502);
      expect(gpt4.body.error.code).toBe('upstream_unavailable');
    } finally {
      await env.upstream.start(Number(new URL(env.upstream.url).port));
    }
  });
});
