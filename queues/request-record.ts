import { LLM_STATUSES, TERMINAL_STATUSES, type LlmStatus } from './llm-stream.js';

/** Why a request is stopped before it ends: a DELETE by its owner, or its client gone past the grace period. */
export type CancelReason = 'cancelled' | 'client_disconnected';

/**
 * The request record (`llmKeys.meta`, the hash `llm:req:<id>`): what any API process answers about a request, and
 * the worker's fencing token. Its field names are spelled here only; the Lua scripts that move it interpolate them
 * (queues/request-records.ts, the SIGNAL of queues/cancel.ts, OPEN_CONNECTION of src/domain/llm/limits.ts).
 *
 * Its transitions, each one command or script:
 * - created (API, CREATE, beside the enqueue): owner, model, stream, created; status `queued`; one watcher.
 * - claimed (worker, CLAIM; creates a record the API has not written yet): `run` (the fencing token every later
 *   write checks), worker, started_at once, status `running`.
 * - first token (worker): provider, ttft_ms. Chunks appended (worker, APPEND, fenced): chunks.
 * - watchers: +1 per attached client (CREATE, OPEN_CONNECTION), -1 when one leaves.
 * - cancel asked (any API process, SIGNAL): cancel_reason, once.
 * - ended once (FINALIZE, fenced): terminal status, finished_at, usage, error. The API ends a request it removed
 *   from the queue by taking the record over (a new run token) in the same script, fencing off any earlier run.
 */
export const RECORD = {
  userId: 'user_id',
  model: 'model',
  stream: 'stream',
  created: 'created',
  status: 'status',
  watchers: 'watchers',
  run: 'run',
  worker: 'worker',
  startedAt: 'started_at',
  provider: 'provider',
  ttftMs: 'ttft_ms',
  chunks: 'chunks',
  cancelReason: 'cancel_reason',
  finishedAt: 'finished_at',
  promptTokens: 'prompt_tokens',
  completionTokens: 'completion_tokens',
  usageSource: 'usage_source',
  errorCode: 'error_code',
  errorMessage: 'error_message',
} as const;

export type UsageSource = 'reported' | 'counted' | 'none';

/** A request record as read. Times are milliseconds since the epoch. */
export interface RequestRecord {
  userId: string;
  model: string;
  stream: boolean;
  created: number;
  status: LlmStatus;
  /** Clients attached now. */
  watchers: number;
  startedAt: number | null;
  provider: string | null;
  ttftMs: number | null;
  chunks: number;
  cancelReason: CancelReason | null;
  finishedAt: number | null;
  promptTokens: number;
  completionTokens: number;
  usageSource: UsageSource;
  error: { code: string; message: string } | null;
}

/** The status a request ends with. */
export type EndStatus = Exclude<LlmStatus, 'queued' | 'running'>;

/** How a request ended, as FINALIZE records it. */
export interface RecordEnd {
  status: EndStatus;
  finishedAt: number;
  provider: string | null;
  promptTokens: number;
  completionTokens: number;
  usageSource: UsageSource;
  errorCode: string | null;
  errorMessage: string | null;
  ttftMs: number | null;
}

const time = (value: string | undefined) => (value ? Number(value) : null);

/** The record in a hash as HGETALL returns it; null when it holds none (expired, never written). */
export function parseRecord(hash: Record<string, string>): RequestRecord | null {
  const field = (name: (typeof RECORD)[keyof typeof RECORD]) => hash[name];
  const userId = field(RECORD.userId);
  if (!userId) return null;
  const status = field(RECORD.status) ?? 'queued';
  const cancelReason = field(RECORD.cancelReason);
  const errorCode = field(RECORD.errorCode);
  return {
    userId,
    model: field(RECORD.model) ?? '',
    stream: field(RECORD.stream) === '1',
    created: Number(field(RECORD.created)),
    status: (LLM_STATUSES as readonly string[]).includes(status) ? (status as LlmStatus) : 'queued',
    watchers: Number(field(RECORD.watchers) ?? 0),
    startedAt: time(field(RECORD.startedAt)),
    provider: field(RECORD.provider) || null,
    ttftMs: time(field(RECORD.ttftMs)),
    chunks: Number(field(RECORD.chunks) ?? 0),
    cancelReason: cancelReason ? (cancelReason === 'client_disconnected' ? cancelReason : 'cancelled') : null,
    finishedAt: time(field(RECORD.finishedAt)),
    promptTokens: Number(field(RECORD.promptTokens) ?? 0),
    completionTokens: Number(field(RECORD.completionTokens) ?? 0),
    usageSource: (field(RECORD.usageSource) ?? 'none') as UsageSource,
    error: errorCode ? { code: errorCode, message: field(RECORD.errorMessage) ?? '' } : null,
  };
}

/** Whether the request ended: nothing can change it any more but its expiry. */
export const hasEnded = (record: RequestRecord): boolean =>
  record.finishedAt !== null || TERMINAL_STATUSES.includes(record.status);

/** The fields FINALIZE sets, as HSET arguments (an absent value is an empty string). */
export function endFields(end: RecordEnd): Array<string | number> {
  return [
    RECORD.status,
    end.status,
    RECORD.finishedAt,
    end.finishedAt,
    RECORD.provider,
    end.provider ?? '',
    RECORD.promptTokens,
    end.promptTokens,
    RECORD.completionTokens,
    end.completionTokens,
    RECORD.usageSource,
    end.usageSource,
    RECORD.errorCode,
    end.errorCode ?? '',
    RECORD.errorMessage,
    end.errorMessage ?? '',
    RECORD.ttftMs,
    end.ttftMs ?? '',
  ];
}
