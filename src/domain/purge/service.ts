import type { Purgeable } from './batch.js';

interface Options {
  /** Documents per batch. */
  batchSize: number;
  /** Batches per purgeable per run: a run's work is bounded; whatever is left waits for the next run. */
  maxBatches: number;
}

/** Runs each purge in batches until a batch comes back short or the run's budget is spent; returns what went. */
export async function runPurge(
  list: Purgeable[],
  now: Date,
  { batchSize, maxBatches }: Options,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const { name, purge } of list) {
    removed[name] = 0;
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const count = await purge({ now, limit: batchSize });
      removed[name] += count;
      if (count < batchSize) break;
    }
  }
  return removed;
}
