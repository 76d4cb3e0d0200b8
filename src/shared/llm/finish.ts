import {
  enqueueSettlement,
  errorEventJson,
  type Producer,
  type RequestContext,
  type RequestOutcome,
  type ClientError,
  type EndRecord,
  type LlmStatus,
  type NewEntry,
} from '../../../queues/index.js';
import type { StreamStore } from './stream-store.js';

export interface FinishInput {
  context: RequestContext;
  run: string;
  status: LlmStatus;
  outcome: RequestOutcome;
  /** Entries before the end record, e.g. a usage chunk or an error event. */
  entries?: NewEntry[];
  error?: ClientError;
}

/**
 * Ends a request: settlement first (so it exists whenever a client sees the end), then the last stream
 * entries, the status fields and the stream slot, atomically and once.
 */
export async function finishRequest(store: StreamStore, producer: Producer, input: FinishInput): Promise<-1 | 0 | 1> {
  const { context, run, status, outcome, error } = input;
  await enqueueSettlement(producer, context, outcome);
  const entries: NewEntry[] = [...(input.entries ?? [])];
  if (error) entries.push({ type: 'e', data: errorEventJson(error), status: error.status });
  const end: EndRecord = { status, outcome };
  entries.push({ type: 'end', data: JSON.stringify(end) });
  return store.finalize(context.request_id, run, context.user_id, entries, {
    status,
    finished_at: Date.now(),
    provider: outcome.provider ?? '',
    prompt_tokens: outcome.prompt_tokens,
    completion_tokens: outcome.completion_tokens,
    usage_source: outcome.usage_source,
    error_code: error?.code ?? outcome.error_code ?? '',
    error_message: error?.message ?? '',
    ttft_ms: outcome.ttft_ms ?? '',
  });
}

/** The outcome of a request that produced nothing (failed, or stopped before its first token): nothing is billed. */
export function emptyOutcome(
  context: RequestContext,
  status: 'failed' | 'aborted',
  errorCode: string | null,
  provider: string | null = null,
): RequestOutcome {
  return {
    status,
    prompt_tokens: 0,
    completion_tokens: 0,
    usage_source: 'none',
    provider,
    error_code: errorCode,
    ttft_ms: null,
    duration_ms: Math.max(0, Date.now() - context.enqueued_at),
  };
}

export const CANCEL_ERRORS = {
  cancelled: {
    status: 409,
    type: 'invalid_request_error',
    code: 'request_cancelled',
    message: 'The request was cancelled.',
  },
  client_disconnected: {
    status: 409,
    type: 'invalid_request_error',
    code: 'client_disconnected',
    message:
      'The client disconnected (a resumable stream: and did not resume within the grace period); the request was stopped.',
  },
} as const satisfies Record<string, ClientError>;
