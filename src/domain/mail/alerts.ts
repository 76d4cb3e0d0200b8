import type { RedisClient } from '../../lib/redis.js';
import { mailJobId, mailAlertKey } from '../../../queues/index.js';
import type { QuotaService } from '../quota/service.js';
import type { MailOutbox } from './outbox.js';

export type Payer = { type: 'user' | 'organization'; id: string };

/** Share of the monthly limit past which the payer hears that it is running low. */
export const QUOTA_WARNING_SHARE = 0.8;
const MARKER_TTL_SECONDS = 40 * 86_400;

interface Deps {
  redis: RedisClient;
  prefix: string;
  quota: Pick<QuotaService, 'snapshot'>;
  outbox: Pick<MailOutbox, 'send'>;
}

/**
 * Alerts sent once per period and payer, whatever the number of processes: a Redis SET NX per (payer, period,
 * level) decides who enqueues, the job id names the message, and the mail worker's delivery record keeps a
 * repeated job from sending again.
 */
export function createMailAlerts({ redis, prefix, quota, outbox }: Deps) {
  async function once(marker: string, enqueue: () => Promise<unknown>): Promise<boolean> {
    const key = mailAlertKey(prefix, marker);
    if ((await redis.set(key, '1', 'EX', MARKER_TTL_SECONDS, 'NX')) !== 'OK') return false;
    try {
      await enqueue();
    } catch (error) {
      // Not handed over: let the next settlement (or the retried job) try again.
      await redis.del(key).catch(() => undefined);
      throw error;
    }
    return true;
  }

  /** After a settlement: the payer passed 80 % of its period's quota, or used it all. */
  async function afterSettlement(payer: Payer): Promise<'warning' | 'exhausted' | null> {
    const snapshot = await quota.snapshot({ kind: payer.type, id: payer.id });
    if (!snapshot || snapshot.limit <= 0 || !snapshot.period) return null;
    const level =
      snapshot.used >= snapshot.limit
        ? 'exhausted'
        : snapshot.used >= snapshot.limit * QUOTA_WARNING_SHARE
          ? 'warning'
          : null;
    const periodEnd = new Date(snapshot.period);
    if (!level || Number.isNaN(periodEnd.getTime())) return null;
    const jobId = mailJobId.quotaAlert(payer.type, payer.id, level, periodEnd);
    const sent = await once(jobId, () =>
      outbox.send({ kind: 'quota_alert', payer, level, period_end: periodEnd.toISOString() }, jobId),
    );
    return sent ? level : null;
  }

  /** A failed subscription payment, once per billing period. */
  async function paymentFailed(payer: Payer, periodEnd: Date): Promise<boolean> {
    const jobId = mailJobId.paymentFailed(payer.type, payer.id, periodEnd);
    return once(jobId, () =>
      outbox.send({ kind: 'payment_failed', payer, period_end: periodEnd.toISOString() }, jobId),
    );
  }

  return { afterSettlement, paymentFailed };
}
export type MailAlerts = ReturnType<typeof createMailAlerts>;
