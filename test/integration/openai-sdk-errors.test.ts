import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatBody, llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';

interface Call {
  url: string;
  status: number;
  retryCount: string | null;
}

/**
 * The real `openai` Node SDK (nobody on the project wrote it) against the real service: it must not retry what no
 * retry can fix, must retry a rate limit after the wait the answer names, and must surface the typed error code.
 * Every HTTP call the SDK makes goes through a counting fetch.
 */
describe('the openai SDK and the errors of this API', () => {
  let env: LlmEnv;
  let token: string;
  const calls: Call[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input), status: response.status, retryCount: headers.get('x-stainless-retry-count') });
    return response;
  };
  const client = (apiKey = token) =>
    new OpenAI({ apiKey, baseURL: `${env.app.url}/v1`, fetch: countingFetch, maxRetries: 2 });

  beforeAll(async () => {
    env = await startLlmEnv();
    token = (await llmUser(env.app)).accessToken;
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => {
    calls.length = 0;
    env.upstream.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('does not retry an exhausted quota: one call, a RateLimitError with code insufficient_quota', async () => {
    const poor = await llmUser(env.app, { monthlyLimit: 10 });
    const error = await client(poor.accessToken)
      .chat.completions.create(chatBody('a prompt the quota cannot cover') as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });
    // Without `x-should-retry: false` the SDK sends a 429 twice more.
    expect(calls).toHaveLength(1);
    expect(env.upstream.requests).toHaveLength(0);
  });

  it("retries an upstream's 429 once it has waited the Retry-After the API passed on", async () => {
    env.upstream.enqueue({ status: 429, retryAfter: '3' }, { content: 'after the wait' });
    // The SDK waits with setTimeout(Retry-After in ms): what it was asked to wait is observed, not measured.
    const waits = vi.spyOn(globalThis, 'setTimeout');
    const completion = await client().chat.completions.create(chatBody('rate limited first') as never);
    expect(completion.choices[0]!.message.content).toBe('after the wait');
    expect(calls.map((c) => [c.status, c.retryCount])).toEqual([
      [429, '0'],
      [200, '1'],
    ]);
    expect(waits.mock.calls.some(([, ms]) => ms === 3000)).toBe(true);
    // One upstream call per client attempt: the API itself never called the rate-limited upstream again.
    expect(env.upstream.requests).toHaveLength(2);
  });

  it('surfaces typed error codes: an unknown model is a NotFoundError with code model_not_found', async () => {
    const error = await client()
      .chat.completions.create(chatBody('hello', { model: 'gpt-17' }) as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'model_not_found',
      param: 'model',
      type: 'invalid_request_error',
    });
    const retrieved = await client()
      .models.retrieve('gpt-17')
      .catch((e: unknown) => e);
    expect(retrieved).toMatchObject({ status: 404, code: 'model_not_found', message: (error as Error).message });
    expect(calls).toHaveLength(2);
  });
});
