import type { ParsedEvent } from './events.js';
import { isPaidTier, tierRank, type PaidTier, type Tier } from '../plans/catalog.js';
import { tierOfPrice } from '../plans/prices.js';
import { daysBetween } from './periods.js';

/** The billing record of one payer (the `subscriptions` document, without its history). */
export interface BillingRecord {
  stripe_subscription_id: string | null;
  stripe_price_id: string | null;
  status: string;
  current_period_start: Date | null;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  pending_tier: Tier | null;
  past_due_since: Date | null;
  /** event.created (seconds) of the newest event whose status/price/cancel state was applied. */
  last_event_created: number;
}

export const EMPTY_RECORD: BillingRecord = {
  stripe_subscription_id: null,
  stripe_price_id: null,
  status: 'none',
  current_period_start: null,
  current_period_end: null,
  cancel_at_period_end: false,
  pending_tier: null,
  past_due_since: null,
  last_event_created: 0,
};

/** Statuses that entitle a payer to the tier of its subscription's price. */
const ENTITLED = new Set(['active', 'trialing']);
/** Statuses after which a subscription never comes back (a new checkout makes a new subscription). */
const ENDED = new Set(['none', 'canceled', 'incomplete_expired']);
/** A renewal starts a quota period only if that period ends at least this much after the current one (see README). */
export const MIN_RENEWAL_GAP_DAYS = 7;

export const isEnded = (status: string) => ENDED.has(status);
/** Subscriptions a payer still has with Stripe: a second checkout is refused while one exists. */
export const isLive = (status: string) => !ENDED.has(status) && status !== 'incomplete';
/** Paid payers whose periods Stripe drives (invoice.paid), rather than the monthly reset. */
export const isStripeManaged = (tier: Tier, status: string | undefined) =>
  tier !== 'free' && ['active', 'trialing', 'past_due'].includes(status ?? '');

export interface DecisionContext {
  record: BillingRecord;
  /** The payer's tier now. */
  tier: Tier;
  /** The end of the payer's current quota period. */
  resetDate: Date;
  event: { id: string; type: string; created: number };
  parsed: ParsedEvent;
  prices: Parameters<typeof tierOfPrice>[0];
  graceDays: number;
}

export interface Decision {
  record: BillingRecord;
  /** Change the tier now, keeping this period's usage (upgrades; losing entitlement). */
  tierNow?: Tier;
  /** Start a new quota period ending at `end` on `tier` (a renewal Stripe was paid for). */
  newPeriod?: { end: Date; tier: Tier };
  /** The subscription ended: the payer is free from now, and starts a free period if its paid one is over. */
  ended?: { at: Date };
  note: string;
}

const at = (seconds: number) => new Date(seconds * 1000);
const dateOrKeep = (seconds: number | null, keep: Date | null) => (seconds ? at(seconds) : keep);
const graceEnd = (since: Date, graceDays: number) => new Date(since.getTime() + graceDays * 86_400_000);

/** What a subscription status entitles to: the price's tier, free, or null for "no change yet" (incomplete). */
export function entitlement(
  status: string,
  priceTier: PaidTier,
  pastDueSince: Date | null,
  now: Date,
  graceDays: number,
): Tier | null {
  if (ENTITLED.has(status)) return priceTier;
  if (status === 'past_due') return pastDueSince && now < graceEnd(pastDueSince, graceDays) ? priceTier : 'free';
  if (status === 'incomplete') return null;
  return 'free';
}

function onSubscription(ctx: DecisionContext, parsed: Extract<ParsedEvent, { kind: 'subscription' }>): Decision {
  const { record, tier, event } = ctx;
  const sub = parsed.object;
  const tracked = record.stripe_subscription_id;
  const same = tracked === sub.id;
  if (tracked && !same && !isEnded(record.status)) {
    return {
      record,
      note: `ignored: subscription ${sub.id} is not the payer's current subscription ${tracked} (${record.status})`,
    };
  }
  if (same && record.status === 'canceled') return { record, note: 'ignored: the subscription already ended' };
  if (same && event.created < record.last_event_created) {
    return { record, note: `ignored: stale (created ${event.created} < ${record.last_event_created} already applied)` };
  }
  const base = same ? record : EMPTY_RECORD;
  const deleted = parsed.type === 'customer.subscription.deleted';
  const now = at(event.created);
  if (deleted) {
    return {
      record: {
        ...base,
        stripe_subscription_id: sub.id,
        stripe_price_id: sub.price_id ?? base.stripe_price_id,
        status: 'canceled',
        current_period_start: dateOrKeep(sub.period_start, base.current_period_start),
        current_period_end: dateOrKeep(sub.period_end, base.current_period_end),
        cancel_at_period_end: false,
        pending_tier: null,
        past_due_since: null,
        last_event_created: event.created,
      },
      tierNow: 'free',
      ended: { at: now },
      note: 'subscription ended: free from now',
    };
  }
  const priceTier = tierOfPrice(ctx.prices, sub.price_id);
  if (!priceTier) return { record, note: `ignored: unknown price ${sub.price_id ?? '(none)'}; no tier change` };
  const pastDueSince = sub.status === 'past_due' ? (base.past_due_since ?? now) : null;
  const next: BillingRecord = {
    ...base,
    stripe_subscription_id: sub.id,
    stripe_price_id: sub.price_id,
    status: sub.status,
    current_period_start: dateOrKeep(sub.period_start, base.current_period_start),
    current_period_end: dateOrKeep(sub.period_end, base.current_period_end),
    cancel_at_period_end: sub.cancel_at_period_end,
    past_due_since: pastDueSince,
    last_event_created: event.created,
  };
  const entitled = entitlement(sub.status, priceTier, pastDueSince, now, ctx.graceDays);
  if (entitled === null) return { record: next, note: `status ${sub.status}: no tier change yet` };
  if (tierRank(entitled) > tierRank(tier))
    return { record: { ...next, pending_tier: null }, tierNow: entitled, note: `upgrade to ${entitled} now` };
  if (tierRank(entitled) < tierRank(tier)) {
    if (entitled !== priceTier)
      return {
        record: { ...next, pending_tier: null },
        tierNow: entitled,
        note: `status ${sub.status}: ${entitled} now`,
      };
    return { record: { ...next, pending_tier: entitled }, note: `downgrade to ${entitled} at the end of the period` };
  }
  const cancelNote = sub.cancel_at_period_end ? '; cancels at the end of the period' : '';
  return { record: { ...next, pending_tier: null }, note: `${sub.status} on ${entitled}${cancelNote}` };
}

/**
 * Whether a paid invoice starts a new quota period. The first invoice of a subscription always starts the paid
 * period at Stripe's (unless it is older than a period already known for this subscription: a very late delivery).
 * A renewal does when its period ends well after the current one: a duplicate, a proration invoice (same period end)
 * or a renewal the reset already covered on its own (a few days apart at most) does not start a second one.
 */
export function startsNewPeriod(
  billingReason: string | null,
  end: Date,
  resetDate: Date,
  knownPeriodEnd: Date | null,
): boolean {
  if (end.getTime() === resetDate.getTime()) return false;
  if (billingReason === 'subscription_create') return !knownPeriodEnd || end >= knownPeriodEnd;
  return end > resetDate && daysBetween(resetDate, end) > MIN_RENEWAL_GAP_DAYS;
}

function onInvoice(ctx: DecisionContext, parsed: Extract<ParsedEvent, { kind: 'invoice' }>): Decision {
  const { record, tier, event, resetDate } = ctx;
  const invoice = parsed.object;
  const tracked = record.stripe_subscription_id;
  if (!invoice.subscription_id) return { record, note: 'ignored: not a subscription invoice' };
  if (tracked && tracked !== invoice.subscription_id && !isEnded(record.status)) {
    return { record, note: `ignored: invoice of subscription ${invoice.subscription_id}, not the current ${tracked}` };
  }
  if (tracked === invoice.subscription_id && record.status === 'canceled')
    return { record, note: 'ignored: the subscription already ended' };
  const base: BillingRecord =
    tracked === invoice.subscription_id ? record : { ...EMPTY_RECORD, stripe_subscription_id: invoice.subscription_id };
  const fresh = event.created >= base.last_event_created;
  const now = at(event.created);

  if (parsed.type === 'invoice.payment_failed') {
    if (!fresh) return { record, note: 'ignored: stale payment failure (a newer state was applied)' };
    if (!['active', 'trialing', 'past_due'].includes(base.status) && tier === 'free')
      return { record: base, note: 'payment failed (nothing to keep in grace)' };
    const since = base.past_due_since ?? now;
    return {
      record: { ...base, status: 'past_due', past_due_since: since, last_event_created: event.created },
      note: `payment failed: tier kept until ${graceEnd(since, ctx.graceDays).toISOString()} unless paid`,
    };
  }

  const priceTier = tierOfPrice(ctx.prices, invoice.price_id);
  const recovered = fresh && ['past_due', 'unpaid'].includes(base.status);
  const next: BillingRecord = {
    ...base,
    ...(recovered ? { status: 'active', past_due_since: null, last_event_created: event.created } : {}),
    ...(base.status === 'none' || base.status === 'incomplete' ? { status: 'active' } : {}),
  };
  const end = invoice.period_end ? at(invoice.period_end) : null;
  const startsPeriod = end !== null && startsNewPeriod(invoice.billing_reason, end, resetDate, base.current_period_end);
  if (startsPeriod) {
    const periodTier = priceTier ?? (isPaidTier(next.pending_tier) ? next.pending_tier : tier);
    return {
      record: {
        ...next,
        stripe_price_id: invoice.price_id ?? next.stripe_price_id,
        pending_tier: null,
        current_period_start: dateOrKeep(invoice.period_start, next.current_period_start),
        current_period_end: end,
      },
      newPeriod: { end, tier: periodTier },
      note: priceTier
        ? `paid: new period until ${end.toISOString()} on ${periodTier}`
        : `paid with unknown price ${invoice.price_id ?? '(none)'}: new period on ${periodTier}`,
    };
  }
  if (end !== null && end.getTime() === resetDate.getTime() && next.current_period_end?.getTime() !== end.getTime()) {
    // The quota period was already moved to this invoice's period (a retry after a crash, or a racing reset).
    const periodTier = priceTier ?? (isPaidTier(next.pending_tier) ? next.pending_tier : tier);
    return {
      record: {
        ...next,
        stripe_price_id: invoice.price_id ?? next.stripe_price_id,
        pending_tier: null,
        current_period_start: dateOrKeep(invoice.period_start, next.current_period_start),
        current_period_end: end,
      },
      ...(periodTier !== tier ? { tierNow: periodTier } : {}),
      note: `paid: period until ${end.toISOString()} already started`,
    };
  }
  const paidTier = priceTier ?? tierOfPrice(ctx.prices, next.stripe_price_id);
  if ((recovered || base.status === 'none') && paidTier && tierRank(paidTier) > tierRank(tier)) {
    return { record: next, tierNow: paidTier, note: `paid: ${paidTier} restored now` };
  }
  return { record: next, note: recovered ? 'paid: payment recovered' : 'paid (no new period)' };
}

function onCheckout(ctx: DecisionContext, parsed: Extract<ParsedEvent, { kind: 'checkout' }>): Decision {
  const { record, tier, event } = ctx;
  const session = parsed.object;
  if (session.mode !== 'subscription' || !session.subscription_id)
    return { record, note: 'ignored: not a subscription checkout' };
  const tracked = record.stripe_subscription_id;
  if (tracked && tracked !== session.subscription_id && !isEnded(record.status)) {
    return { record, note: `ignored: the payer already has subscription ${tracked} (${record.status})` };
  }
  if (tracked === session.subscription_id && record.status === 'canceled')
    return { record, note: 'ignored: the subscription already ended' };
  const adopting = tracked !== session.subscription_id;
  const next: BillingRecord = adopting
    ? {
        ...EMPTY_RECORD,
        stripe_subscription_id: session.subscription_id,
        status: session.paid ? 'active' : 'incomplete',
      }
    : record;
  const plan = session.metadata.plan;
  if (session.paid && isPaidTier(plan) && tierRank(plan) > tierRank(tier) && event.created >= next.last_event_created) {
    return { record: next, tierNow: plan, note: `checkout completed: ${plan} now` };
  }
  return { record: next, note: 'checkout completed' };
}

/** Decides what one Stripe event changes for a payer; pure, so every rule is unit-tested without I/O. */
export function decide(ctx: DecisionContext): Decision {
  const { parsed } = ctx;
  switch (parsed.kind) {
    case 'subscription':
      return onSubscription(ctx, parsed);
    case 'invoice':
      return onInvoice(ctx, parsed);
    case 'checkout':
      return onCheckout(ctx, parsed);
    case 'trial_will_end': {
      const ends = parsed.object.trial_end ? at(parsed.object.trial_end).toISOString() : 'soon';
      return { record: ctx.record, note: `trial ends ${ends}` };
    }
  }
}

/** The grace policy: a subscription past_due for longer than the grace period loses its paid tier now. */
export function graceExpired(record: BillingRecord, tier: Tier, asOf: Date, graceDays: number): boolean {
  return (
    record.status === 'past_due' &&
    tier !== 'free' &&
    record.past_due_since !== null &&
    asOf >= graceEnd(record.past_due_since, graceDays)
  );
}
