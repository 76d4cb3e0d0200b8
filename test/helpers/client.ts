import {
  AiCoderClient,
  memoryTokenStore,
  type AiCoderClientOptions,
  type ChatCompletionChunk,
  type TokenStore,
} from '../../clients/typescript/src/index.js';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
}

/** A token store holding the session of a sign-in made by a test factory (as if the client had signed in). */
export const storeOf = (session: SignedIn): TokenStore =>
  memoryTokenStore({
    session: {
      access_token: session.accessToken,
      refresh_token: session.refreshToken,
      expires_at: Date.now() + 30 * 60_000,
    },
  });

/** Requests the client sent, and every wait it asked for (instead of waiting: tests never sleep on Retry-After). */
export interface Recorder {
  requests: Array<{ method: string; url: string; headers: Headers }>;
  responses: Array<{ status: number; retryAfter: string | null; shouldRetry: string | null }>;
  sleeps: number[];
  /** Runs during a requested wait (e.g. to free the slot a retry needs). */
  onSleep?: (ms: number) => Promise<void> | void;
}

/** Client options that record requests and waits; the waits resolve at once. */
export function recording(): { recorder: Recorder; options: Pick<AiCoderClientOptions, 'fetch' | 'sleep'> } {
  const recorder: Recorder = { requests: [], responses: [], sleeps: [] };
  return {
    recorder,
    options: {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        recorder.requests.push({ method: request.method, url: request.url, headers: request.headers });
        const response = await fetch(input, init);
        recorder.responses.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          shouldRetry: response.headers.get('x-should-retry'),
        });
        return response;
      },
      sleep: async (ms) => {
        recorder.sleeps.push(ms);
        await recorder.onSleep?.(ms);
      },
    },
  };
}

export const newClient = (baseUrl: string, options: Omit<AiCoderClientOptions, 'baseUrl'> = {}) =>
  new AiCoderClient({ baseUrl, ...options });

/** The text of streamed chunks, concatenated. */
export const textOf = (chunks: ChatCompletionChunk[]): string =>
  chunks.map((chunk) => chunk.choices.map((choice) => choice.delta.content ?? '').join('')).join('');

/** Every chunk of a stream (rejects with the stream's error). */
export async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}
