import type { mongo, Types } from 'mongoose';
import type { Config } from '../../config/index.js';
import { bumpAuthEpochs, type EpochRef } from '../../lib/auth-epochs.js';
import { lockDocument } from '../../lib/document-locks.js';
import type { AccountRef } from '../../domain/quota/accounts.js';
import type { QuotaService } from '../../domain/quota/service.js';
import { progressLine, type CollectionReport } from './report.js';

/**
 * What a migration step uses. Its writes lock and invalidate through the process's model write bindings
 * (src/lib/model-bindings.ts): db:migrate binds them to the service's Redis; db:init, which runs before the first
 * start without Redis, binds the script-alone ones. Without Redis here, no counter is refreshed.
 */
export interface MigrationContext {
  plans: Config['plans'];
  dryRun: boolean;
  now: Date;
  batchSize: number;
  /** Test-only pause after each batch (DB_MIGRATE_BATCH_DELAY_MS). */
  batchDelayMs: number;
  quota: Pick<QuotaService, 'rebuild' | 'accountKey'> | null;
  redis: { exists(key: string): Promise<number> } | null;
  log(line: string): void;
}

/**
 * Runs a raw driver write of one document under the lock every API and worker process takes for it (FerretDB
 * rewrites whole documents), and invalidates cached credentials after it.
 */
export async function lockedWrite<T>(
  collection: string,
  id: Types.ObjectId,
  epoch: EpochRef,
  write: () => Promise<T>,
): Promise<T> {
  const release = await lockDocument(collection, id.toHexString(), 'migration write');
  try {
    return await write();
  } finally {
    await release();
    await bumpAuthEpochs(`${collection}: migration write`, [epoch]);
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
