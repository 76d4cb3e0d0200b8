import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ALL_GROUPS, type LedgerRow } from '../../../queues/index.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { ledgerFlushBatchRows, ledgerRowsWrittenTotal } from '../../lib/metrics.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import type { BacklogEntry, LedgerBacklog } from '../quota/ledger-backlog.js';

interface Deps {
  backlog: LedgerBacklog;
  logger: Logger;
  /** Rows per insertMany (USAGE_LEDGER_FLUSH_BATCH). */
  batchSize: number;
  /** Test-only pause between the insert and the delete from the backlog, so a test can kill the worker there. */
  stepDelayMs?: number;
}

/** A flush writes at most this many batches; a longer backlog (after a database outage) goes on in the next job. */
const MAX_BATCHES_PER_FLUSH = 20;

interface BulkWriteFailure {
  writeErrors?: Array<{ code?: number; errmsg?: string }> | { code?: number; errmsg?: string };
}

/** An unordered insertMany whose only failures are rows already in the ledger (a repeated flush): success. */
function onlyDuplicates(error: unknown): boolean {
  const failures = (error as BulkWriteFailure).writeErrors;
  if (!failures) return isDuplicateKeyError(error);
  const list = Array.isArray(failures) ? failures : [failures];
  return list.length > 0 && list.every((w) => isDuplicateKeyError({ code: w.code, message: w.errmsg }));
}

/** The document written to token_usage: the row, stamped with its settlement's Redis time. */
function ledgerDocument(row: LedgerRow, settledTs: number) {
  return new TokenUsageModel({
    ...row,
    created_at: new Date(row.created_at),
    settled_ts: settledTs,
    settled_at: new Date(Math.floor(settledTs / 1000)),
  }).toObject();
}

/**
 * Writes the ledger backlog to token_usage: the oldest rows, one unordered insertMany per batch, then deletes
 * them from the backlog, only after the database has acknowledged the insert. A flush that dies between the two
 * (or runs twice) inserts the same rows again: the unique request_id refuses them, and they are deleted then.
 */
export function createLedgerFlusher({ backlog, logger, batchSize, stepDelayMs = 0 }: Deps) {
  async function writeBatch(entries: BacklogEntry[]): Promise<number> {
    const valid = entries.filter((e): e is BacklogEntry & { row: LedgerRow } => e.row !== null);
    if (valid.length < entries.length)
      logger.error(
        { entry_ids: entries.filter((e) => !e.row).map((e) => e.id) },
        'ledger backlog entries that do not parse are left in place',
      );
    if (!valid.length) return 0;
    try {
      await TokenUsageModel.collection.insertMany(
        valid.map((e) => ledgerDocument(e.row, e.settledTs)),
        { ordered: false },
      );
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
    if (stepDelayMs > 0) await sleep(stepDelayMs);
    const groups = new Map<number, string[]>();
    for (const e of valid) groups.set(e.group, [...(groups.get(e.group) ?? []), e.id]);
    await Promise.all([...groups].map(([group, ids]) => backlog.remove(group, ids)));
    ledgerRowsWrittenTotal.inc(valid.length);
    ledgerFlushBatchRows.observe(valid.length);
    return valid.length;
  }

  /**
   * Reads every group's oldest rows, writes them batch after batch, and goes on while a group returned a full
   * page; returns the rows written and whether rows may remain.
   */
  async function flushOnce(): Promise<{ written: number; batches: number; more: boolean }> {
    let written = 0;
    let batches = 0;
    // Entries left in place (unparsable) are stepped over, never read again by this flush.
    const after = new Map<number, string>();
    while (batches < MAX_BATCHES_PER_FLUSH) {
      const pages = await Promise.all(ALL_GROUPS.map((group) => backlog.read(group, batchSize, after.get(group))));
      const entries = pages.flat();
      for (let at = 0; at < entries.length; at += batchSize) {
        written += await writeBatch(entries.slice(at, at + batchSize));
        batches += 1;
      }
      if (pages.every((page) => page.length < batchSize)) return { written, batches, more: false };
      pages.forEach((page, group) => page.length && after.set(group, page.at(-1)!.id));
    }
    return { written, batches, more: true };
  }

  // Flush jobs of consecutive windows can overlap in one worker (its concurrency): one after the other, a flush
  // never reads rows that an earlier one is still writing (which the unique request_id would refuse, after a
  // wasted write).
  let last: Promise<unknown> = Promise.resolve();
  function flush(): Promise<{ written: number; batches: number; more: boolean }> {
    const next = last.catch(() => undefined).then(flushOnce);
    last = next;
    return next;
  }

  return { flush };
}
export type LedgerFlusher = ReturnType<typeof createLedgerFlusher>;
