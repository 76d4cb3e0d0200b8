import type { components, paths } from './generated/openapi.js';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type LoginResponse = Schemas['LoginResponse'];
export type TokenPair = Schemas['TokenPair'];
export type VscodeConfig = Schemas['VscodeConfig'];
export type ChatCompletionRequest = Schemas['ChatCompletionRequest'];
export type ChatCompletion = Schemas['ChatCompletion'];
export type ChatMessage = ChatCompletionRequest['messages'][number];
export type Model = Schemas['Model'];
export type ModelList = Schemas['ModelList'];
export type LlmRequestStatus = Schemas['LlmRequestStatus'];
export type TokenBalance = Schemas['TokenBalance'];
export type TokenUsageHistory = Schemas['TokenUsageHistory'];
export type UsageStats = Schemas['UsageStats'];

type UsageParameters = NonNullable<paths['/tokens/usage']['get']['parameters']['query']>;
/** `GET /tokens/usage`: `page`, `limit` (up to 100), `from`/`to` (YYYY-MM-DD), `group_by` (day or model), `model`. */
export type UsageQuery = { [K in keyof UsageParameters]?: UsageParameters[K] | number };

export type OAuthProvider = 'github' | 'google';

/** A `chat.completion.chunk`, as the stream's events carry it (and OpenAI documents it). */
interface ChunkShape {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    delta: {
      role?: 'assistant';
      content?: string | null;
      refusal?: string | null;
      tool_calls?: Array<{
        index: number;
        id?: string;
        type?: 'function';
        function?: { name?: string; arguments?: string };
      }>;
    };
    logprobs?: unknown;
    finish_reason: string | null;
  }>;
  /** Only on the last chunk, with `stream_options.include_usage`. */
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

/** The document's `ChatCompletionChunk` when it describes one, else the shape above. */
export type ChatCompletionChunk = Schemas extends { ChatCompletionChunk: infer Chunk } ? Chunk : ChunkShape;
