import { NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import type { RequestRecord, RequestRecords } from '../../../queues/index.js';
import type { LlmRequestStatus } from './schemas.js';

const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000));

/** A request record as its owner sees it (GET /llm/requests/{id}). */
export function presentRecord(id: string, record: RequestRecord): LlmRequestStatus {
  const finished = record.finishedAt !== null;
  return {
    id,
    object: 'llm.request',
    status: record.status,
    model: record.model,
    stream: record.stream,
    created: Math.floor(record.created / 1000),
    started_at: seconds(record.startedAt),
    finished_at: seconds(record.finishedAt),
    provider: record.provider,
    streamed_chunks: record.chunks,
    usage: finished
      ? {
          prompt_tokens: record.promptTokens,
          completion_tokens: record.completionTokens,
          total_tokens: record.promptTokens + record.completionTokens,
          source: record.usageSource,
        }
      : null,
    error: record.error,
    cancel_requested: record.cancelReason !== null,
  };
}

/** The caller's own request's record; any other (or one expired) does not exist for it. */
export async function ownedRecord(records: RequestRecords, principal: Principal, id: string): Promise<RequestRecord> {
  const record = await records.read(id);
  if (!record || record.userId !== principal.user._id.toString())
    throw new NotFoundError('LLM request', 'request_not_found');
  return record;
}
