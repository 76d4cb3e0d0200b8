import type { RedisClient } from '../../lib/redis.js';
import type { Logger } from 'pino';
import { trusted } from 'mongoose';
import type { Config } from '../../config/index.js';
import { SubscriptionModel } from '../../models/subscription.js';
import type { QuotaService } from '../quota/service.js';
import { graceExpired, isStripeManaged } from './decide.js';
import { createPayerLock } from './lock.js';
import { createPeriods, nextPeriodEnd } from './periods.js';
import {
  findDuePayers,
  limitFor,
  loadPayer,
  payerName,
  setPayerFields,
  type PayerRef,
  type PayerState,
} from './payers.js';
import { isTier, type Tier } from '../plans/catalog.js';
import { createBillingState } from './state.js';
import { adminResetKey } from '../../../queues/index.js';

export type PayerResetOutcome = 'reset' | 'renewal_fallback' | 'awaiting_stripe' | 'not_due' | 'missing';

export interface AllDueSummary {
  as_of: string;
  reset: number;
  renewal_fallback: number;
  awaiting_stripe: number;
  grace_expired: number;
}

interface Deps {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  quota: QuotaService;
}

const HOUR_MS = 3_600_000;
const PARALLEL = 8;

/**
 * How the reset of a due payer goes: a Stripe-managed payer waits `renewalGraceHours` past its period's end for
 * invoice.paid (unless forced), then starts the next period on its pending tier (a downgrade); any other payer
 * starts it on its tier at once.
 */
export function planReset(
  payer: Pick<PayerState, 'tier' | 'reset_date' | 'subscription'>,
  asOf: Date,
  force: boolean,
  renewalGraceHours: number,
): 'awaiting_stripe' | { managed: boolean; tier: Tier } {
  const managed = isStripeManaged(payer.tier, payer.subscription?.status);
  if (managed && !force && asOf.getTime() < payer.reset_date.getTime() + renewalGraceHours * HOUR_MS)
    return 'awaiting_stripe';
  const pending = payer.subscription?.pending_tier;
  return { managed, tier: managed && isTier(pending) ? pending : payer.tier };
}

/**
 * Monthly quota resets (the quota-reset worker's logic). A payer is due when its reset_date (the end of its period)
 * is not after `as_of`; the new period is the old end advanced by whole months past `as_of` (one reset however late),
 * and each old period transitions once (see periods.ts). Free payers (and paid tiers granted without Stripe) reset
 * here; Stripe-managed payers reset on invoice.paid and only fall back to this after STRIPE_RENEWAL_GRACE_HOURS.
 */
export function createQuotaResets({ config, logger, redis, quota }: Deps) {
  const prefix = config.REDIS_PREFIX;
  const lock = createPayerLock({ redis, prefix });
  const periods = createPeriods({ redis, prefix, quota });
  const state = createBillingState({ config, quota, periods });

  async function history(
    payer: PayerRef,
    fromTier: Tier,
    toTier: Tier,
    note: string,
    eventType: string,
  ): Promise<void> {
    const stored = await state.load(payer);
    const record = { ...stored.record, ...(eventType === 'grace_expired' ? {} : { pending_tier: null }) };
    await state.save(payer, record, toTier, {
      at: new Date(),
      event_id: null,
      event_type: eventType,
      from_tier: fromTier,
      to_tier: toTier,
      status: record.status,
      note,
    });
  }

  /** Starts the next period of one due payer; `force` (an admin) skips the wait for Stripe. Caller holds the lock. */
  async function resetDue(payer: PayerState, asOf: Date, force: boolean): Promise<PayerResetOutcome> {
    const plan = planReset(payer, asOf, force, config.STRIPE_RENEWAL_GRACE_HOURS);
    if (plan === 'awaiting_stripe') return plan;
    const { managed, tier } = plan;
    if (tier !== payer.tier) await setPayerFields(payer.ref, { subscription_tier: tier });
    const started = await periods.startPeriod(
      payer.ref,
      payer.reset_date,
      nextPeriodEnd(payer.reset_date, asOf),
      limitFor(config, payer, tier),
    );
    if (!managed) return 'reset';
    if (force) {
      await history(
        payer.ref,
        payer.tier,
        tier,
        `admin reset: new period until ${started.end.toISOString()}`,
        'admin_reset',
      );
      return 'reset';
    }
    logger.warn(
      { payer: payerName(payer.ref), reset_date: payer.reset_date.toISOString() },
      'no renewal from Stripe in time; quota reset without it',
    );
    await history(
      payer.ref,
      payer.tier,
      tier,
      `no invoice.paid by ${asOf.toISOString()}: new period until ${started.end.toISOString()} without Stripe`,
      'renewal_fallback',
    );
    return 'renewal_fallback';
  }

  async function resetIfDue(ref: PayerRef, asOf: Date): Promise<PayerResetOutcome> {
    return lock.withLock(ref, async () => {
      const payer = await loadPayer(ref);
      if (!payer) return 'missing';
      if (payer.reset_date > asOf) return 'not_due';
      return resetDue(payer, asOf, false);
    });
  }

  /** The grace policy: past_due longer than STRIPE_PAST_DUE_GRACE_DAYS drops to free now (usage kept). */
  async function expireGrace(asOf: Date): Promise<number> {
    const cutoff = new Date(asOf.getTime() - config.STRIPE_PAST_DUE_GRACE_DAYS * 24 * HOUR_MS);
    const overdue = await SubscriptionModel.find(
      { status: 'past_due', past_due_since: trusted({ $lte: cutoff }), tier: trusted({ $ne: 'free' }) },
      { owner_type: 1, owner_id: 1 },
    ).lean();
    let expired = 0;
    for (const doc of overdue) {
      const ref: PayerRef = { type: doc.owner_type as PayerRef['type'], id: doc.owner_id.toString() };
      expired += await lock.withLock(ref, async () => {
        const payer = await loadPayer(ref);
        const stored = await state.load(ref);
        if (!payer || !graceExpired(stored.record, payer.tier, asOf, config.STRIPE_PAST_DUE_GRACE_DAYS)) return 0;
        await state.changeTier(payer, 'free');
        // Snapshots from before the grace ended must not bring the tier back.
        const graceEnd = Math.floor(
          (stored.record.past_due_since!.getTime() + config.STRIPE_PAST_DUE_GRACE_DAYS * 24 * HOUR_MS) / 1000,
        );
        const record = { ...stored.record, last_event_created: Math.max(stored.record.last_event_created, graceEnd) };
        await state.save(ref, record, 'free', {
          at: new Date(),
          event_id: null,
          event_type: 'grace_expired',
          from_tier: payer.tier,
          to_tier: 'free',
          status: record.status,
          note: `past_due since ${stored.record.past_due_since!.toISOString()}: grace of ${config.STRIPE_PAST_DUE_GRACE_DAYS} days over, free until paid`,
        });
        return 1;
      });
    }
    return expired;
  }

  /** Resets every due payer, in batches by id; safe to run concurrently and again (each period moves once). */
  async function resetAllDue(asOf: Date, onBatch?: (done: number) => Promise<void>): Promise<AllDueSummary> {
    const summary: AllDueSummary = {
      as_of: asOf.toISOString(),
      reset: 0,
      renewal_fallback: 0,
      awaiting_stripe: 0,
      grace_expired: await expireGrace(asOf),
    };
    let done = 0;
    for (const type of ['user', 'organization'] as const) {
      let afterId: string | null = null;
      for (;;) {
        const batch = await findDuePayers(type, asOf, afterId, config.QUOTA_RESET_BATCH_SIZE);
        if (batch.length === 0) break;
        for (let i = 0; i < batch.length; i += PARALLEL) {
          const outcomes = await Promise.all(batch.slice(i, i + PARALLEL).map((payer) => resetIfDue(payer.ref, asOf)));
          for (const outcome of outcomes) {
            if (outcome === 'reset' || outcome === 'renewal_fallback' || outcome === 'awaiting_stripe')
              summary[outcome] += 1;
          }
        }
        afterId = batch[batch.length - 1]!.ref.id;
        done += batch.length;
        await onBatch?.(done);
      }
    }
    return summary;
  }

  /**
   * An admin's reset of one payer: a due payer moves to its next period; otherwise usage starts from zero in a
   * new period with the same end (its id is the end moved by one millisecond, so the reset has its own period id
   * while Stripe's renewals still line up). `key` makes a retried job reuse the period it chose the first time.
   */
  async function resetOne(
    ref: PayerRef,
    asOf: Date,
    key: string,
  ): Promise<{ outcome: PayerResetOutcome; reset_date?: string }> {
    return lock.withLock(ref, async () => {
      const current = await loadPayer(ref);
      if (!current) return { outcome: 'missing' as const };
      const fromKey = adminResetKey(prefix, key);
      await redis.set(fromKey, current.reset_date.toISOString(), 'EX', 7 * 24 * 3600, 'NX');
      const from = new Date((await redis.get(fromKey)) ?? current.reset_date.toISOString());
      const payer = { ...current, reset_date: from };
      if (from <= asOf) {
        const outcome = await resetDue(payer, asOf, true);
        return { outcome, reset_date: (await loadPayer(ref))?.reset_date.toISOString() };
      }
      const started = await periods.startPeriod(
        ref,
        from,
        new Date(from.getTime() + 1),
        limitFor(config, payer, payer.tier),
      );
      return { outcome: 'reset' as const, reset_date: started.end.toISOString() };
    });
  }

  return { resetAllDue, resetIfDue, resetOne, expireGrace };
}
export type QuotaResets = ReturnType<typeof createQuotaResets>;
