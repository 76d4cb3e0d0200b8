import type { Producer } from './producer.js';
import { ledgerFlushJobOptions, seedSyncJobOptions, settleJobOptions } from './jobs.js';
import type { RequestContext, RequestOutcome } from './schemas.js';

const windowEndOf = (now: number, windowMs: number) => (Math.floor(now / windowMs) + 1) * windowMs;

/**
 * Which window jobs this process has already added. The add is idempotent by job id, but still a round trip and
 * a script in Redis (and a wake-up of every idle worker): a window's later settlements in the same process skip
 * it. An entry is remembered only after its add succeeded, and only for its own window.
 */
export function createWindowMemo(maxEntries = 10_000) {
  const added = new Map<string, number>();
  return async function once(key: string, windowEnd: number, add: () => Promise<unknown>): Promise<void> {
    if (added.get(key) === windowEnd) return;
    await add();
    if (added.size >= maxEntries) for (const [old, end] of added) if (end < windowEnd) added.delete(old);
    added.set(key, windowEnd);
  };
}
export type WindowMemo = ReturnType<typeof createWindowMemo>;

/**
 * One seed sync per account chain and window: every settlement of the window adds the same job id, delayed to the
 * window's end, so the documents get the totals as they stand after the window's last settlement.
 */
export async function enqueueSeedSync(
  producer: Pick<Producer, 'enqueue'>,
  accounts: string[],
  windowMs: number,
  { now = Date.now(), memo }: { now?: number; memo?: WindowMemo } = {},
): Promise<void> {
  const windowEnd = windowEndOf(now, windowMs);
  const add = () =>
    producer.enqueue('usage', { kind: 'sync-seed', accounts }, seedSyncJobOptions(accounts, windowEnd, now));
  await (memo ? memo(`sync-seed:${accounts.join('|')}`, windowEnd, add) : add());
}

/**
 * One ledger flush per window: every settlement of the window adds the same job id, delayed to the window's end,
 * so the rows settled in a window reach MongoDB in one insertMany soon after it.
 */
export async function enqueueLedgerFlush(
  producer: Pick<Producer, 'enqueue'>,
  windowMs: number,
  { now = Date.now(), memo }: { now?: number; memo?: WindowMemo } = {},
): Promise<void> {
  const windowEnd = windowEndOf(now, windowMs);
  const add = () => producer.enqueue('usage', { kind: 'flush-ledger' }, ledgerFlushJobOptions(windowEnd, now));
  await (memo ? memo('flush-ledger', windowEnd, add) : add());
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
