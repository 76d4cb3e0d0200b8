import type { RedisClient } from '../../lib/redis.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { Tier } from '../plans/catalog.js';
import { ProcessedStripeEventModel } from '../../models/subscription.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import type { QuotaService } from '../quota/service.js';
import { decide, type Decision } from './decide.js';
import { isHandledEventType, ownerFromMetadata, parseEventObject, type ParsedEvent } from './events.js';
import { createPayerLock } from './lock.js';
import { createPeriods, nextPeriodEnd } from './periods.js';
import {
  findPayerByCustomer,
  limitFor,
  loadPayer,
  payerName,
  setPayerFields,
  type PayerRef,
  type PayerState,
} from './payers.js';
import { createBillingState } from './state.js';

export interface StripeEventEnvelope {
  event_id: string;
  type: string;
  created: number;
  /** The verified Stripe event, as received by the webhook. */
  event: Record<string, unknown>;
}

export type SyncOutcome =
  | { outcome: 'applied'; payer: string; note: string; ref: PayerRef; period_end: Date }
  | { outcome: 'duplicate' | 'ignored_type' | 'unknown_customer' }
  | { outcome: 'invalid_payload'; error: string };

interface Deps {
  config: Config;
  logger: Logger;
  redis: RedisClient;
  quota: QuotaService;
}

const eventShape = z.object({ data: z.object({ object: z.unknown() }) });

/**
 * Applies Stripe events to payers (the stripe-sync worker's logic). Exactly once per event id: the claim (an insert
 * into `stripe_events`, unique on event_id) is written only after the effects, and every effect is idempotent
 * (absolute $set, Redis resets keyed by period, a history entry keyed by event id checked under the payer lock), so
 * a worker killed between effects and claim re-applies nothing when the job is retried. Ordering across events
 * comes from `decide` (event.created watermark, periods keyed by their end).
 */
export function createStripeSync({ config, logger, redis, quota }: Deps) {
  const prefix = config.REDIS_PREFIX;
  const lock = createPayerLock({ redis, prefix });
  const periods = createPeriods({ redis, prefix, quota });
  const state = createBillingState({ config, quota, periods });

  async function claim(envelope: StripeEventEnvelope): Promise<void> {
    try {
      await ProcessedStripeEventModel.create({ event_id: envelope.event_id, type: envelope.type });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  const alreadyProcessed = async (eventId: string) =>
    Boolean(await ProcessedStripeEventModel.exists({ event_id: eventId }));

  async function resolvePayer(parsed: ParsedEvent): Promise<{ payer: PayerRef; customerId: string | null } | null> {
    const object = parsed.object;
    const customerId = object.customer ?? null;
    if (customerId) {
      const byCustomer = await findPayerByCustomer(customerId);
      if (byCustomer) return { payer: byCustomer, customerId };
    }
    // A customer we created carries our metadata; use it only if that payer has no other customer.
    const metadata = 'metadata' in object ? object.metadata : {};
    const reference = parsed.kind === 'checkout' ? parsed.object.client_reference_id : null;
    const owner = ownerFromMetadata(metadata, reference);
    if (!owner) return null;
    const payer = await loadPayer(owner);
    if (!payer || (payer.stripe_customer_id && payer.stripe_customer_id !== customerId)) return null;
    return { payer: owner, customerId };
  }

  /** Carries out a decision's effects on the payer; returns the payer's tier afterwards. */
  async function carryOut(payer: PayerState, decision: Decision): Promise<Tier> {
    if (decision.ended) {
      const free = limitFor(config, payer, 'free');
      if (payer.reset_date <= decision.ended.at) {
        // The paid period is over: continue with a fresh free period.
        await setPayerFields(payer.ref, { subscription_tier: 'free' });
        await periods.startPeriod(
          payer.ref,
          payer.reset_date,
          nextPeriodEnd(payer.reset_date, decision.ended.at),
          free,
        );
      } else if (payer.tier !== 'free') {
        await state.changeTier(payer, 'free');
      }
      return 'free';
    }
    if (decision.newPeriod) {
      const { tier, end } = decision.newPeriod;
      if (tier !== payer.tier) await setPayerFields(payer.ref, { subscription_tier: tier });
      await periods.startPeriod(payer.ref, payer.reset_date, end, limitFor(config, payer, tier));
      return tier;
    }
    if (decision.tierNow && decision.tierNow !== payer.tier) {
      await state.changeTier(payer, decision.tierNow);
      return decision.tierNow;
    }
    return payer.tier;
  }

  async function applyLocked(
    envelope: StripeEventEnvelope,
    parsed: ParsedEvent,
    ref: PayerRef,
    customerId: string | null,
  ): Promise<SyncOutcome> {
    if (await alreadyProcessed(envelope.event_id)) return { outcome: 'duplicate' };
    const payer = await loadPayer(ref);
    if (!payer) return { outcome: 'unknown_customer' };
    const stored = await state.load(ref);
    if (stored.appliedEventIds.has(envelope.event_id)) return { outcome: 'duplicate' };
    const decision = decide({
      record: stored.record,
      tier: payer.tier,
      resetDate: payer.reset_date,
      event: { id: envelope.event_id, type: envelope.type, created: envelope.created },
      parsed,
      prices: config,
      graceDays: config.STRIPE_PAST_DUE_GRACE_DAYS,
    });
    const tier = await carryOut(payer, decision);
    await state.save(
      ref,
      decision.record,
      tier,
      {
        at: new Date(),
        event_id: envelope.event_id,
        event_type: envelope.type,
        from_tier: payer.tier,
        to_tier: tier,
        status: decision.record.status,
        note: decision.note,
      },
      customerId,
    );
    if (decision.note.startsWith('ignored'))
      logger.warn(
        { event_id: envelope.event_id, type: envelope.type, payer: payerName(ref), note: decision.note },
        'stripe event not applied',
      );
    const after = await loadPayer(ref);
    return {
      outcome: 'applied',
      payer: payerName(ref),
      note: decision.note,
      ref,
      period_end: after?.reset_date ?? payer.reset_date,
    };
  }

  /** Applies an event's effects without claiming it (idempotent; `process` claims afterwards). */
  async function apply(envelope: StripeEventEnvelope): Promise<SyncOutcome> {
    if (!isHandledEventType(envelope.type)) return { outcome: 'ignored_type' };
    let parsed: ParsedEvent;
    try {
      parsed = parseEventObject(envelope.type, eventShape.parse(envelope.event).data.object);
    } catch (error) {
      const message =
        error instanceof z.ZodError
          ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
          : String(error);
      logger.error(
        { event_id: envelope.event_id, type: envelope.type, err: message },
        'stripe event payload not understood',
      );
      return { outcome: 'invalid_payload', error: message };
    }
    const resolved = await resolvePayer(parsed);
    if (!resolved) {
      logger.warn(
        { event_id: envelope.event_id, type: envelope.type },
        'stripe event for a customer that belongs to no payer; ignored',
      );
      return { outcome: 'unknown_customer' };
    }
    return lock.withLock(resolved.payer, () => applyLocked(envelope, parsed, resolved.payer, resolved.customerId));
  }

  /** The worker's entry: skip claimed events, apply, then claim. A payload we cannot read is left unclaimed. */
  async function process(envelope: StripeEventEnvelope): Promise<SyncOutcome> {
    if (await alreadyProcessed(envelope.event_id)) return { outcome: 'duplicate' };
    const result = await apply(envelope);
    if (result.outcome !== 'invalid_payload') await claim(envelope);
    return result;
  }

  return { process, apply };
}
export type StripeSync = ReturnType<typeof createStripeSync>;
