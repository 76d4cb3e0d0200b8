import {
  enqueueSettlement,
  errorEventJson,
  type Producer,
  type RequestContext,
  type RequestOutcome,
  type ClientError,
  type EndRecord,
  type EndStatus,
  type NewEntry,
  type RequestRecords,
} from '../../../queues/index.js';

export interface FinishInput {
  context: RequestContext;
  run: string;
  status: EndStatus;
  outcome: RequestOutcome;
  /** Entries before the end record, e.g. a usage chunk or an error event. */
  entries?: NewEntry[];
  error?: ClientError;
  /** The API ends a request it removed from the queue (see RequestRecords.finalize). */
  takeOver?: boolean;
}

/**
 * Ends a request: settlement first (so it exists whenever a client sees the end), then the last stream
 * entries, the status fields and the stream slot, atomically and once.
 */
export async function finishRequest(
  records: RequestRecords,
  producer: Producer,
  input: FinishInput,
): Promise<-1 | 0 | 1> {
  const { context, run, status, outcome, error } = input;
  await enqueueSettlement(producer, context, outcome);
  const entries: NewEntry[] = [...(input.entries ?? [])];
  if (error) entries.push({ type: 'e', data: errorEventJson(error), status: error.status });
  const end: EndRecord = { status, outcome };
  entries.push({ type: 'end', data: JSON.stringify(end) });
  return records.finalize({
    id: context.request_id,
    run,
    userId: context.user_id,
    entries,
    takeOver: input.takeOver,
    end: {
      status,
      finishedAt: Date.now(),
      provider: outcome.provider,
      promptTokens: outcome.prompt_tokens,
      completionTokens: outcome.completion_tokens,
      usageSource: outcome.usage_source,
      errorCode: error?.code ?? outcome.error_code,
      errorMessage: error?.message ?? null,
      ttftMs: outcome.ttft_ms,
    },
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
