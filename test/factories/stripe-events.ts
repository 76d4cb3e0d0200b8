import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import type { TestApp } from '../helpers/harness.js';
import { waitForCompletedJob } from '../helpers/wait.js';
import { stripeEventJobId } from '../../queues/index.js';
import { addMonthsUtc } from '../../src/lib/dates.js';

export const WEBHOOK_SECRET = 'whsec_test_billing_secret';
export const PRICE_PRO = 'price_test_pro';
export const PRICE_ENTERPRISE = 'price_test_enterprise';
export const PRICE_UNKNOWN = 'price_test_unknown';

export const BILLING_ENV = {
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PRICE_PRO: PRICE_PRO,
  STRIPE_PRICE_ENTERPRISE: PRICE_ENTERPRISE,
};

const hex = (bytes = 8) => randomBytes(bytes).toString('hex');
export const newId = (prefix: string) => `${prefix}_test_${hex()}`;
export const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
export const nowSeconds = () => Math.floor(Date.now() / 1000);
export const monthAfter = (s: number) => seconds(addMonthsUtc(new Date(s * 1000), 1));

export interface StripeEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  api_version: string;
  livemode: false;
  data: { object: Record<string, unknown> };
}

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  created = nowSeconds(),
  id = newId('evt'),
): StripeEvent {
  return { id, object: 'event', type, created, api_version: Stripe.API_VERSION, livemode: false, data: { object } };
}

/** A Subscription as the current API sends it (periods on the items). */
export function subscription(o: {
  id: string;
  customer: string;
  price: string;
  status?: string;
  start: number;
  end: number;
  cancelAtPeriodEnd?: boolean;
  metadata?: Record<string, string>;
}): Record<string, unknown> {
  return {
    id: o.id,
    object: 'subscription',
    customer: o.customer,
    status: o.status ?? 'active',
    cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
    cancel_at: o.cancelAtPeriodEnd ? o.end : null,
    created: o.start,
    metadata: o.metadata ?? {},
    trial_end: null,
    items: {
      object: 'list',
      data: [
        {
          id: newId('si'),
          object: 'subscription_item',
          price: { id: o.price, object: 'price' },
          quantity: 1,
          current_period_start: o.start,
          current_period_end: o.end,
        },
      ],
    },
  };
}

/** An Invoice as the current API sends it (subscription under parent, price under pricing). */
export function invoice(o: {
  customer: string;
  subscription: string;
  price: string;
  start: number;
  end: number;
  reason?: string;
  id?: string;
  proration?: boolean;
}): Record<string, unknown> {
  return {
    id: o.id ?? newId('in'),
    object: 'invoice',
    customer: o.customer,
    billing_reason: o.reason ?? 'subscription_cycle',
    status: 'paid',
    parent: { type: 'subscription_details', subscription_details: { subscription: o.subscription, metadata: {} } },
    period_start: o.start,
    period_end: o.start,
    metadata: {},
    lines: {
      object: 'list',
      data: [
        {
          id: newId('il'),
          object: 'line_item',
          period: { start: o.start, end: o.end },
          pricing: { type: 'price_details', price_details: { price: o.price, product: 'prod_test' } },
          parent: {
            type: 'subscription_item_details',
            subscription_item_details: { proration: o.proration ?? false, subscription: o.subscription },
          },
        },
      ],
    },
  };
}

export function checkoutSession(o: {
  customer: string;
  subscription: string;
  owner: { type: string; id: string };
  plan: string;
}): Record<string, unknown> {
  const metadata = { owner_type: o.owner.type, owner_id: o.owner.id, plan: o.plan };
  return {
    id: newId('cs'),
    object: 'checkout.session',
    mode: 'subscription',
    customer: o.customer,
    subscription: o.subscription,
    client_reference_id: `${o.owner.type}_${o.owner.id}`,
    payment_status: 'paid',
    status: 'complete',
    metadata,
  };
}

export function signedHeader(payload: string, secret = WEBHOOK_SECRET, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** Posts an event to the webhook with a valid signature. */
export async function postEvent(
  app: TestApp,
  event: StripeEvent,
  options: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  return app.request
    .post('/webhooks/stripe')
    .set('Content-Type', 'application/json')
    .set('Stripe-Signature', signedHeader(payload, options.secret, options.timestamp))
    .send(payload);
}

/** Delivers an event through the webhook and waits until the stripe-sync worker has applied it. */
export async function deliver(app: TestApp, event: StripeEvent) {
  const response = await postEvent(app, event);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${JSON.stringify(response.body)}`);
  const job = await waitForCompletedJob(app.producer.queues['stripe-sync'], stripeEventJobId(event.id));
  return job.returnvalue as { outcome: string; note?: string };
}
