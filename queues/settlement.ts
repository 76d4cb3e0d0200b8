import type { Producer } from './producer.js';
import { ledgerFlushJobOptions, seedSyncJobOptions, settleJobOptions } from './jobs.js';
import type { RequestContext, RequestOutcome } from './schemas.js';

/**
 * One seed sync per account chain and window: every settlement of the window adds the same job id, delayed to the
 * window's end, so the documents get the totals as they stand after the window's last settlement.
 */
export function enqueueSeedSync(
  producer: Pick<Producer, 'enqueue'>,
  accounts: string[],
  windowMs: number,
  now = Date.now(),
): Promise<string> {
  const windowEnd = (Math.floor(now / windowMs) + 1) * windowMs;
  return producer.enqueue('usage', { kind: 'sync-seed', accounts }, seedSyncJobOptions(accounts, windowEnd, now));
}

/**
 * One ledger flush per window: every settlement of the window adds the same job id, delayed to the window's end,
 * so the rows settled in a window reach MongoDB in one insertMany soon after it.
 */
export function enqueueLedgerFlush(
  producer: Pick<Producer, 'enqueue'>,
  windowMs: number,
  now = Date.now(),
): Promise<string> {
  const windowEnd = (Math.floor(now / windowMs) + 1) * windowMs;
  return producer.enqueue('usage', { kind: 'flush-ledger' }, ledgerFlushJobOptions(windowEnd, now));
}

/**
 * Called by the llm worker when a request ends (completed, failed or aborted). Safe to call more than once:
 * the settlement is idempotent by request id.
 */
export function enqueueSettlement(
  producer: Pick<Producer, 'enqueue'>,
  context: RequestContext,
  outcome: RequestOutcome,
): Promise<string> {
  return producer.enqueue('usage', { kind: 'settle', context, outcome }, settleJobOptions(context.request_id));
}
