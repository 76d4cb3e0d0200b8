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

/** What the client sees when a request ends badly: an OpenAI-style error and the HTTP status it maps to. */
export interface ClientError {
  status: number;
  type: string;
  code: string;
  message: string;
}

/** The terminal stream entry: the request's final status and what it is billed. */
export interface EndRecord {
  status: LlmStatus;
  outcome: RequestOutcome;
}

export const errorEventJson = (error: ClientError) =>
  JSON.stringify({ error: { message: error.message, type: error.type, code: error.code } });
