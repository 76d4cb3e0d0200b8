import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import {
  EMPTY_RECORD,
  decide,
  entitlement,
  graceExpired,
  startsNewPeriod,
  type BillingRecord,
  type DecisionContext,
} from '../../src/domain/billing/decide.js';
import { parseEventObject } from '../../src/domain/billing/events.js';
import { nextPeriodEnd } from '../../src/domain/billing/periods.js';
import { tierOfPrice, pricesOf } from '../../src/domain/plans/prices.js';
import { stripeHostOptions } from '../../src/modules/subscriptions/stripe-client.js';
import { createRedirectPolicy } from '../../src/modules/subscriptions/redirects.js';

const config = parseConfig({ STRIPE_PRICE_PRO: 'price_pro,price_pro_yearly', STRIPE_PRICE_ENTERPRISE: 'price_ent' });
const d = (iso: string) => new Date(iso);
const s = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function sub(o: { id?: string; price?: string; status?: string; cancel?: boolean; start?: string; end?: string } = {}) {
  return {
    id: o.id ?? 'sub_1',
    customer: 'cus_1',
    status: o.status ?? 'active',
    cancel_at_period_end: o.cancel ?? false,
    items: {
      data: [
        {
          price: { id: o.price ?? 'price_pro' },
          current_period_start: s(o.start ?? '2030-01-10T00:00:00Z'),
          current_period_end: s(o.end ?? '2030-02-10T00:00:00Z'),
        },
      ],
    },
  };
}

function inv(o: { price?: string; start: string; end: string; reason?: string; sub?: string }) {
  return {
    id: 'in_1',
    customer: 'cus_1',
    billing_reason: o.reason ?? 'subscription_cycle',
    parent: { subscription_details: { subscription: o.sub ?? 'sub_1' } },
    lines: {
      data: [
        { period: { start: s(o.start), end: s(o.end) }, pricing: { price_details: { price: o.price ?? 'price_pro' } } },
      ],
    },
  };
}

function ctx(
  type: Parameters<typeof parseEventObject>[0],
  object: unknown,
  over: Partial<DecisionContext> & { created?: string } = {},
): DecisionContext {
  return {
    record: over.record ?? { ...EMPTY_RECORD },
    tier: over.tier ?? 'free',
    resetDate: over.resetDate ?? d('2030-01-20T00:00:00Z'),
    event: { id: 'evt_1', type, created: s(over.created ?? '2030-01-10T00:00:00Z') },
    parsed: parseEventObject(type, object),
    prices: config,
    graceDays: 7,
  };
}

const active: BillingRecord = {
  ...EMPTY_RECORD,
  stripe_subscription_id: 'sub_1',
  stripe_price_id: 'price_pro',
  status: 'active',
  current_period_start: d('2030-01-10T00:00:00Z'),
  current_period_end: d('2030-02-10T00:00:00Z'),
  last_event_created: s('2030-01-10T00:00:00Z'),
};

describe('price mapping', () => {
  it('maps every configured price to its tier and nothing else', () => {
    expect(pricesOf(config, 'pro')).toEqual(['price_pro', 'price_pro_yearly']);
    expect(tierOfPrice(config, 'price_pro_yearly')).toBe('pro');
    expect(tierOfPrice(config, 'price_ent')).toBe('enterprise');
    expect(tierOfPrice(config, 'price_other')).toBeUndefined();
    expect(tierOfPrice(config, null)).toBeUndefined();
  });

  it('refuses a price configured for two tiers at start', () => {
    expect(() => parseConfig({ STRIPE_PRICE_PRO: 'price_x', STRIPE_PRICE_ENTERPRISE: 'price_x' })).toThrow(/price_x/);
  });
});

describe('periods', () => {
  it('advances by whole months past the tick, however late', () => {
    expect(nextPeriodEnd(d('2030-01-10T10:00:00Z'), d('2030-01-10T10:00:00Z'))).toEqual(d('2030-02-10T10:00:00Z'));
    expect(nextPeriodEnd(d('2030-01-10T10:00:00Z'), d('2030-04-02T00:00:00Z'))).toEqual(d('2030-04-10T10:00:00Z'));
    expect(nextPeriodEnd(d('2030-01-31T00:00:00Z'), d('2030-02-01T00:00:00Z'))).toEqual(d('2030-02-28T00:00:00Z'));
    expect(nextPeriodEnd(d('2030-01-31T00:00:00Z'), d('2030-03-01T00:00:00Z'))).toEqual(d('2030-03-31T00:00:00Z'));
  });

  it('starts a period on the first invoice and on renewals, never on duplicates or prorations', () => {
    const reset = d('2030-02-10T00:00:00Z');
    expect(startsNewPeriod('subscription_cycle', d('2030-03-10T00:00:00Z'), reset, null)).toBe(true);
    expect(startsNewPeriod('subscription_cycle', reset, reset, null)).toBe(false);
    expect(startsNewPeriod('subscription_update', reset, reset, null)).toBe(false);
    // A renewal a few days off a period the reset already started on its own.
    expect(startsNewPeriod('subscription_cycle', d('2030-02-13T00:00:00Z'), reset, null)).toBe(false);
    expect(startsNewPeriod('subscription_create', d('2030-02-01T00:00:00Z'), reset, null)).toBe(true);
    // A first invoice delivered after a later period is known: not applied over it.
    expect(startsNewPeriod('subscription_create', d('2030-02-01T00:00:00Z'), reset, d('2030-03-01T00:00:00Z'))).toBe(
      false,
    );
  });
});

describe('entitlement and the grace policy', () => {
  const since = d('2030-01-01T00:00:00Z');
  it('keeps the paid tier while active, trialing or within the grace, not after', () => {
    expect(entitlement('active', 'pro', null, since, 7)).toBe('pro');
    expect(entitlement('trialing', 'enterprise', null, since, 7)).toBe('enterprise');
    expect(entitlement('past_due', 'pro', since, d('2030-01-07T23:59:59Z'), 7)).toBe('pro');
    expect(entitlement('past_due', 'pro', since, d('2030-01-08T00:00:00Z'), 7)).toBe('free');
    expect(entitlement('unpaid', 'pro', since, since, 7)).toBe('free');
    expect(entitlement('incomplete', 'pro', null, since, 7)).toBeNull();
  });

  it('expires only paid, past_due records after the grace', () => {
    const pastDue = { ...active, status: 'past_due', past_due_since: since };
    expect(graceExpired(pastDue, 'pro', d('2030-01-08T00:00:00Z'), 7)).toBe(true);
    expect(graceExpired(pastDue, 'pro', d('2030-01-07T00:00:00Z'), 7)).toBe(false);
    expect(graceExpired(pastDue, 'free', d('2030-02-01T00:00:00Z'), 7)).toBe(false);
    expect(graceExpired(active, 'pro', d('2030-02-01T00:00:00Z'), 7)).toBe(false);
  });
});

describe('decide', () => {
  it('upgrades at once and downgrades at the end of the period', () => {
    const up = decide(ctx('customer.subscription.created', sub()));
    expect(up).toMatchObject({
      tierNow: 'pro',
      record: { status: 'active', stripe_subscription_id: 'sub_1', pending_tier: null },
    });
    const down = decide(
      ctx('customer.subscription.updated', sub({ price: 'price_pro' }), {
        tier: 'enterprise',
        record: { ...active, stripe_price_id: 'price_ent' },
        created: '2030-01-15T00:00:00Z',
      }),
    );
    expect(down.tierNow).toBeUndefined();
    expect(down.record.pending_tier).toBe('pro');
  });

  it('drops to free at once when the subscription stops entitling (unpaid, canceled)', () => {
    const unpaid = decide(
      ctx('customer.subscription.updated', sub({ status: 'unpaid' }), {
        tier: 'pro',
        record: active,
        created: '2030-01-15T00:00:00Z',
      }),
    );
    expect(unpaid.tierNow).toBe('free');
    const deleted = decide(
      ctx('customer.subscription.deleted', sub({ status: 'canceled' }), {
        tier: 'pro',
        record: active,
        created: '2030-02-10T00:00:05Z',
      }),
    );
    expect(deleted).toMatchObject({
      tierNow: 'free',
      ended: { at: d('2030-02-10T00:00:05Z') },
      record: { status: 'canceled' },
    });
  });

  it('ignores stale snapshots, snapshots of ended subscriptions and other subscriptions', () => {
    const stale = decide(
      ctx('customer.subscription.updated', sub({ cancel: true }), {
        tier: 'pro',
        record: { ...active, last_event_created: s('2030-01-12T00:00:00Z') },
        created: '2030-01-11T00:00:00Z',
      }),
    );
    expect(stale.note).toMatch(/^ignored: stale/);
    expect(stale.record.cancel_at_period_end).toBe(false);
    const revived = decide(
      ctx('customer.subscription.updated', sub(), {
        tier: 'free',
        record: { ...active, status: 'canceled' },
        created: '2030-03-01T00:00:00Z',
      }),
    );
    expect(revived.note).toMatch(/already ended/);
    expect(revived.tierNow).toBeUndefined();
    const other = decide(
      ctx('customer.subscription.created', sub({ id: 'sub_2', price: 'price_ent' }), { tier: 'pro', record: active }),
    );
    expect(other.note).toMatch(/not the payer's current subscription/);
    // After the old one ended, a new subscription is adopted.
    const next = decide(
      ctx('customer.subscription.created', sub({ id: 'sub_2', price: 'price_ent' }), {
        tier: 'free',
        record: { ...active, status: 'canceled', last_event_created: s('2030-06-01T00:00:00Z') },
      }),
    );
    expect(next).toMatchObject({ tierNow: 'enterprise', record: { stripe_subscription_id: 'sub_2' } });
  });

  it('starts the period an invoice pays for, on the tier it pays for, and applies a pending downgrade', () => {
    const renewal = decide(
      ctx('invoice.paid', inv({ price: 'price_pro', start: '2030-02-10T00:00:00Z', end: '2030-03-10T00:00:00Z' }), {
        tier: 'enterprise',
        resetDate: d('2030-02-10T00:00:00Z'),
        record: { ...active, stripe_price_id: 'price_pro', pending_tier: 'pro' },
      }),
    );
    expect(renewal.newPeriod).toEqual({ end: d('2030-03-10T00:00:00Z'), tier: 'pro' });
    expect(renewal.record).toMatchObject({ pending_tier: null, current_period_end: d('2030-03-10T00:00:00Z') });
    const duplicate = decide(
      ctx('invoice.paid', inv({ start: '2030-02-10T00:00:00Z', end: '2030-03-10T00:00:00Z' }), {
        tier: 'pro',
        resetDate: d('2030-03-10T00:00:00Z'),
        record: { ...active, current_period_end: d('2030-03-10T00:00:00Z') },
      }),
    );
    expect(duplicate.newPeriod).toBeUndefined();
    expect(duplicate.tierNow).toBeUndefined();
  });

  it('marks past_due on a failed payment and ignores a failure older than a newer state', () => {
    const failed = decide(
      ctx('invoice.payment_failed', inv({ start: '2030-01-10T00:00:00Z', end: '2030-02-10T00:00:00Z' }), {
        tier: 'pro',
        record: active,
        created: '2030-01-11T00:00:00Z',
      }),
    );
    expect(failed.record).toMatchObject({ status: 'past_due', past_due_since: d('2030-01-11T00:00:00Z') });
    const late = decide(
      ctx('invoice.payment_failed', inv({ start: '2030-01-10T00:00:00Z', end: '2030-02-10T00:00:00Z' }), {
        tier: 'pro',
        record: { ...active, last_event_created: s('2030-01-12T00:00:00Z') },
        created: '2030-01-11T00:00:00Z',
      }),
    );
    expect(late.note).toMatch(/^ignored: stale/);
  });

  it('reads subscriptions and invoices of older API versions too', () => {
    const legacy = parseEventObject('customer.subscription.updated', {
      id: 'sub_9',
      customer: { id: 'cus_9' },
      status: 'active',
      cancel_at_period_end: true,
      current_period_start: 100,
      current_period_end: 200,
      items: { data: [{ price: { id: 'price_pro' } }] },
    });
    expect(legacy.object).toMatchObject({
      customer: 'cus_9',
      period_start: 100,
      period_end: 200,
      cancel_at_period_end: true,
      price_id: 'price_pro',
    });
    const oldInvoice = parseEventObject('invoice.paid', {
      id: 'in_9',
      customer: 'cus_9',
      subscription: 'sub_9',
      billing_reason: 'subscription_cycle',
      lines: {
        data: [
          { period: { start: 1, end: 5 }, proration: true, price: { id: 'price_ent' } },
          { period: { start: 1, end: 9 }, price: { id: 'price_pro' } },
        ],
      },
    });
    expect(oldInvoice.object).toMatchObject({
      subscription_id: 'sub_9',
      price_id: 'price_pro',
      period_start: 1,
      period_end: 9,
    });
  });
});

describe('redirect allowlist', () => {
  const policy = createRedirectPolicy(
    parseConfig({ PUBLIC_URL: 'https://api.aicoder.dev', BILLING_REDIRECT_ALLOWLIST: 'https://aicoder.dev' }),
  );
  it('allows our origins and the extension, nothing else', () => {
    for (const ok of [
      'https://api.aicoder.dev/x',
      'https://aicoder.dev/pricing?x=1',
      'vscode://aicoder.aicoder-vscode/billing',
      'vscode-insiders://AICODER.aicoder-vscode/x',
    ]) {
      expect(policy.check(ok, 'fallback', 'success_url')).toBe(ok);
    }
    for (const bad of [
      'http://aicoder.dev/',
      'https://aicoder.dev.evil.com/',
      'https://user:pw@aicoder.dev/',
      'vscode://evil.ext/',
      'data:text/html,x',
      '//aicoder.dev',
      'https://aicoder.dev/a b',
      'vscode://aicoder.aicoder-vscode:99/x',
    ]) {
      expect(() => policy.check(bad, 'fallback', 'success_url'), bad).toThrow(/success_url must point/);
    }
    expect(policy.check(undefined, 'fallback', 'success_url')).toBe('fallback');
  });
});

describe('Stripe API base', () => {
  it('points the SDK at STRIPE_API_BASE', () => {
    expect(stripeHostOptions('http://127.0.0.1:12111')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
    expect(stripeHostOptions('https://stripe.internal')).toEqual({
      host: 'stripe.internal',
      port: 443,
      protocol: 'https',
    });
    expect(stripeHostOptions(undefined)).toEqual({});
  });
});
