import type { RedisClient } from '../../src/lib/redis.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Queue } from 'bullmq';
import { createLedgerBacklog } from '../../src/domain/quota/ledger-backlog.js';

type NotYet = undefined | null | false;

/**
 * The one polling primitive of the tests: calls `check` until it returns a truthy value and returns that value.
 * A falsy value or a thrown error means "not yet" (the last error goes into the timeout's message). `timeoutMs`
 * only bounds the wait so a broken build fails instead of hanging; it is never a timing claim.
 */
export async function waitFor<T extends object | string | number | true>(
  check: () => Promise<T | NotYet> | T | NotYet,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const why = last === undefined ? '' : `: ${last instanceof Error ? last.message : String(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`, { cause: last });
    }
    await sleep(intervalMs);
  }
}

/** The job once it has ended, completed or failed (for tests that look at how it ended). */
export async function waitForFinishedJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<Job> {
  return waitFor(
    async () => {
      const state = await queue.getJobState(jobId);
      if (state !== 'completed' && state !== 'failed') throw new Error(`state ${state}`);
      // Read after the state check: a copy fetched before it may predate the result.
      return queue.getJob(jobId);
    },
    `job ${jobId} to finish`,
    timeoutMs,
  );
}

/** The job once it has completed; throws with its reason if it failed instead. */
export async function waitForCompletedJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<Job> {
  const job = await waitForFinishedJob(queue, jobId, timeoutMs);
  if ((await job.getState()) === 'failed') throw new Error(`job ${jobId} failed: ${job.failedReason}`);
  return job;
}

/**
 * Once the ledger backlog is empty: every settlement that has completed has its row in token_usage (a flush
 * deletes rows from the backlog only after MongoDB acknowledged them).
 */
export async function waitForLedgerFlush(
  app: { redis: RedisClient; config: { REDIS_PREFIX: string } },
  timeoutMs = 20_000,
): Promise<void> {
  const backlog = createLedgerBacklog({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  await waitFor(async () => (await backlog.stats()).length === 0, 'the ledger backlog to be flushed', timeoutMs);
}
