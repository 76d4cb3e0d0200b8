import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, jsonSchema, streamText, tool } from 'ai';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { waitFor } from '../helpers/wait.js';
import type { JobPayload } from '../../queues/index.js';
import { llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';

/**
 * Clients nobody on the project wrote, pointed at the service as at OpenAI: the Vercel AI SDK's OpenAI-compatible
 * provider (chat completions) and LangChain's ChatOpenAI (chat completions, and Responses when asked) and
 * OpenAIEmbeddings. Each request ends in one settlement, with its endpoint, like any other.
 */
describe('third-party OpenAI clients against the service', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({ LLM_EMBEDDING_MODELS: 'text-embedding-3-small' });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  /** The settlements enqueued for the user's requests (this suite runs no usage worker: each is one settle job). */
  const settlementsOf = async (userId: string, count: number) =>
    waitFor(
      async () => {
        const jobs = await env.app.producer.queues.usage.getJobs(['waiting', 'prioritized', 'delayed', 'completed']);
        const mine = jobs
          .map((job) => job.data as JobPayload<'usage'>)
          .filter((data): data is JobPayload<'usage'> & { kind: 'settle' } => data.kind === 'settle')
          .filter((data) => data.context.user_id === userId);
        return mine.length >= count ? mine : null;
      },
      `${count} settlements`,
      15_000,
    );

  it('@ai-sdk/openai-compatible: generateText with a tool call, and streamText', async () => {
    const { accessToken, user } = await llmUser(env.app);
    const provider = createOpenAICompatible({
      name: 'aicoder',
      apiKey: accessToken,
      baseURL: `${env.app.url}/v1`,
      includeUsage: true,
    });
    env.upstream.when('weather', { content: '', toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    const called = await generateText({
      model: provider.chatModel('gpt-4'),
      prompt: 'weather in Oslo?',
      maxRetries: 0,
      tools: {
        get_weather: tool({
          description: 'The weather in a city',
          inputSchema: jsonSchema<{ city: string }>({
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          }),
        }),
      },
    });
    expect(called.toolCalls.map((call) => [call.toolName, call.input])).toEqual([['get_weather', { city: 'Oslo' }]]);

    env.upstream.setDefault({ content: 'Streamed to the compatible provider.', tokenDelayMs: 2 });
    const streamed = streamText({ model: provider.chatModel('gpt-4'), prompt: 'stream', maxRetries: 0 });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    expect(text).toBe('Streamed to the compatible provider.');
    expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
    const settled = await settlementsOf(user.id, 2);
    expect(settled.map((job) => job.outcome.status)).toEqual(['completed', 'completed']);
  });

  it('@langchain/openai: ChatOpenAI invoke and stream over chat completions and over Responses, and OpenAIEmbeddings', async () => {
    const { accessToken, user } = await llmUser(env.app);
    const configuration = { baseURL: `${env.app.url}/v1` };
    env.upstream.setDefault({ content: 'LangChain got this.', tokenDelayMs: 1 });
    const chat = new ChatOpenAI({ model: 'gpt-4', apiKey: accessToken, configuration, maxRetries: 0 });
    expect((await chat.invoke('hello')).content).toBe('LangChain got this.');
    let streamed = '';
    for await (const chunk of await chat.stream('hello again')) streamed += String(chunk.content);
    expect(streamed).toBe('LangChain got this.');

    const viaResponses = new ChatOpenAI({
      model: 'gpt-4',
      apiKey: accessToken,
      configuration,
      maxRetries: 0,
      useResponsesApi: true,
    });
    const answer = await viaResponses.invoke('through responses');
    expect(answer.text).toBe('LangChain got this.');

    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: accessToken,
      configuration,
      maxRetries: 0,
    });
    const vectors = await embeddings.embedDocuments(['function add(a, b)', 'return a + b;']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]!.length).toBeGreaterThan(0);
    expect(vectors[0]).not.toEqual(vectors[1]);

    const settled = await settlementsOf(user.id, 4);
    expect(settled.map((job) => job.outcome.status)).toEqual(settled.map(() => 'completed'));
    expect(settled.map((job) => job.context.endpoint).sort()).toEqual([
      'chat.completions',
      'chat.completions',
      'embeddings',
      'responses',
    ]);
  });
});
