import type { RedisClient } from '../../lib/redis.js';
import { addMonthsUtc } from '../../lib/dates.js';
import type { QuotaService } from '../quota/service.js';
import { syncSeedFields } from '../quota/seed-fields.js';
import { accountOf, dependentCaps, loadPayer, payerName, setPayerFields, type PayerRef } from './payers.js';
import { periodClaimKey } from '../../../queues/index.js';

const MAX_MONTHS = 12 * 100;
const DAY_MS = 86_400_000;

/**
 * The end of the period that follows one ending at `end`, as seen at `asOf`: `end` advanced by whole calendar
 * months until it is after `asOf`. A worker that was down for a day or a month lands in the current period with
 * one step, never one reset per missed month.
 */
export function nextPeriodEnd(end: Date, asOf: Date): Date {
  for (let months = 1; months <= MAX_MONTHS; months += 1) {
    const candidate = addMonthsUtc(end, months);
    if (candidate.getTime() > asOf.getTime()) return candidate;
  }
  return addMonthsUtc(asOf, 1);
}

/** A period's start for display: one calendar month before its end. */
export const periodStartOf = (end: Date) => addMonthsUtc(end, -1);

export interface StartedPeriod {
  /** The period now in force (a racing caller may have chosen it). */
  end: Date;
  /** Whether this call moved the payer into it (false when it already was). */
  changed: boolean;
}

interface Deps {
  redis: RedisClient;
  prefix: string;
  quota: QuotaService;
  /** How long a transition claim is kept; a stale caller older than this sees the moved reset_date instead. */
  claimTtlSeconds?: number;
}

/**
 * Moves a payer from the period ending at `from` to a new one. Each old period transitions exactly once: the
 * first caller claims `from -> to` in Redis (SET NX) and any racing caller (two schedulers, a late Stripe event,
 * a retried job) adopts the claimed `to`. Redis is reset before MongoDB so that a crash in between is repaired by
 * a retry (the payer is still due in MongoDB; the Redis reset is idempotent per period). The usage ledger keeps
 * the old period's rows under the old period id.
 */
export function createPeriods({ redis, prefix, quota, claimTtlSeconds = 40 * 24 * 3600 }: Deps) {
  const claimKey = (payer: PayerRef, from: Date) => periodClaimKey(prefix, payerName(payer), from);

  async function claimTransition(payer: PayerRef, from: Date, to: Date): Promise<Date> {
    const key = claimKey(payer, from);
    const won = await redis.set(key, to.toISOString(), 'EX', claimTtlSeconds, 'NX');
    if (won === 'OK') return to;
    const claimed = await redis.get(key);
    return claimed ? new Date(claimed) : to;
  }

  async function startPeriod(payer: PayerRef, from: Date, proposedTo: Date, limit: number): Promise<StartedPeriod> {
    const to = await claimTransition(payer, from, proposedTo);
    const period = to.toISOString();
    const changed = await quota.reset(accountOf(payer), limit, period);
    for (const cap of await dependentCaps(payer)) await quota.reset(cap.ref, cap.limit, period);
    // Callers hold the payer lock; the check keeps a caller that lost the claim from moving a period twice.
    const current = await loadPayer(payer);
    if (current && (current.reset_date.getTime() === from.getTime() || current.reset_date.getTime() === to.getTime())) {
      await setPayerFields(payer, {
        reset_date: to,
        monthly_limit: limit,
        tokens_used: 0,
        tokens_remaining: limit,
        monthly_usage: { api_calls: 0, tokens_used: 0 },
      });
    }
    await refreshSeedFields(payer);
    return { end: to, changed };
  }

  /** Rewrites the payer's seed fields from the Redis counters until they stick (harmless to repeat). */
  async function refreshSeedFields(payer: PayerRef): Promise<void> {
    await syncSeedFields(quota, [accountOf(payer)]);
  }

  return { startPeriod, refreshSeedFields };
}
export type Periods = ReturnType<typeof createPeriods>;

export const daysBetween = (a: Date, b: Date) => (b.getTime() - a.getTime()) / DAY_MS;
