import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { tokensOf } from '../helpers/fake-upstream.js';
import { llmUser, openSse, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};
const weatherCall = { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' };

describe('POST /v1/responses, served through the upstream chat completions', () => {
  let env: LlmEnv;
  let usage: RunningWorkers;
  beforeAll(async () => {
    env = await startLlmEnv({ LLM_IDLE_TIMEOUT_MS: '600000', STREAM_RESUME_GRACE_MS: '600000' });
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

  it('the openai SDK, not streamed: one response, billed and recorded like a chat request', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    const content = 'Responses through chat completions work.';
    env.upstream.setDefault({ content, promptTokens: 12 });
    const { data: response, response: http } = await clientOf(accessToken)
      .responses.create({ model: 'gpt-4', instructions: 'Be brief.', input: 'Say it works', temperature: 0.3 })
      .withResponse();
    const requestId = http.headers.get('x-request-id')!;
    expect(response).toMatchObject({
      id: `resp_${requestId.slice(4)}`,
      object: 'response',
      status: 'completed',
      model: 'gpt-4',
      instructions: 'Be brief.',
      temperature: 0.3,
      store: false,
      error: null,
      usage: { input_tokens: 12, output_tokens: 5, total_tokens: 17 },
    });
    expect(response.output_text).toBe(content);
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'completed' });

    expect(env.upstream.requests[0]!.body).toMatchObject({
      model: 'gpt-4',
      stream: true,
      temperature: 0.3,
      max_tokens: 4096,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say it works' },
      ],
    });
    expect(await ledgerRow(requestId)).toMatchObject({
      endpoint: 'responses',
      status: 'completed',
      prompt_tokens: 12,
      completion_tokens: 5,
      billed_tokens: 17,
    });
    const status = await env.app.request.get(`/llm/requests/${requestId}`).set(auth);
    expect(status.body).toMatchObject({ status: 'completed', model: 'gpt-4' });
  });

  it('the openai SDK, streamed: the Responses events in order, with the text and the usage', async () => {
    const { accessToken } = await llmUser(env.app);
    const content = 'Streaming the Responses way, word by word.';
    env.upstream.setDefault({ content, tokenDelayMs: 2 });
    const stream = await clientOf(accessToken).responses.create({ model: 'gpt-4', input: 'stream it', stream: true });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const types = events.map((e) => e.type);
    const deltas = events.filter((e) => e.type === 'response.output_text.delta');
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.slice(4, 4 + deltas.length).every((t) => t === 'response.output_text.delta')).toBe(true);
    expect(types.slice(4 + deltas.length)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(deltas.map((e) => e.delta).join('')).toBe(content);
    const completed = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent;
    expect(completed.response.output).toEqual([
      expect.objectContaining({ type: 'message', content: [expect.objectContaining({ text: content })] }),
    ]);
    expect(completed.response.usage).toMatchObject({ input_tokens: 7, output_tokens: tokensOf({ content }).length });
    const itemIds = new Set(events.filter((e) => 'item_id' in e).map((e) => (e as { item_id: string }).item_id));
    expect(itemIds.size).toBe(1);
  });

  it('a function tool, streamed and not, then its output sent back as the next turn', async () => {
    const { accessToken } = await llmUser(env.app);
    const client = clientOf(accessToken);
    env.upstream.setDefault({ content: '', toolCalls: [weatherCall] });
    const first = await client.responses.create({
      model: 'gpt-4',
      input: 'What is the weather in Paris?',
      tools: [weatherTool],
      tool_choice: 'auto',
    });
    expect(first.output).toEqual([
      expect.objectContaining({ type: 'function_call', call_id: 'call_0', ...weatherCall, status: 'completed' }),
    ]);
    expect(env.upstream.requests[0]!.body).toMatchObject({
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: weatherTool.parameters, strict: false } },
      ],
      tool_choice: 'auto',
    });

    const stream = await client.responses.create({
      model: 'gpt-4',
      input: 'What is the weather in Paris?',
      tools: [weatherTool],
      stream: true,
    });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const argDeltas = events.filter((e) => e.type === 'response.function_call_arguments.delta');
    expect(argDeltas.length).toBeGreaterThan(1);
    expect(argDeltas.map((e) => e.delta).join('')).toBe(weatherCall.arguments);
    expect(events.find((e) => e.type === 'response.function_call_arguments.done')).toMatchObject({
      arguments: weatherCall.arguments,
      name: 'get_weather',
    });
    expect(events.find((e) => e.type === 'response.output_item.done')).toMatchObject({
      item: { type: 'function_call', call_id: 'call_0', ...weatherCall },
    });

    env.upstream.setDefault({ content: 'It is sunny in Paris.' });
    const second = await client.responses.create({
      model: 'gpt-4',
      tools: [weatherTool],
      input: [
        { role: 'user', content: 'What is the weather in Paris?' },
        ...(first.output as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: 'call_0', output: '{"sky":"sunny"}' },
      ],
    });
    expect(second.output_text).toBe('It is sunny in Paris.');
    expect(env.upstream.requests.at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'What is the weather in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_0', type: 'function', function: weatherCall }],
      },
      { role: 'tool', tool_call_id: 'call_0', content: '{"sky":"sunny"}' },
    ]);
  });

  it('the Vercel AI SDK (its default OpenAI provider calls Responses): generateText with a tool loop, and streamText', async () => {
    const { accessToken } = await llmUser(env.app);
    const openai = createOpenAI({ apiKey: accessToken, baseURL: `${env.app.url}/v1` });
    env.upstream.enqueue({ content: '', toolCalls: [weatherCall] }, { content: 'Sunny, 21 degrees.' });
    const seen: unknown[] = [];
    const result = await generateText({
      model: openai('gpt-4'),
      prompt: 'Weather in Paris?',
      maxRetries: 0,
      stopWhen: stepCountIs(2),
      tools: {
        get_weather: tool({
          description: 'The weather in a city',
          inputSchema: jsonSchema<{ city: string; unit?: string }>({
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string' } },
            required: ['city'],
          }),
          execute: async (input) => {
            seen.push(input);
            return { sky: 'sunny', celsius: 21 };
          },
        }),
      },
    });
    expect(seen).toEqual([{ city: 'Paris', unit: 'celsius' }]);
    expect(result.text).toBe('Sunny, 21 degrees.');
    expect(result.steps).toHaveLength(2);
    expect(result.totalUsage).toMatchObject({ inputTokens: 14, outputTokens: 3 });
    expect(env.upstream.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
    expect(env.upstream.requests[1]!.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function', function: weatherCall }] },
      { role: 'tool', tool_call_id: 'call_0', content: JSON.stringify({ sky: 'sunny', celsius: 21 }) },
    ]);

    env.upstream.setDefault({ content: 'Streamed through streamText.', tokenDelayMs: 2 });
    const streamed = streamText({ model: openai('gpt-4'), prompt: 'stream', maxRetries: 0 });
    let text = '';
    for await (const delta of streamed.textStream) text += delta;
    expect(text).toBe('Streamed through streamText.');
    expect(await streamed.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 });
    expect(await streamed.finishReason).toBe('stop');
  });

  it('stops at the token limit: status incomplete, reason max_output_tokens, the limit sent upstream', async () => {
    const { accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'one two three four five six seven', finishReason: 'length' });
    const response = await clientOf(accessToken).responses.create({
      model: 'gpt-4',
      input: 'count',
      max_output_tokens: 3,
    });
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      max_output_tokens: 3,
    });
    expect(response.output_text).toBe('one two three');
    expect(env.upstream.requests[0]!.body.max_tokens).toBe(3);
  });

  it('a stream that breaks after it started ends with an error event and response.failed; one refused before it started is an HTTP error', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'one two three four five', cutAfterTokens: 2 });
    const res = await openSse(env.app.url, {
      path: '/v1/responses',
      headers: auth,
      body: { model: 'gpt-4', input: 'break', stream: true },
    });
    const events = await res.rest();
    expect(events.map((e) => e.event).slice(-2)).toEqual(['error', 'response.failed']);
    expect(events.every((e) => JSON.parse(e.data).type === e.event)).toBe(true);
    expect(JSON.parse(events.at(-1)!.data).response).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_stream_interrupted' },
    });
    // Every event's id is its sequence number: Last-Event-ID resumes from any of them.
    expect(events.map((e) => e.id)).toEqual(events.map((e) => String(JSON.parse(e.data).sequence_number)));

    env.upstream.setDefault({ status: 400 });
    const refused = await clientOf(accessToken)
      .responses.create({ model: 'gpt-4', input: 'refuse', stream: true })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('upstream_invalid_request');
  });

  it('leaving the stream stops the upstream at once and bills what was produced; DELETE cancels like chat', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'w '.repeat(50), stallAfterTokens: 10 });
    const { data: stream, response: http } = await clientOf(accessToken)
      .responses.create({ model: 'gpt-4', input: 'leave', stream: true })
      .withResponse();
    let seen = 0;
    for await (const event of stream) if (event.type === 'response.output_text.delta' && ++seen === 3) break;
    await env.upstream.waitFor((r) => r[0]?.aborted === true, 15_000);
    expect(await ledgerRow(http.headers.get('x-request-id')!)).toMatchObject({
      endpoint: 'responses',
      status: 'aborted',
      error_code: 'client_disconnected',
      completion_tokens: 10,
    });

    env.upstream.reset();
    env.upstream.setDefault({ content: 'x '.repeat(50), stallAfterTokens: 5 });
    const res = await openSse(env.app.url, {
      path: '/v1/responses',
      headers: auth,
      body: { model: 'gpt-4', input: 'cancel me', stream: true },
    });
    await res.next();
    const id = String(res.headers['x-request-id']);
    expect((await env.app.request.delete(`/llm/requests/${id}`).set(auth)).status).toBe(202);
    const events = await res.rest();
    expect(JSON.parse(events.at(-1)!.data).response.error).toMatchObject({ code: 'request_cancelled' });
    await env.upstream.waitFor((r) => r[0]?.aborted === true, 15_000);
  });

  it('refuses what needs state or tools this API does not have, naming the parameter, and sends nothing', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ previous_response_id: 'resp_abc' }, 'previous_response_id'],
      [{ conversation: 'conv_abc' }, 'conversation'],
      [{ background: true }, 'background'],
      [{ prompt: { id: 'pmpt_abc' } }, 'prompt'],
      [{ tools: [weatherTool, { type: 'web_search' }] }, 'tools.1.type'],
      [{ tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] }, 'tools.0.type'],
      [
        {
          input: [
            { role: 'user', content: 'hi' },
            { type: 'item_reference', id: 'msg_1' },
          ],
        },
        'input.1.type',
      ],
      [
        { input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file_1' }] }] },
        'input.0.content.0.image_url',
      ],
      [{ service_tier: 'priority' }, 'service_tier'],
      [{ frobnicate: true }, 'frobnicate'],
    ];
    for (const [extra, param] of cases) {
      const res = await env.app.request
        .post('/v1/responses')
        .set(auth)
        .send({ model: 'gpt-4', input: 'hi', ...extra });
      expect(res.status, param).toBe(400);
      expect(res.body.error, param).toMatchObject({ code: 'validation_error', param });
    }
    const sdk = await clientOf(accessToken)
      .responses.create({ model: 'gpt-4', input: 'hi', previous_response_id: 'resp_x' })
      .catch((e: unknown) => e);
    expect(sdk).toBeInstanceOf(OpenAI.BadRequestError);
    // Accepted, and answered as not stored.
    env.upstream.setDefault({ content: 'ok' });
    const stored = await clientOf(accessToken).responses.create({ model: 'gpt-4', input: 'hi', store: true });
    expect(stored).toMatchObject({ status: 'completed', store: false });
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('the same quota and model rules as chat: 429 insufficient_quota, 404 model_not_found', async () => {
    const { accessToken } = await llmUser(env.app, { monthlyLimit: 5 });
    const poor = await clientOf(accessToken)
      .responses.create({ model: 'gpt-4', input: 'a prompt longer than the whole quota '.repeat(4) })
      .catch((e: unknown) => e);
    expect(poor).toBeInstanceOf(OpenAI.RateLimitError);
    expect((poor as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');
    const unknown = await clientOf(accessToken)
      .responses.create({ model: 'gpt-9', input: 'x' })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('a resumable stream, dropped, resumes from any event with no gap and no duplicate: Last-Event-ID, or the openai SDK with starting_after', async () => {
    const { auth, accessToken } = await llmUser(env.app);
    const stranger = await llmUser(env.app);
    const content = Array.from({ length: 30 }, (_, i) => ` r${i}`).join('');
    env.upstream.setDefault({ content, tokenDelayMs: 10 });
    const first = await openSse(env.app.url, {
      path: '/v1/responses',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: { model: 'gpt-4', input: 'resume me', stream: true, instructions: 'Resume.' },
    });
    expect(first.headers['x-stream-resumable']).toBe('true');
    const responseId = `resp_${String(first.headers['x-request-id']).slice(4)}`;
    const before = [];
    for (let i = 0; i < 7; i += 1) before.push((await first.next())!);
    first.drop();

    const resumed = await openSse(env.app.url, {
      path: `/v1/responses/${responseId}?stream=true`,
      headers: { ...auth, 'Last-Event-ID': before.at(-1)!.id! },
    });
    expect(resumed.status).toBe(200);
    const after = await resumed.rest();
    const all = [...before, ...after].map(
      (e) => JSON.parse(e.data) as { type: string; sequence_number: number; delta?: string },
    );
    expect(all.map((e) => e.sequence_number)).toEqual(all.map((_, i) => i));
    const deltas = all.filter((e) => e.type === 'response.output_text.delta');
    expect(deltas.map((e) => e.delta).join('')).toBe(content);
    expect(all.at(-1)).toMatchObject({
      type: 'response.completed',
      response: { id: responseId, instructions: 'Resume.', status: 'completed' },
    });
    expect(env.upstream.requests[0]!).toMatchObject({ aborted: false, finished: true });

    // Finished now: the openai SDK reads it again from any event.
    const stream = await clientOf(accessToken).responses.retrieve(responseId, { stream: true, starting_after: 3 });
    const again: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) again.push(event);
    expect(again.map((e) => e.sequence_number)).toEqual(all.slice(4).map((e) => e.sequence_number));
    expect(again.at(-1)).toEqual(all.at(-1));

    for (const res of [
      await env.app.request.get(`/v1/responses/${responseId}?stream=true`).set(stranger.auth),
      await env.app.request.get(`/v1/responses/${responseId}`).set(stranger.auth),
      await env.app.request.get(`/v1/responses/resp_doesnotexist0000?stream=true`).set(auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('request_not_found');
    }
    const notStreamed = await env.app.request.get(`/v1/responses/${responseId}`).set(auth);
    expect(notStreamed.status).toBe(400);
    expect(notStreamed.body.error.param).toBe('stream');
  });
});
