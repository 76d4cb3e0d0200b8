import { UnrecoverableError } from 'bullmq';
import { createQuotaResets } from '../../src/domain/billing/resets.js';
import type { ProcessorFactory } from './types.js';

/**
 * `all-due`: resets every payer whose period ended by `as_of` (the tick's time, not the clock: a late worker
 * resets as of the tick it was given, and a later tick catches up). `one`: an admin's reset of one payer.
 */
export const createQuotaResetProcessor: ProcessorFactory<'quota-reset'> = ({ config, logger, redis, quota }) => {
  const resets = createQuotaResets({ config, logger: logger.child({ queue: 'quota-reset' }), redis, quota });
  return async (payload, job) => {
    const asOf = new Date(payload.as_of);
    if (payload.mode === 'all-due') {
      const summary = await resets.resetAllDue(asOf, (done) => job.updateProgress({ payers_seen: done }));
      logger.info({ ...summary }, 'quota reset tick done');
      return summary;
    }
    if (!payload.payer_type || !payload.payer_id)
      throw new UnrecoverableError('a one-payer reset needs payer_type and payer_id');
    const result = await resets.resetOne(
      { type: payload.payer_type, id: payload.payer_id },
      asOf,
      job.id ?? payload.as_of,
    );
    logger.info(
      { payer: `${payload.payer_type}:${payload.payer_id}`, requested_by: payload.requested_by, ...result },
      'quota reset of one payer',
    );
    return result;
  };
};
