import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import {
  EMPTY_RECORD,
  MIN_RENEWAL_GAP_DAYS,
  decide,
  entitlement,
  graceExpired,
  isEnded,
  isLive,
  isStripeManaged,
  startsNewPeriod,
  type BillingRecord,
  type DecisionContext,
} from '../../src/domain/billing/decide.js';
import { parseEventObject, type HandledEventType } from '../../src/domain/billing/events.js';
import type { Tier } from '../../src/domain/plans/catalog.js';

const prices = parseConfig({ STRIPE_PRICE_PRO: 'price_pro', STRIPE_PRICE_ENTERPRISE: 'price_ent' });
const d = (iso: string) => new Date(iso);
const s = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const subscription = (o: { id?: string; price?: string; status?: string; cancel?: boolean } = {}) => ({
  id: o.id ?? 'sub_1',
  customer: 'cus_1',
  status: o.status ?? 'active',
  cancel_at_period_end: o.cancel ?? false,
  items: {
    data: [
      {
        price: { id: o.price ?? 'price_pro' },
        current_period_start: s('2030-01-10T00:00:00Z'),
        current_period_end: s('2030-02-10T00:00:00Z'),
      },
    ],
  },
});

const invoice = (o: { price?: string | null; end?: string; reason?: string; sub?: string | null } = {}) => ({
  id: 'in_1',
  customer: 'cus_1',
  billing_reason: o.reason ?? 'subscription_cycle',
  ...(o.sub === null ? {} : { parent: { subscription_details: { subscription: o.sub ?? 'sub_1' } } }),
  lines: {
    data: [
      {
        period: { start: s('2030-02-10T00:00:00Z'), end: s(o.end ?? '2030-03-10T00:00:00Z') },
        ...(o.price === null ? {} : { pricing: { price_details: { price: o.price ?? 'price_pro' } } }),
      },
    ],
  },
});

const checkout = (o: { mode?: string; sub?: string | null; paid?: boolean; plan?: string } = {}) => ({
  id: 'cs_1',
  mode: o.mode ?? 'subscription',
  customer: 'cus_1',
  subscription: o.sub === null ? null : (o.sub ?? 'sub_1'),
  payment_status: o.paid === false ? 'unpaid' : 'paid',
  metadata: { plan: o.plan ?? 'pro' },
});

const active: BillingRecord = {
  ...EMPTY_RECORD,
  stripe_subscription_id: 'sub_1',
  stripe_price_id: 'price_pro',
  status: 'active',
  current_period_start: d('2030-01-10T00:00:00Z'),
  current_period_end: d('2030-02-10T00:00:00Z'),
  last_event_created: s('2030-01-10T00:00:00Z'),
};

interface Case {
  name: string;
  type: HandledEventType;
  object: unknown;
  record?: BillingRecord;
  tier?: Tier;
  resetDate?: string;
  created?: string;
  expect: {
    note: RegExp;
    tierNow?: Tier;
    newPeriod?: { end: string; tier: Tier };
    ended?: boolean;
    record?: Partial<BillingRecord>;
  };
}

function run(c: Case) {
  const ctx: DecisionContext = {
    record: c.record ?? { ...EMPTY_RECORD },
    tier: c.tier ?? 'free',
    resetDate: d(c.resetDate ?? '2030-02-10T00:00:00Z'),
    event: { id: 'evt_1', type: c.type, created: s(c.created ?? '2030-01-15T00:00:00Z') },
    parsed: parseEventObject(c.type, c.object),
    prices,
    graceDays: 7,
  };
  return decide(ctx);
}

const cases: Case[] = [
  // customer.subscription.*
  {
    name: 'a new subscription on a higher tier upgrades at once',
    type: 'customer.subscription.created',
    object: subscription({ price: 'price_ent' }),
    expect: { note: /^upgrade to enterprise now/, tierNow: 'enterprise', record: { status: 'active' } },
  },
  {
    name: 'a lower price is a downgrade at the end of the period, kept pending',
    type: 'customer.subscription.updated',
    object: subscription({ price: 'price_pro' }),
    tier: 'enterprise',
    record: { ...active, stripe_price_id: 'price_ent' },
    expect: { note: /at the end of the period/, record: { pending_tier: 'pro', stripe_price_id: 'price_pro' } },
  },
  {
    name: 'the same tier changes nothing and clears a pending downgrade',
    type: 'customer.subscription.updated',
    object: subscription(),
    tier: 'pro',
    record: { ...active, pending_tier: 'pro' },
    expect: { note: /^active on pro$/, record: { pending_tier: null } },
  },
  {
    name: 'cancel_at_period_end is recorded and noted, the tier kept',
    type: 'customer.subscription.updated',
    object: subscription({ cancel: true }),
    tier: 'pro',
    record: active,
    expect: { note: /cancels at the end of the period/, record: { cancel_at_period_end: true } },
  },
  {
    name: 'an incomplete subscription changes no tier yet',
    type: 'customer.subscription.created',
    object: subscription({ status: 'incomplete' }),
    expect: { note: /no tier change yet/, record: { status: 'incomplete', stripe_subscription_id: 'sub_1' } },
  },
  {
    name: 'trialing entitles like active',
    type: 'customer.subscription.created',
    object: subscription({ status: 'trialing' }),
    expect: { note: /^upgrade to pro now/, tierNow: 'pro', record: { status: 'trialing' } },
  },
  {
    name: 'an unknown price is ignored without a tier change',
    type: 'customer.subscription.updated',
    object: subscription({ price: 'price_unknown' }),
    tier: 'pro',
    record: active,
    expect: { note: /^ignored: unknown price price_unknown/, record: { stripe_price_id: 'price_pro' } },
  },
  {
    name: 'past_due keeps the paid tier during the grace and starts the grace clock',
    type: 'customer.subscription.updated',
    object: subscription({ status: 'past_due' }),
    tier: 'pro',
    record: active,
    created: '2030-01-15T00:00:00Z',
    expect: { note: /^past_due on pro/, record: { past_due_since: d('2030-01-15T00:00:00Z') } },
  },
  {
    name: 'past_due past the grace drops to free now',
    type: 'customer.subscription.updated',
    object: subscription({ status: 'past_due' }),
    tier: 'pro',
    record: { ...active, status: 'past_due', past_due_since: d('2030-01-01T00:00:00Z') },
    created: '2030-01-12T00:00:00Z',
    expect: { note: /^status past_due: free now/, tierNow: 'free', record: { pending_tier: null } },
  },
  {
    name: 'a deleted subscription ends: free now, the end recorded',
    type: 'customer.subscription.deleted',
    object: subscription({ status: 'canceled' }),
    tier: 'pro',
    record: { ...active, pending_tier: 'pro', past_due_since: d('2030-01-12T00:00:00Z') },
    expect: {
      note: /subscription ended/,
      tierNow: 'free',
      ended: true,
      record: { status: 'canceled', pending_tier: null, past_due_since: null, cancel_at_period_end: false },
    },
  },
  {
    name: 'a snapshot older than the last applied one is ignored',
    type: 'customer.subscription.updated',
    object: subscription({ status: 'unpaid' }),
    tier: 'pro',
    record: { ...active, last_event_created: s('2030-01-20T00:00:00Z') },
    expect: { note: /^ignored: stale/, record: { status: 'active' } },
  },
  {
    name: 'another subscription while one is live is ignored',
    type: 'customer.subscription.created',
    object: subscription({ id: 'sub_2', price: 'price_ent' }),
    tier: 'pro',
    record: active,
    expect: { note: /not the payer's current subscription sub_1/, record: { stripe_subscription_id: 'sub_1' } },
  },
  {
    name: 'an ended subscription never comes back',
    type: 'customer.subscription.updated',
    object: subscription(),
    record: { ...active, status: 'canceled' },
    expect: { note: /already ended/, record: { status: 'canceled' } },
  },
  {
    name: 'a subscription after an expired incomplete one is adopted from a clean record',
    type: 'customer.subscription.created',
    object: subscription({ id: 'sub_2' }),
    record: { ...active, status: 'incomplete_expired', pending_tier: 'pro', last_event_created: s('2031-01-01') },
    expect: {
      note: /^upgrade to pro now/,
      tierNow: 'pro',
      record: { stripe_subscription_id: 'sub_2', pending_tier: null, last_event_created: s('2030-01-15T00:00:00Z') },
    },
  },
  // invoice.*
  {
    name: 'an invoice without a subscription is ignored',
    type: 'invoice.paid',
    object: invoice({ sub: null }),
    tier: 'pro',
    record: active,
    expect: { note: /not a subscription invoice/ },
  },
  {
    name: "another subscription's invoice is ignored while one is live",
    type: 'invoice.paid',
    object: invoice({ sub: 'sub_9' }),
    tier: 'pro',
    record: active,
    expect: { note: /invoice of subscription sub_9, not the current sub_1/ },
  },
  {
    name: 'an invoice of an ended subscription is ignored',
    type: 'invoice.paid',
    object: invoice(),
    record: { ...active, status: 'canceled' },
    expect: { note: /already ended/ },
  },
  {
    name: 'a renewal starts the period it pays for',
    type: 'invoice.paid',
    object: invoice({ end: '2030-03-10T00:00:00Z' }),
    tier: 'pro',
    record: active,
    expect: {
      note: /^paid: new period until 2030-03-10/,
      newPeriod: { end: '2030-03-10T00:00:00Z', tier: 'pro' },
      record: { current_period_end: d('2030-03-10T00:00:00Z') },
    },
  },
  {
    name: 'a renewal with an unknown price starts the period on the pending tier',
    type: 'invoice.paid',
    object: invoice({ price: 'price_unknown' }),
    tier: 'enterprise',
    record: { ...active, stripe_price_id: 'price_ent', pending_tier: 'pro' },
    expect: {
      note: /unknown price price_unknown: new period on pro/,
      newPeriod: { end: '2030-03-10T00:00:00Z', tier: 'pro' },
      record: { pending_tier: null, stripe_price_id: 'price_unknown' },
    },
  },
  {
    name: 'a renewal a few days off the current period end starts nothing (the reset already did)',
    type: 'invoice.paid',
    object: invoice({ end: '2030-02-14T00:00:00Z' }),
    tier: 'pro',
    record: active,
    expect: { note: /^paid \(no new period\)$/ },
  },
  {
    name: 'a retried invoice whose period already started sets the tier it pays for',
    type: 'invoice.paid',
    object: invoice({ price: 'price_ent', end: '2030-03-10T00:00:00Z' }),
    tier: 'pro',
    resetDate: '2030-03-10T00:00:00Z',
    record: active,
    expect: {
      note: /already started/,
      tierNow: 'enterprise',
      record: { current_period_end: d('2030-03-10T00:00:00Z'), stripe_price_id: 'price_ent' },
    },
  },
  {
    name: 'a paid invoice after past_due recovers the subscription',
    type: 'invoice.paid',
    object: invoice({ end: '2030-02-12T00:00:00Z' }),
    tier: 'pro',
    record: { ...active, status: 'past_due', past_due_since: d('2030-01-12T00:00:00Z') },
    expect: { note: /^paid: payment recovered$/, record: { status: 'active', past_due_since: null } },
  },
  {
    name: 'a paid invoice after the grace ended restores the paid tier now',
    type: 'invoice.paid',
    object: invoice({ end: '2030-02-12T00:00:00Z' }),
    tier: 'free',
    record: { ...active, status: 'past_due', past_due_since: d('2030-01-01T00:00:00Z') },
    expect: { note: /^paid: pro restored now$/, tierNow: 'pro', record: { status: 'active' } },
  },
  {
    name: 'the first invoice of a subscription starts its paid period',
    type: 'invoice.paid',
    object: invoice({ reason: 'subscription_create', end: '2030-02-20T00:00:00Z' }),
    tier: 'free',
    expect: {
      note: /^paid: new period until 2030-02-20/,
      newPeriod: { end: '2030-02-20T00:00:00Z', tier: 'pro' },
      record: { status: 'active', stripe_subscription_id: 'sub_1' },
    },
  },
  {
    name: 'a failed payment marks past_due, tier kept until the grace ends',
    type: 'invoice.payment_failed',
    object: invoice(),
    tier: 'pro',
    record: active,
    expect: {
      note: /kept until 2030-01-22T00:00:00\.000Z unless paid/,
      record: { status: 'past_due', past_due_since: d('2030-01-15T00:00:00Z') },
    },
  },
  {
    name: 'a second failed payment keeps the first past_due_since (the grace does not restart)',
    type: 'invoice.payment_failed',
    object: invoice(),
    tier: 'pro',
    record: { ...active, status: 'past_due', past_due_since: d('2030-01-12T00:00:00Z') },
    expect: { note: /kept until 2030-01-19/, record: { past_due_since: d('2030-01-12T00:00:00Z') } },
  },
  {
    name: 'a failed payment of a free payer without a live subscription keeps nothing in grace',
    type: 'invoice.payment_failed',
    object: invoice({ sub: 'sub_new' }),
    tier: 'free',
    expect: { note: /nothing to keep in grace/, record: { status: 'none', stripe_subscription_id: 'sub_new' } },
  },
  // checkout.session.completed
  {
    name: 'a paid checkout for a higher plan upgrades at once',
    type: 'checkout.session.completed',
    object: checkout({ plan: 'enterprise' }),
    expect: { note: /^checkout completed: enterprise now$/, tierNow: 'enterprise', record: { status: 'active' } },
  },
  {
    name: 'an unpaid checkout adopts the subscription as incomplete, no tier',
    type: 'checkout.session.completed',
    object: checkout({ paid: false }),
    expect: { note: /^checkout completed$/, record: { status: 'incomplete', stripe_subscription_id: 'sub_1' } },
  },
  {
    name: 'a checkout naming a plan that is not paid grants nothing',
    type: 'checkout.session.completed',
    object: checkout({ plan: 'free' }),
    expect: { note: /^checkout completed$/ },
  },
  {
    name: 'a one-off payment checkout is ignored',
    type: 'checkout.session.completed',
    object: checkout({ mode: 'payment' }),
    expect: { note: /not a subscription checkout/ },
  },
  {
    name: 'a checkout while another subscription is live is ignored',
    type: 'checkout.session.completed',
    object: checkout({ sub: 'sub_2', plan: 'enterprise' }),
    tier: 'pro',
    record: active,
    expect: { note: /already has subscription sub_1/ },
  },
  {
    name: 'a checkout of the current subscription on the same tier changes nothing',
    type: 'checkout.session.completed',
    object: checkout(),
    tier: 'pro',
    record: active,
    expect: { note: /^checkout completed$/, record: active },
  },
  // customer.subscription.trial_will_end
  {
    name: 'a trial ending soon is only noted',
    type: 'customer.subscription.trial_will_end',
    object: { ...subscription({ status: 'trialing' }), trial_end: s('2030-01-20T00:00:00Z') },
    tier: 'pro',
    record: active,
    expect: { note: /^trial ends 2030-01-20T00:00:00\.000Z$/, record: active },
  },
];

describe('decide: what one Stripe event changes for a payer', () => {
  it.each(cases)('$name', (c) => {
    const decision = run(c);
    expect(decision.note).toMatch(c.expect.note);
    expect(decision.tierNow).toBe(c.expect.tierNow);
    expect(decision.newPeriod).toEqual(
      c.expect.newPeriod && { end: d(c.expect.newPeriod.end), tier: c.expect.newPeriod.tier },
    );
    expect(decision.ended !== undefined).toBe(c.expect.ended ?? false);
    if (c.expect.record) expect(decision.record).toMatchObject(c.expect.record);
  });

  it('never writes to the record it was given (each case again, on a frozen record)', () => {
    for (const c of cases) {
      const record = Object.freeze({ ...(c.record ?? EMPTY_RECORD) });
      expect(() => run({ ...c, record }), c.name).not.toThrow();
      expect(record).toEqual(c.record ?? EMPTY_RECORD);
    }
  });
});

describe('subscription status classes', () => {
  it.each([
    ['none', true, false],
    ['canceled', true, false],
    ['incomplete_expired', true, false],
    ['incomplete', false, false],
    ['active', false, true],
    ['trialing', false, true],
    ['past_due', false, true],
    ['unpaid', false, true],
  ])('%s: ended %s, live %s', (status, ended, live) => {
    expect(isEnded(status)).toBe(ended);
    expect(isLive(status)).toBe(live);
  });

  it.each([
    ['free', 'active', false],
    ['pro', 'active', true],
    ['enterprise', 'trialing', true],
    ['pro', 'past_due', true],
    ['pro', 'unpaid', false],
    ['pro', 'canceled', false],
    ['pro', undefined, false],
  ] as const)('a %s payer with status %s is Stripe-managed: %s', (tier, status, managed) => {
    expect(isStripeManaged(tier, status)).toBe(managed);
  });
});

describe('entitlement of a subscription status', () => {
  const since = d('2030-01-01T00:00:00Z');
  it.each([
    ['active', null, '2030-06-01T00:00:00Z', 'enterprise'],
    ['trialing', null, '2030-06-01T00:00:00Z', 'enterprise'],
    ['past_due', since, '2030-01-02T00:00:00Z', 'enterprise'],
    ['past_due', since, '2030-01-07T23:59:59Z', 'enterprise'],
    ['past_due', since, '2030-01-08T00:00:00Z', 'free'],
    ['past_due', null, '2030-01-02T00:00:00Z', 'free'],
    ['unpaid', since, '2030-01-02T00:00:00Z', 'free'],
    ['canceled', null, '2030-01-02T00:00:00Z', 'free'],
    ['paused', null, '2030-01-02T00:00:00Z', 'free'],
    ['incomplete', null, '2030-01-02T00:00:00Z', null],
  ] as const)('%s (past due since %s) at %s -> %s', (status, pastDueSince, now, tier) => {
    expect(entitlement(status, 'enterprise', pastDueSince, d(now), 7)).toBe(tier);
  });

  it('a grace of zero days ends at once', () => {
    expect(entitlement('past_due', 'pro', since, since, 0)).toBe('free');
  });
});

describe('whether a paid invoice starts a new quota period', () => {
  const reset = d('2030-02-10T00:00:00Z');
  const after = (days: number) => new Date(reset.getTime() + days * 86_400_000);
  it.each([
    ['a renewal a month later', 'subscription_cycle', after(28), null, true],
    ['a renewal just past the minimum gap', 'subscription_cycle', after(MIN_RENEWAL_GAP_DAYS + 0.01), null, true],
    ['a renewal exactly at the minimum gap', 'subscription_cycle', after(MIN_RENEWAL_GAP_DAYS), null, false],
    ['a duplicate (the same period end)', 'subscription_cycle', reset, null, false],
    ['a proration (the same period end)', 'subscription_update', reset, null, false],
    ['an invoice for an earlier period', 'subscription_cycle', after(-30), null, false],
    ['a first invoice ending before the free period', 'subscription_create', after(-5), null, true],
    ['a first invoice equal to the reset date', 'subscription_create', reset, null, false],
    ['a first invoice older than a known period', 'subscription_create', after(-5), after(20), false],
    ['a first invoice at the known period end', 'subscription_create', after(20), after(20), true],
    ['a manual invoice a month later', 'manual', after(30), null, true],
  ] as const)('%s: %s', (_name, reason, end, known, starts) => {
    expect(startsNewPeriod(reason, end, reset, known)).toBe(starts);
  });
});

describe('the grace policy', () => {
  const pastDue = { ...active, status: 'past_due', past_due_since: d('2030-01-01T00:00:00Z') };
  it.each([
    ['past_due after the grace', pastDue, 'pro', '2030-01-08T00:00:00Z', true],
    ['past_due long after the grace', pastDue, 'enterprise', '2030-05-01T00:00:00Z', true],
    ['past_due within the grace', pastDue, 'pro', '2030-01-07T23:59:59Z', false],
    ['a free payer', pastDue, 'free', '2030-05-01T00:00:00Z', false],
    ['past_due with no start recorded', { ...pastDue, past_due_since: null }, 'pro', '2030-05-01T00:00:00Z', false],
    ['unpaid (handled by Stripe events)', { ...pastDue, status: 'unpaid' }, 'pro', '2030-05-01T00:00:00Z', false],
    ['active', active, 'pro', '2030-05-01T00:00:00Z', false],
  ] as const)('%s: expired %s', (_name, record, tier, asOf, expired) => {
    expect(graceExpired(record, tier, d(asOf), 7)).toBe(expired);
  });
});
