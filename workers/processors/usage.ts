import { UnrecoverableError } from 'bullmq';
import { createQuotaMaintenance } from '../../src/modules/usage/maintenance.js';
import { parseAccountName } from '../../src/modules/quota/accounts.js';
import { syncSeedFields } from '../../src/modules/quota/seed-fields.js';
import { enqueueSeedSync } from '../../src/modules/usage/enqueue.js';
import { RequestIdCollisionError, createSettlementService } from '../../src/modules/usage/settlement.js';
import type { ProcessorFactory } from './types.js';

/** The usage queue: settlements (exactly once per request) and the periodic upkeep of the quota counters. */
export const createUsageProcessor: ProcessorFactory<'usage'> = ({ quota, logger, config, producer }) => {
  const log = logger.child({ queue: 'usage' });
  const scheduleSeedSync = config.USAGE_SEED_SYNC_MS > 0
    ? (accounts: string[]) => enqueueSeedSync(producer, accounts, config.USAGE_SEED_SYNC_MS)
    : undefined;
  const settlements = createSettlementService({ quota, logger: log, scheduleSeedSync, stepDelayMs: config.USAGE_SETTLE_STEP_DELAY_MS });
  const isRequestLive = async (requestId: string) => !['unknown', 'completed', 'failed'].includes(await producer.queues.llm.getJobState(requestId));
  const maintenance = createQuotaMaintenance({ quota, logger: log, isRequestLive, reservationTtlMs: config.LLM_RESERVATION_TTL_MS });
  return async (payload) => {
    switch (payload.kind) {
      case 'settle':
        try {
          const { applied, inserted } = await settlements.settle(payload.context, payload.outcome);
          return { applied, inserted };
        } catch (error) {
          if (!(error instanceof RequestIdCollisionError)) throw error;
          log.error({ llm_request_id: payload.context.request_id, user_id: payload.context.user_id }, error.message);
          throw new UnrecoverableError(error.message);
        }
      case 'sync-seed':
        return { converged: await syncSeedFields(quota, payload.accounts.map(parseAccountName)) };
      case 'release-expired':
        return { released: (await maintenance.releaseExpired()).length };
      case 'reconcile': {
        const { checked, drifted, restored, driftTokens } = await maintenance.reconcile();
        return { checked, drifted: drifted.length, restored, drift_tokens: driftTokens };
      }
    }
  };
};
