import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startStripeMock, type StripeMock } from '../helpers/stripe-mock.js';
import { registerAndLogin } from '../factories/users.js';
import {
  BILLING_ENV,
  PRICE_PRO,
  checkoutSession,
  deliver,
  invoice,
  monthAfter,
  newId,
  nowSeconds,
  stripeEvent,
  subscription,
} from '../factories/stripe-events.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { SubscriptionModel } from '../../src/models/subscription.js';
import { UserModel } from '../../src/models/user.js';
import { addMonthsUtc } from '../../src/lib/dates.js';

describe('buying a plan, managing it and letting it end (the whole purchase)', () => {
  let stripe: StripeMock;
  let app: TestApp;
  let workers: RunningWorkers;
  beforeAll(async () => {
    stripe = await startStripeMock();
    app = await startTestApp({ ...BILLING_ENV, STRIPE_SECRET_KEY: 'sk_test_billing', STRIPE_API_BASE: stripe.url });
    workers = await startWorkers(app.config, createLogger('silent'), ['stripe-sync', 'quota-reset']);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
    await stripe?.stop();
  });

  it('checkout -> webhooks -> pro -> portal -> cancel -> deleted at period end -> free', async () => {
    const buyer = await registerAndLogin(app);
    const fresh = await app.request.get('/subscriptions/current').set(buyer.auth);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      tier: 'free',
      status: 'free',
      cancel_at_period_end: false,
      limits: { monthly_tokens: 10_000 },
      usage: { monthly_limit: 10_000, tokens_used: 0 },
    });

    const plans = await app.request.get('/subscriptions/plans');
    expect(plans.body.plans.find((p: { tier: string }) => p.tier === 'pro')).toMatchObject({
      stripe_price_id: PRICE_PRO,
      purchasable: true,
      monthly_tokens: 1_000_000,
    });

    // Checkout: one customer, a subscription-mode session tied to the user, at the configured price.
    const checkout = await app.request.post('/subscriptions/checkout').set(buyer.auth).send({ plan: 'pro' });
    expect(checkout.status).toBe(200);
    expect(checkout.body.url).toMatch(/^https:\/\//);
    expect(checkout.body.session_id).toMatch(/^cs_/);
    const [customerCall] = stripe.calls('POST', '/v1/customers');
    expect(customerCall?.params.get('metadata[owner_id]')).toBe(buyer.user.id);
    const [sessionCall] = stripe.calls('POST', '/v1/checkout/sessions');
    expect(sessionCall?.params.get('mode')).toBe('subscription');
    expect(sessionCall?.params.get('line_items[0][price]')).toBe(PRICE_PRO);
    expect(sessionCall?.params.get('client_reference_id')).toBe(`user_${buyer.user.id}`);
    expect(sessionCall?.params.get('subscription_data[metadata][plan]')).toBe('pro');
    const customer = (await UserModel.findById(buyer.user.id).lean())!.stripe_customer_id!;
    expect(customer).toMatch(/^cus_/);
    expect(sessionCall?.params.get('customer')).toBe(customer);

    // Stripe completes the checkout: session, subscription and first invoice events.
    const subId = newId('sub');
    const start = nowSeconds() + 1;
    const end = monthAfter(start);
    const owner = { type: 'user', id: buyer.user.id };
    const sub = { id: subId, customer, price: PRICE_PRO, start, end };
    await deliver(
      app,
      stripeEvent(
        'checkout.session.completed',
        checkoutSession({ customer, subscription: subId, owner, plan: 'pro' }),
        start,
      ),
    );
    await deliver(app, stripeEvent('customer.subscription.created', subscription(sub), start));
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({ customer, subscription: subId, price: PRICE_PRO, start, end, reason: 'subscription_create' }),
        start,
      ),
    );

    const me = await app.request.get('/auth/me').set(buyer.auth);
    expect(me.body).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      tokens_remaining: 1_000_000,
      reset_date: new Date(end * 1000).toISOString(),
    });
    const current = await app.request.get('/subscriptions/current').set(buyer.auth);
    expect(current.body).toMatchObject({
      tier: 'pro',
      status: 'active',
      cancel_at_period_end: false,
      has_billing_account: true,
      current_period: { start: new Date(start * 1000).toISOString(), end: new Date(end * 1000).toISOString() },
      limits: { monthly_tokens: 1_000_000 },
      usage: { monthly_limit: 1_000_000, tokens_used: 0 },
    });

    // A second checkout while subscribed is refused; the portal is where plans change.
    const again = await app.request.post('/subscriptions/checkout').set(buyer.auth).send({ plan: 'enterprise' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_subscribed');
    const portal = await app.request.post('/subscriptions/portal').set(buyer.auth).send({});
    expect(portal.status).toBe(200);
    expect(portal.body.url).toMatch(/^https:\/\//);
    expect(stripe.calls('POST', '/v1/billing_portal/sessions')[0]?.params.get('customer')).toBe(customer);

    // Cancel at period end: Stripe is told, the tier stays until the period ends.
    const cancel = await app.request.post('/subscriptions/cancel').set(buyer.auth).send({});
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ tier: 'pro', cancel_at_period_end: true });
    expect(stripe.calls('POST', `/v1/subscriptions/${subId}`)[0]?.params.get('cancel_at_period_end')).toBe('true');
    await deliver(
      app,
      stripeEvent('customer.subscription.updated', subscription({ ...sub, cancelAtPeriodEnd: true }), start + 60),
    );
    expect((await app.request.get('/subscriptions/current').set(buyer.auth)).body).toMatchObject({
      tier: 'pro',
      cancel_at_period_end: true,
    });

    // Resume and cancel again (both reach Stripe).
    expect((await app.request.post('/subscriptions/resume').set(buyer.auth).send({})).body.cancel_at_period_end).toBe(
      false,
    );
    expect((await app.request.post('/subscriptions/cancel').set(buyer.auth).send({})).body.cancel_at_period_end).toBe(
      true,
    );
    expect(stripe.calls('POST', `/v1/subscriptions/${subId}`).map((c) => c.params.get('cancel_at_period_end'))).toEqual(
      ['true', 'false', 'true'],
    );

    // The period ends: Stripe deletes the subscription; the user is free with a fresh free period.
    await deliver(
      app,
      stripeEvent(
        'customer.subscription.deleted',
        subscription({ ...sub, status: 'canceled', cancelAtPeriodEnd: true }),
        end + 5,
      ),
    );
    const after = await app.request.get('/auth/me').set(buyer.auth);
    const nextEnd = addMonthsUtc(new Date(end * 1000), 1).toISOString();
    expect(after.body).toMatchObject({
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
      reset_date: nextEnd,
    });
    expect((await app.request.get('/subscriptions/current').set(buyer.auth)).body).toMatchObject({
      tier: 'free',
      status: 'canceled',
      cancel_at_period_end: false,
      usage: { monthly_limit: 10_000, tokens_used: 0, reset_date: nextEnd },
    });
    const portalAfter = await app.request.post('/subscriptions/resume').set(buyer.auth).send({});
    expect(portalAfter.status).toBe(409);
    expect(portalAfter.body.error.code).toBe('subscription_ended');

    const record = await SubscriptionModel.findOne({ owner_type: 'user', owner_id: buyer.user.id }).lean();
    expect(record!.history.map((h) => [h.event_type, h.to_tier])).toEqual([
      ['checkout.session.completed', 'pro'],
      ['customer.subscription.created', 'pro'],
      ['invoice.paid', 'pro'],
      ['cancel_requested', 'pro'],
      ['customer.subscription.updated', 'pro'],
      ['resume_requested', 'pro'],
      ['cancel_requested', 'pro'],
      ['customer.subscription.deleted', 'free'],
    ]);
  });
});
