import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { compareIds } from '../../queues/index.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { tokensOf } from '../helpers/fake-upstream.js';
import { chatBody, contentOf, llmUser, openSse, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { SseParser, type SseEvent } from '../../src/lib/sse.js';
import { waitFor } from '../helpers/wait.js';

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ` ${tag}${i}`).join('');

/** Reads SSE events from a fetch body until `count` arrived; the caller then aborts, as an SDK does on "stop". */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<SseEvent[]> {
  const reader = body.getReader();
  const parser = new SseParser();
  const events: SseEvent[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    events.push(...parser.push(Buffer.from(value)));
  }
  reader.releaseLock();
  return events.slice(0, count);
}

/**
 * Plain OpenAI clients never resume: a dropped connection stops the upstream at once. The grace period and the idle
 * timeout are ten minutes here, and the upstream stalls after its tokens, so nothing but that stop ends its call.
 */
describe('a stop that stops: without X-Stream-Resumable a dropped client cancels the upstream at once', () => {
  let env: LlmEnv;
  let usage: RunningWorkers;
  beforeAll(async () => {
    env = await startLlmEnv({
      STREAM_RESUME_GRACE_MS: '600000',
      LLM_IDLE_TIMEOUT_MS: '600000',
      LLM_SSE_HEADER_DEFER_MS: '50',
    });
    usage = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
  });
  afterAll(async () => {
    await usage?.stop();
    await env?.stop();
  });
  beforeEach(() => env.upstream.reset());

  const ledgerRow = (requestId: string) =>
    waitFor(async () => TokenUsageModel.findOne({ request_id: requestId }).lean(), `ledger row of ${requestId}`);

  /** The upstream saw its connection closed; the ledger bills exactly the tokens it had delivered, nothing more. */
  async function expectStoppedAndBilled(requestId: string, auth: Record<string, string>, produced: number) {
    await env.upstream.waitFor((r) => r[0]?.aborted === true, 15_000);
    const upstream = env.upstream.requests[0]!;
    expect(upstream.tokensSent).toBe(produced);
    const delivered = tokensOf(upstream.script).slice(0, upstream.tokensSent).join('');
    const row = await ledgerRow(requestId);
    expect(row).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'client_disconnected',
      endpoint: 'chat.completions',
    });
    expect(row.completion_tokens).toBe(await countTokens('gpt-4', delivered));
    expect(row.billed_tokens).toBe(row.prompt_tokens + row.completion_tokens);
    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({ reserved: 0, tokens_used: row.billed_tokens });
  }

  it('fetch with an AbortController, stopped after 5 chunks', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: words(60, 'f'), stallAfterTokens: 20 });
    const controller = new AbortController();
    const res = await fetch(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('stop me', { stream: true })),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-stream-resumable')).toBeNull();
    const requestId = res.headers.get('x-request-id')!;
    expect(await readEvents(res.body!, 5)).toHaveLength(5);
    controller.abort();
    await expectStoppedAndBilled(requestId, auth, 20);
  });

  it('the openai SDK, leaving its stream after 5 chunks', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ content: words(60, 's'), stallAfterTokens: 12 });
    const client = new OpenAI({ apiKey: accessToken, baseURL: `${env.app.url}/v1`, maxRetries: 0 });
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'gpt-4', messages: [{ role: 'user', content: 'stop me' }], stream: true })
      .withResponse();
    let chunks = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      if (++chunks === 5) break;
    }
    await expectStoppedAndBilled(response.headers.get('x-request-id')!, auth, 12);
  });

  it('a non-streaming request whose client leaves', async () => {
    const { auth } = await llmUser(env.app);
    env.upstream.setDefault({ content: words(30, 'j'), stallAfterTokens: 7 });
    const controller = new AbortController();
    const pending = fetch(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('stop me')),
      signal: controller.signal,
    }).catch((error: Error) => error);
    await env.upstream.waitFor((r) => r[0]?.tokensSent === 7);
    const [job] = await env.app.producer.queues.llm.getJobs(['active']);
    controller.abort();
    expect(await pending).toBeInstanceOf(Error);
    await expectStoppedAndBilled(job!.id!, auth, 7);
  });

  it('with X-Stream-Resumable: true the stream waits for its client, which resumes with no gap and no duplicate', async () => {
    const { auth } = await llmUser(env.app);
    const content = words(40, 'r');
    env.upstream.setDefault({ content, tokenDelayMs: 10 });
    const controller = new AbortController();
    const res = await fetch(`${env.app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'X-Stream-Resumable': 'true' },
      body: JSON.stringify(chatBody('resume me', { stream: true })),
      signal: controller.signal,
    });
    expect(res.headers.get('x-stream-resumable')).toBe('true');
    const requestId = res.headers.get('x-request-id')!;
    const before = await readEvents(res.body!, 5);
    controller.abort();
    const resumed = await openSse(env.app.url, {
      path: `/llm/requests/${requestId}/stream`,
      headers: { ...auth, 'Last-Event-ID': before.at(-1)!.id! },
    });
    const after = await resumed.rest();
    expect(after.at(-1)!.data).toBe('[DONE]');
    const all = [...before, ...after];
    for (let i = 1; i < all.length; i += 1) expect(compareIds(all[i]!.id!, all[i - 1]!.id!)).toBe(1);
    expect(contentOf(all)).toBe(content);
    expect(env.upstream.requests[0]!).toMatchObject({ aborted: false, finished: true });
    expect(await ledgerRow(requestId)).toMatchObject({ status: 'completed', completion_tokens: 40 });
  });

  it('refuses an X-Stream-Resumable that is neither true nor false, and enqueues nothing', async () => {
    const { auth } = await llmUser(env.app);
    const res = await env.app.request
      .post('/v1/chat/completions')
      .set({ ...auth, 'X-Stream-Resumable': 'maybe' })
      .send(chatBody('x', { stream: true }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_error', param: 'X-Stream-Resumable' });
    expect(await env.app.producer.queues.llm.getJobCounts('waiting', 'active', 'prioritized')).toEqual({
      waiting: 0,
      active: 0,
      prioritized: 0,
    });
    expect(env.upstream.requests).toHaveLength(0);
  });
});
