import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/index.js';
import type { Principal } from '../../lib/http/principal.js';
import type { RedisClient } from '../../lib/redis.js';
import {
  hasEnded,
  phaseOf,
  requestContextSchema,
  signalCancel,
  type Producer,
  type RequestRecords,
} from '../../../queues/index.js';
import { CANCEL_ERRORS, emptyOutcome, finishRequest } from '../../domain/llm/finish.js';
import type { PromptStore } from '../../domain/llm/prompt-store.js';
import { ownedRecord, presentRecord } from './request-status.js';
import type { LlmRequestStatus } from './schemas.js';

interface Deps {
  config: Config;
  redis: RedisClient;
  producer: Producer;
  records: RequestRecords;
  prompts: PromptStore;
}

/** A request's status for its owner, and its cancellation. */
export function createRequestControl({ config, redis, producer, records, prompts }: Deps) {
  async function status(principal: Principal, id: string): Promise<LlmRequestStatus> {
    return presentRecord(id, await ownedRecord(records, principal, id));
  }

  /**
   * Cancels a request: a running one is stopped by its worker (cross-process signal; what it produced is
   * billed); one still waiting in the queue is removed and ended here, billed nothing.
   */
  async function cancel(principal: Principal, id: string): Promise<{ request: LlmRequestStatus; signalled: boolean }> {
    const record = await ownedRecord(records, principal, id);
    if (hasEnded(record)) return { request: presentRecord(id, record), signalled: false };
    await signalCancel(redis, config.REDIS_PREFIX, id, 'cancelled', {
      force: true,
      ttlSeconds: config.LLM_STREAM_TTL_SECONDS,
    });
    const queue = producer.queues.llm;
    const job = await queue.getJob(id);
    const queued = job ? phaseOf(await job.getState()) === 'queued' : false;
    let removed = false;
    if (job && queued && (await queue.remove(id)) === 1) {
      removed = true;
      await prompts.drop(id);
      const context = requestContextSchema.parse(job.data);
      // No worker holds a job taken back from the queue; a run of an earlier attempt is fenced off by a new token.
      await finishRequest(records, producer, {
        context,
        run: randomUUID(),
        takeOver: true,
        status: 'cancelled',
        outcome: emptyOutcome(context, 'aborted', CANCEL_ERRORS.cancelled.code),
        error: CANCEL_ERRORS.cancelled,
      });
    }
    const after = await records.read(id);
    return { request: after ? presentRecord(id, after) : presentRecord(id, record), signalled: !removed };
  }

  return { status, cancel };
}
