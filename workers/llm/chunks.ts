import { isMeaningfulChunk, type ChatCompletionChunk, type Usage } from '../../src/domain/llm/completion.js';
import type { CompletionTally } from '../../src/domain/llm/completion-tally.js';
import { UpstreamFailure } from './failures.js';

/** What reading an upstream stream has gathered so far. */
export interface ChunkState {
  /** Chunks already written to the request's stream. */
  written: number;
  usage: Usage | null;
  tally: CompletionTally;
}

export function isUsage(value: unknown): value is Usage {
  const u = value as Usage | null;
  return (
    Boolean(u) &&
    Number.isInteger(u!.prompt_tokens) &&
    Number.isInteger(u!.completion_tokens) &&
    u!.prompt_tokens >= 0 &&
    u!.completion_tokens >= 0
  );
}

/** The chunk as clients get it: the upstream's own text when it is already complete (no re-serializing). */
export function clientChunk(chunk: ChatCompletionChunk, data: string, requestId: string, model: string): string {
  if (chunk.id && chunk.object === 'chat.completion.chunk' && chunk.created && chunk.model && chunk.usage === undefined)
    return data;
  chunk.id ??= `chatcmpl-${requestId}`;
  chunk.object = 'chat.completion.chunk';
  chunk.created ??= Math.floor(Date.now() / 1000);
  chunk.model ??= model;
  delete chunk.usage;
  return JSON.stringify(chunk);
}

export function parseChunk(data: string): ChatCompletionChunk {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    throw new UpstreamFailure('malformed', 'unparseable SSE data');
  }
  if (!chunk || typeof chunk !== 'object' || Array.isArray(chunk))
    throw new UpstreamFailure('malformed', 'SSE data is not a JSON object');
  if ((chunk as { error?: unknown }).error)
    throw new UpstreamFailure('upstream_error', 'error event from the upstream');
  return chunk as ChatCompletionChunk;
}

/**
 * What one upstream read adds to the stream: chunks for clients (role-only ones held back until the first
 * token, so a retry elsewhere never repeats them), usage, and whether the answer ended. A bad line stops the
 * batch, but what came before it in the same read is still delivered (it was produced).
 */
export function takeBatch(
  batch: string[],
  state: ChunkState,
  held: string[],
  requestId: string,
  model: string,
): { out: string[]; ended: boolean; failure: unknown } {
  const out: string[] = [];
  let ended = false;
  for (const data of batch) {
    try {
      if (data === '[DONE]') {
        ended = true;
        continue;
      }
      const chunk = parseChunk(data);
      if (isUsage(chunk.usage))
        state.usage = { ...chunk.usage, total_tokens: chunk.usage.prompt_tokens + chunk.usage.completion_tokens };
      if (!Array.isArray(chunk.choices) || chunk.choices.length === 0) continue;
      state.tally.add(chunk);
      if (chunk.choices.some((choice) => choice.finish_reason)) ended = true;
      const json = clientChunk(chunk, data, requestId, model);
      if (state.written === 0 && out.length === 0 && !isMeaningfulChunk(chunk)) {
        held.push(json);
        continue;
      }
      if (state.written === 0 && out.length === 0) out.push(...held.splice(0));
      out.push(json);
    } catch (error) {
      return { out, ended, failure: error };
    }
  }
  return { out, ended, failure: null };
}
