import type { mongo, Types } from 'mongoose';
import type { Config } from '../../config/index.js';
import type { AuthEpochs, EpochRef } from '../../lib/auth-epochs.js';
import type { Locks } from '../../lib/locks.js';
import type { AccountRef } from '../../shared/quota/accounts.js';
import type { QuotaService } from '../../shared/quota/service.js';
import { progressLine, type CollectionReport } from './report.js';

/** What a migration step uses. Without Redis (db:init before the first start) writes run unlocked and nothing is cached yet. */
export interface MigrationContext {
  plans: Config['plans'];
  dryRun: boolean;
  now: Date;
  batchSize: number;
  /** Test-only pause after each batch (DB_MIGRATE_BATCH_DELAY_MS). */
  batchDelayMs: number;
  /** The per-document locks every API and worker process takes for its writes (FerretDB rewrites whole documents). */
  locks: Pick<Locks, 'acquire'> | null;
  epochs: Pick<AuthEpochs, 'bump'> | null;
  quota: Pick<QuotaService, 'rebuild' | 'accountKey'> | null;
  redis: { exists(key: string): Promise<number> } | null;
  log(line: string): void;
}

/** Runs a write under the document's lock (when there is Redis) and invalidates cached credentials after it. */
export async function lockedWrite<T>(
  ctx: MigrationContext,
  collection: string,
  id: Types.ObjectId,
  epoch: EpochRef,
  write: () => Promise<T>,
): Promise<T> {
  const release = ctx.locks ? await ctx.locks.acquire(`doc:${collection}:${id.toHexString()}`) : null;
  try {
    return await write();
  } finally {
    await release?.();
    await ctx.epochs?.bump([epoch]);
  }
}

/** Brings counters the running service already holds in Redis in line with what the migration wrote. */
export async function refreshLoadedAccount(ctx: MigrationContext, ref: AccountRef): Promise<void> {
  if (!ctx.quota || !ctx.redis) return;
  if (await ctx.redis.exists(ctx.quota.accountKey(ref))) await ctx.quota.rebuild(ref);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Visits a collection in `_id` order through one cursor, one batch in memory at a time (the driver fetches a batch per
 * round trip), and prints progress after each batch. One sorted cursor rather than a query per `_id` range: FerretDB
 * sorts a whole collection for every sorted query. Resuming needs no saved position: converted documents carry their
 * mark and count as already current on the next run.
 */
export async function forEachBatch(
  ctx: MigrationContext,
  collection: mongo.Collection,
  report: CollectionReport,
  visit: (docs: mongo.Document[]) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const cursor = collection.find({}).sort({ _id: 1 }).batchSize(ctx.batchSize);
  const flush = async (docs: mongo.Document[]) => {
    report.read += docs.length;
    await visit(docs);
    ctx.log(progressLine(report, report.read / Math.max((Date.now() - started) / 1000, 0.001)));
    if (ctx.batchDelayMs > 0) await sleep(ctx.batchDelayMs);
  };
  try {
    let batch: mongo.Document[] = [];
    for await (const doc of cursor) {
      batch.push(doc);
      if (batch.length < ctx.batchSize) continue;
      await flush(batch);
      batch = [];
    }
    if (batch.length) await flush(batch);
  } finally {
    await cursor.close();
  }
}
