import { UnrecoverableError } from 'bullmq';
import { createQuotaMaintenance } from '../../src/domain/usage/maintenance.js';
import { parseAccountName } from '../../src/domain/quota/accounts.js';
import { syncSeedFields } from '../../src/domain/quota/seed-fields.js';
import { createWindowMemo, enqueueLedgerFlush, enqueueSeedSync, isLive, jobPhase } from '../../queues/index.js';
import { RequestIdCollisionError, createSettlementService } from '../../src/domain/usage/settlement.js';
import { createMailAlerts } from '../../src/domain/mail/alerts.js';
import { createMailOutbox } from '../../src/domain/mail/outbox.js';
import { createLedgerBacklog } from '../../src/domain/quota/ledger-backlog.js';
import { createLedgerFlusher } from '../../src/domain/usage/ledger-flush.js';
import type { ProcessorFactory } from './types.js';

/**
 * The usage queue: settlements (exactly once per request), the batched writes of their ledger rows, and the
 * periodic upkeep of the quota counters.
 */
export const createUsageProcessor: ProcessorFactory<'usage'> = ({ quota, logger, config, producer, redis }) => {
  const log = logger.child({ queue: 'usage' });
  // Settlements add their window's jobs once per process; the flush's own follow-ups always add theirs.
  const memo = createWindowMemo();
  const scheduleSeedSync =
    config.USAGE_SEED_SYNC_MS > 0
      ? (accounts: string[]) => enqueueSeedSync(producer, accounts, config.USAGE_SEED_SYNC_MS, { memo })
      : undefined;
  const scheduleLedgerFlush = () => enqueueLedgerFlush(producer, config.USAGE_LEDGER_FLUSH_MS);
  const scheduleSettledRowsFlush = () => enqueueLedgerFlush(producer, config.USAGE_LEDGER_FLUSH_MS, { memo });
  const backlog = createLedgerBacklog({ redis, prefix: config.REDIS_PREFIX });
  const flusher = createLedgerFlusher({
    backlog,
    logger: log,
    batchSize: config.USAGE_LEDGER_FLUSH_BATCH,
    stepDelayMs: config.USAGE_SETTLE_STEP_DELAY_MS,
  });
  const settlements = createSettlementService({
    quota,
    logger: log,
    scheduleSeedSync,
    scheduleLedgerFlush: scheduleSettledRowsFlush,
    stepDelayMs: config.USAGE_SETTLE_STEP_DELAY_MS,
  });
  const isRequestLive = async (requestId: string) => isLive(await jobPhase(producer.queues.llm, requestId));
  const maintenance = createQuotaMaintenance({
    quota,
    logger: log,
    isRequestLive,
    reservationTtlMs: config.LLM_RESERVATION_TTL_MS,
  });
  const alerts = createMailAlerts({
    redis,
    prefix: config.REDIS_PREFIX,
    quota,
    outbox: createMailOutbox({ config, producer }),
  });
  /** A quota alert that could not be handed over is tried again by the payer's next settlement; the charge stands. */
  const alertAfter = (context: { payer: { type: 'user' | 'organization'; id: string }; request_id: string }) =>
    alerts.afterSettlement(context.payer).catch((error: Error) => {
      log.warn({ request_id: context.request_id, err: error.message }, 'quota alert not enqueued');
      return null;
    });
  return async (payload) => {
    switch (payload.kind) {
      case 'settle':
        try {
          const { applied } = await settlements.settle(payload.context, payload.outcome);
          const alert = await alertAfter(payload.context);
          return { applied, ...(alert ? { alert } : {}) };
        } catch (error) {
          if (!(error instanceof RequestIdCollisionError)) throw error;
          log.error({ llm_request_id: payload.context.request_id, user_id: payload.context.user_id }, error.message);
          throw new UnrecoverableError(error.message);
        }
      case 'sync-seed':
        return {
          converged: await syncSeedFields(
            quota,
            payload.accounts.flatMap((name) => parseAccountName(name) ?? []),
          ),
        };
      case 'flush-ledger': {
        const flushed = await flusher.flush();
        // A long backlog (the database was away) goes on in the next window's flush.
        if (flushed.more) await scheduleLedgerFlush();
        return flushed;
      }
      case 'release-expired': {
        const released = (await maintenance.releaseExpired()).length;
        // The safety net of the ledger flush: rows left by a flush that gave up (a long database outage).
        if ((await backlog.stats()).length > 0) await scheduleLedgerFlush();
        return { released };
      }
      case 'reconcile': {
        const { checked, drifted, restored, driftTokens } = await maintenance.reconcile();
        return { checked, drifted: drifted.length, restored, drift_tokens: driftTokens };
      }
    }
  };
};
