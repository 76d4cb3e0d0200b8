import type { ErrorCode } from '../src/lib/error-codes.js';
import type { RequestOutcome } from './schemas.js';

/** A request's status in its meta hash (llmKeys.meta): written by the worker, read by any API process. */
export const LLM_STATUSES = ['queued', 'running', 'completed', 'failed', 'aborted', 'cancelled'] as const;
export type LlmStatus = (typeof LLM_STATUSES)[number];
export const TERMINAL_STATUSES: readonly LlmStatus[] = ['completed', 'failed', 'aborted', 'cancelled'];

/**
 * Entries of a request's Redis Stream (written by the llm worker, read by every API process):
 * `c` a chat.completion.chunk (JSON), `e` an error event ({"error": ...}, with the HTTP status a client that has
 * not started reading should get), `end` the terminal record (an EndRecord: status and what is billed).
 */
export type EntryType = 'c' | 'e' | 'end';

export interface StreamEntry {
  id: string;
  type: EntryType;
  data: string;
  /** HTTP status for `e` entries. */
  status?: number;
}

export interface NewEntry {
  type: EntryType;
  data: string;
  status?: number;
}

export function parseEntry([id, fields]: [string, string[]]): StreamEntry {
  const entry: StreamEntry = { id, type: 'c', data: '' };
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const value = fields[i + 1]!;
    if (fields[i] === 't') entry.type = value as EntryType;
    else if (fields[i] === 'd') entry.data = value;
    else if (fields[i] === 's' && value) entry.status = Number(value);
  }
  return entry;
}

/** Stream ids are `<ms>-<seq>`; compares them numerically. */
export function compareIds(a: string, b: string): number {
  const [am = '0', as = '0'] = a.split('-');
  const [bm = '0', bs = '0'] = b.split('-');
  const ms = Number(am) - Number(bm);
  return ms !== 0 ? Math.sign(ms) : Math.sign(Number(as) - Number(bs));
}

export const STREAM_ID_PATTERN = /^\d{1,20}-\d{1,20}$/;

/**
 * Every code an LLM request can end with once admitted (written by the worker, or by a cancel): answered as the
 * HTTP status when nothing was streamed yet, else as the last SSE event. The routes document these.
 */
export const LLM_REQUEST_ERRORS = [
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_malformed_response',
  'upstream_stream_interrupted',
  'upstream_error',
  'upstream_rate_limited',
  'upstream_invalid_request',
  'upstream_auth_error',
  'no_provider',
  'stream_interrupted',
  'worker_shutdown',
  'reservation_expired',
  'request_cancelled',
  'client_disconnected',
] as const satisfies readonly ErrorCode[];

/** What the client sees when a request ends badly: an OpenAI-style error and the HTTP status it maps to. */
export interface ClientError {
  status: number;
  type: string;
  code: (typeof LLM_REQUEST_ERRORS)[number];
  message: string;
  /** Seconds a client should wait before sending the request again (the upstream's own Retry-After on a 429). */
  retryAfterSeconds?: number;
}

/** The terminal stream entry: the request's final status and what it is billed. */
export interface EndRecord {
  status: LlmStatus;
  outcome: RequestOutcome;
}

/** The error as clients see it; a wait the upstream asked for travels in `details.retry_after_seconds`. */
export const errorEventJson = (error: ClientError) =>
  JSON.stringify({
    error: {
      message: error.message,
      type: error.type,
      code: error.code,
      ...(error.retryAfterSeconds === undefined ? {} : { details: { retry_after_seconds: error.retryAfterSeconds } }),
    },
  });
