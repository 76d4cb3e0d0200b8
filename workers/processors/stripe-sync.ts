import { UnrecoverableError } from 'bullmq';
import { createQuotaService } from '../../src/modules/quota/service.js';
import { createStripeSync } from '../../src/modules/billing/sync.js';
import type { ProcessorFactory } from './types.js';

/** Applies one verified Stripe event (see src/modules/billing/sync.ts for the exactly-once and ordering rules). */
export const createStripeSyncProcessor: ProcessorFactory<'stripe-sync'> = ({ config, logger, redis }) => {
  const quota = createQuotaService({ redis, prefix: config.REDIS_PREFIX });
  const sync = createStripeSync({ config, logger: logger.child({ queue: 'stripe-sync' }), redis, quota });
  return async (payload) => {
    const result = await sync.process(payload);
    // A payload we cannot read will not get better by retrying: keep it in the failed set for inspection.
    if (result.outcome === 'invalid_payload') throw new UnrecoverableError(`stripe event ${payload.event_id} not understood: ${result.error}`);
    return result;
  };
};
