import { purgeables } from '../../src/domain/purge/purgeables.js';
import { runPurge } from '../../src/domain/purge/service.js';
import type { ProcessorFactory } from './types.js';

/**
 * `purge`: removes what expired or ended by the tick's time. Never later than the clock: a job carrying a future
 * time (added by hand) cannot purge records that are still live.
 */
export const createMaintenanceProcessor: ProcessorFactory<'maintenance'> = ({ config, logger }) => {
  const list = purgeables(config);
  return async (payload) => {
    const now = new Date(Math.min(Date.parse(payload.as_of), Date.now()));
    const removed = await runPurge(list, now, {
      batchSize: config.PURGE_BATCH_SIZE,
      maxBatches: config.PURGE_MAX_BATCHES,
    });
    logger.info({ removed }, 'purge done');
    return removed;
  };
};
