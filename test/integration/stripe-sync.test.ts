import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitForCompletedJob } from '../helpers/wait.js';
import { registerAndLogin } from '../factories/users.js';
import {
  BILLING_ENV,
  PRICE_ENTERPRISE,
  PRICE_PRO,
  PRICE_UNKNOWN,
  deliver,
  invoice,
  monthAfter,
  newId,
  nowSeconds,
  postEvent,
  signedHeader,
  stripeEvent,
  subscription,
  type StripeEvent,
} from '../factories/stripe-events.js';
import supertest from 'supertest';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createApp } from '../../src/app.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { createStripeSync } from '../../src/domain/billing/sync.js';
import { stripeEventJobId } from '../../queues/index.js';
import { ProcessedStripeEventModel, SubscriptionModel } from '../../src/models/subscription.js';
import { UserModel } from '../../src/models/user.js';

describe('stripe-sync: Stripe events applied exactly once, in any order', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  let scheduler: RunningScheduler;
  let quota: QuotaService;
  beforeAll(async () => {
    // No STRIPE_SECRET_KEY: the webhook and the worker need only the webhook secret.
    app = await startTestApp({ ...BILLING_ENV, STRIPE_PAST_DUE_GRACE_DAYS: '3' });
    workers = await startWorkers(app.config, createLogger('silent'), ['stripe-sync', 'quota-reset']);
    scheduler = await startScheduler(app.config, createLogger('silent'));
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await workers?.stop();
    await app?.stop();
  });

  const stripeQueue = () => app.producer.queues['stripe-sync'];

  async function customerOf() {
    const who = await registerAndLogin(app);
    const customer = newId('cus');
    await UserModel.updateOne({ _id: who.user.id }, { $set: { stripe_customer_id: customer } });
    return { ...who, customer, account: { kind: 'user' as const, id: who.user.id } };
  }

  /** A user with an active subscription on `price`, its first invoice paid. */
  async function subscriber(price = PRICE_PRO) {
    const who = await customerOf();
    const subId = newId('sub');
    const start = nowSeconds() - 3600;
    const end = monthAfter(start);
    const sub = { id: subId, customer: who.customer, price, start, end };
    await deliver(app, stripeEvent('customer.subscription.created', subscription(sub), start));
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({ customer: who.customer, subscription: subId, price, start, end, reason: 'subscription_create' }),
        start,
      ),
    );
    return { ...who, subId, start, end, sub };
  }

  async function use(account: { kind: 'user'; id: string }, tokens: number) {
    const id = randomUUID();
    await quota.reserve(id, [account], tokens, tokens, 60_000);
    await quota.settle(id, [account], tokens, 1);
  }

  const userDoc = async (id: string) => (await UserModel.findById(id).lean())!;
  const record = async (id: string) => (await SubscriptionModel.findOne({ owner_type: 'user', owner_id: id }).lean())!;

  it('refuses a missing, wrong or stale signature with 400 and enqueues nothing', async () => {
    const who = await customerOf();
    const event = stripeEvent(
      'customer.subscription.created',
      subscription({
        id: newId('sub'),
        customer: who.customer,
        price: PRICE_PRO,
        start: nowSeconds(),
        end: monthAfter(nowSeconds()),
      }),
    );
    const payload = JSON.stringify(event);
    const missing = await app.request.post('/webhooks/stripe').set('Content-Type', 'application/json').send(payload);
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('missing_signature');
    const wrongSecret = await postEvent(app, event, { secret: 'whsec_someone_else' });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.error.code).toBe('invalid_signature');
    const tampered = await app.request
      .post('/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signedHeader(payload))
      .send(payload.replace(PRICE_PRO, PRICE_ENTERPRISE));
    expect(tampered.status).toBe(400);
    // A captured delivery replayed later than the tolerance (5 minutes).
    const replayed = await postEvent(app, event, { timestamp: nowSeconds() - 600 });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_signature' });
    expect(await stripeQueue().getJob(stripeEventJobId(event.id))).toBeUndefined();
    expect((await userDoc(who.user.id)).subscription_tier).toBe('free');
  });

  it('refuses jobs forged straight into the queue (made-up events granting a paid tier) and changes nothing', async () => {
    const who = await customerOf();
    const start = nowSeconds();
    const forgedEvent = (id = newId('evt')) =>
      stripeEvent(
        'customer.subscription.created',
        subscription({
          id: newId('sub'),
          customer: who.customer,
          price: PRICE_ENTERPRISE,
          start,
          end: monthAfter(start),
        }),
        start,
        id,
      );
    const genuine = JSON.stringify(forgedEvent());
    const forgeries = [
      // A made-up event, signed with a guessed secret.
      (() => {
        const event = forgedEvent();
        const payload = JSON.stringify(event);
        return {
          event_id: event.id,
          type: event.type,
          created: event.created,
          event,
          payload,
          signature: signedHeader(payload, 'whsec_guessed'),
        };
      })(),
      // A real signature header of another payload, next to a made-up one.
      (() => {
        const event = forgedEvent();
        return {
          event_id: event.id,
          type: event.type,
          created: event.created,
          event,
          payload: JSON.stringify(event),
          signature: signedHeader(genuine),
        };
      })(),
    ];
    for (const [i, data] of forgeries.entries()) {
      const job = await stripeQueue().add('stripe-sync', data, { jobId: `forged-${i}-${newId('job')}`, attempts: 5 });
      const error = await waitForCompletedJob(stripeQueue(), job.id!).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message ?? `forgery ${i} was applied`).toMatch(/signature/i);
      expect((await stripeQueue().getJob(job.id!))!.attemptsMade).toBe(1);
      expect(await ProcessedStripeEventModel.countDocuments({ event_id: data.event_id })).toBe(0);
    }
    expect(await userDoc(who.user.id)).toMatchObject({ subscription_tier: 'free', monthly_limit: 10_000 });
    expect(await SubscriptionModel.countDocuments({ owner_type: 'user', owner_id: who.user.id })).toBe(0);
  });

  it('applies a genuine delivery that waited in the queue far longer than the webhook tolerance', async () => {
    const who = await customerOf();
    const start = nowSeconds() - 7200;
    const event = stripeEvent(
      'customer.subscription.created',
      subscription({ id: newId('sub'), customer: who.customer, price: PRICE_PRO, start, end: monthAfter(start) }),
      start,
    );
    const payload = JSON.stringify(event);
    // Signed two hours ago (the webhook accepted it then); the worker checks the signature, not the age.
    const signature = signedHeader(payload, undefined, start);
    await stripeQueue().add(
      'stripe-sync',
      { event_id: event.id, type: event.type, created: event.created, payload, signature },
      { jobId: stripeEventJobId(event.id) },
    );
    expect((await waitForCompletedJob(stripeQueue(), stripeEventJobId(event.id))).returnvalue).toMatchObject({
      outcome: 'applied',
    });
    expect(await userDoc(who.user.id)).toMatchObject({ subscription_tier: 'pro' });
  });

  it('answers 2xx to event types it does not handle, without a job', async () => {
    const event = stripeEvent('charge.refunded', { id: newId('ch'), object: 'charge' });
    const response = await postEvent(app, event);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ received: true, handled: false });
    expect(await stripeQueue().getJob(stripeEventJobId(event.id))).toBeUndefined();
  });

  it('applies an event delivered 20 times at once exactly once', async () => {
    const who = await subscriber();
    await use(who.account, 700);
    const nextEnd = monthAfter(who.end);
    const renewal = stripeEvent(
      'invoice.paid',
      invoice({ customer: who.customer, subscription: who.subId, price: PRICE_PRO, start: who.end, end: nextEnd }),
      who.end,
    );
    const responses = await Promise.all(Array.from({ length: 20 }, () => postEvent(app, renewal)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.body.job_id))).toEqual(new Set([stripeEventJobId(renewal.id)]));
    await waitForCompletedJob(stripeQueue(), stripeEventJobId(renewal.id));
    // The renewal reset the period once; usage after it is not wiped by a redelivery.
    await use(who.account, 250);
    await deliver(app, renewal);
    const sync = createStripeSync({ config: app.config, logger: createLogger('silent'), redis: app.redis, quota });
    expect(
      await sync.process({
        event_id: renewal.id,
        type: renewal.type,
        created: renewal.created,
        event: renewal as never,
      }),
    ).toEqual({ outcome: 'duplicate' });
    expect(await quota.snapshot(who.account)).toMatchObject({
      used: 250,
      limit: 1_000_000,
      period: new Date(nextEnd * 1000).toISOString(),
    });
    const history = (await record(who.user.id)).history.filter((h) => h.event_id === renewal.id);
    expect(history).toHaveLength(1);
    expect(await ProcessedStripeEventModel.countDocuments({ event_id: renewal.id })).toBe(1);
  });

  it('ends in the same state when subscription events arrive in reverse order', async () => {
    const who = await customerOf();
    const start = nowSeconds() - 100;
    const end = monthAfter(start);
    const sub = { id: newId('sub'), customer: who.customer, price: PRICE_PRO, start, end };
    const created = stripeEvent('customer.subscription.created', subscription(sub), start);
    const cancelled = stripeEvent(
      'customer.subscription.updated',
      subscription({ ...sub, cancelAtPeriodEnd: true }),
      start + 10,
    );
    await deliver(app, cancelled);
    expect(await deliver(app, created)).toMatchObject({ note: expect.stringMatching(/^ignored: stale/) });
    expect(await record(who.user.id)).toMatchObject({ tier: 'pro', status: 'active', cancel_at_period_end: true });

    const deleted = stripeEvent(
      'customer.subscription.deleted',
      subscription({ ...sub, status: 'canceled' }),
      start + 20,
    );
    const reactivated = stripeEvent('customer.subscription.updated', subscription(sub), start + 15);
    await deliver(app, deleted);
    await deliver(app, reactivated);
    expect(await record(who.user.id)).toMatchObject({ tier: 'free', status: 'canceled' });
    expect(await userDoc(who.user.id)).toMatchObject({ subscription_tier: 'free', monthly_limit: 10_000 });
  });

  it('does not apply a replayed old event again, nor an older snapshot under a new id', async () => {
    const who = await subscriber();
    const upgrade = stripeEvent(
      'customer.subscription.updated',
      subscription({ ...who.sub, price: PRICE_ENTERPRISE }),
      who.start + 50,
    );
    await deliver(app, upgrade);
    const downgradeLater = stripeEvent(
      'customer.subscription.updated',
      subscription({ ...who.sub, price: PRICE_PRO }),
      who.start + 60,
    );
    await deliver(app, downgradeLater);
    expect(await record(who.user.id)).toMatchObject({ tier: 'enterprise', pending_tier: 'pro' });
    // The same upgrade delivered again (a Stripe retry with a fresh signature) is a duplicate.
    const again = await postEvent(app, upgrade);
    expect(again.status).toBe(200);
    const sync = createStripeSync({ config: app.config, logger: createLogger('silent'), redis: app.redis, quota });
    expect(
      await sync.process({
        event_id: upgrade.id,
        type: upgrade.type,
        created: upgrade.created,
        event: upgrade as never,
      }),
    ).toEqual({ outcome: 'duplicate' });
    // An old state under a new id is older than what was applied: ignored.
    const stale = stripeEvent(
      'customer.subscription.updated',
      subscription({ ...who.sub, price: PRICE_ENTERPRISE }),
      who.start + 55,
    );
    expect(await deliver(app, stale)).toMatchObject({ note: expect.stringMatching(/^ignored: stale/) });
    expect(await record(who.user.id)).toMatchObject({ tier: 'enterprise', pending_tier: 'pro' });
  });

  it('ignores an unknown price with a note in the history and no tier change', async () => {
    const who = await subscriber();
    const event = stripeEvent(
      'customer.subscription.updated',
      subscription({ ...who.sub, price: PRICE_UNKNOWN }),
      who.start + 30,
    );
    expect(await deliver(app, event)).toMatchObject({
      outcome: 'applied',
      note: `ignored: unknown price ${PRICE_UNKNOWN}; no tier change`,
    });
    const doc = await record(who.user.id);
    expect(doc).toMatchObject({ tier: 'pro', stripe_price_id: PRICE_PRO });
    expect(doc.history.at(-1)).toMatchObject({ event_id: event.id, from_tier: 'pro', to_tier: 'pro' });
    expect(await userDoc(who.user.id)).toMatchObject({ subscription_tier: 'pro', monthly_limit: 1_000_000 });
  });

  it('upgrades mid-period at once, keeping the usage of the period', async () => {
    const who = await subscriber();
    await use(who.account, 4321);
    await deliver(
      app,
      stripeEvent(
        'customer.subscription.updated',
        subscription({ ...who.sub, price: PRICE_ENTERPRISE }),
        who.start + 40,
      ),
    );
    // The proration invoice of the upgrade does not start a period.
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({
          customer: who.customer,
          subscription: who.subId,
          price: PRICE_ENTERPRISE,
          start: who.start + 40,
          end: who.end,
          reason: 'subscription_update',
        }),
        who.start + 41,
      ),
    );
    expect(await quota.snapshot(who.account)).toMatchObject({
      limit: 10_000_000,
      used: 4321,
      period: new Date(who.end * 1000).toISOString(),
    });
    const current = await app.request.get('/subscriptions/current').set(who.auth);
    expect(current.body).toMatchObject({
      tier: 'enterprise',
      usage: { monthly_limit: 10_000_000, tokens_used: 4321, tokens_remaining: 10_000_000 - 4321 },
    });
    expect((await app.request.get('/auth/me').set(who.auth)).body).toMatchObject({
      subscription_tier: 'enterprise',
      monthly_limit: 10_000_000,
      tokens_used: 4321,
    });
  });

  it('downgrades at the end of the period, when the renewal is paid', async () => {
    const who = await subscriber(PRICE_ENTERPRISE);
    await use(who.account, 900);
    await deliver(
      app,
      stripeEvent('customer.subscription.updated', subscription({ ...who.sub, price: PRICE_PRO }), who.start + 40),
    );
    expect(await quota.snapshot(who.account)).toMatchObject({ limit: 10_000_000, used: 900 });
    expect((await app.request.get('/subscriptions/current').set(who.auth)).body).toMatchObject({
      tier: 'enterprise',
      pending_tier: 'pro',
    });
    const nextEnd = monthAfter(who.end);
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({ customer: who.customer, subscription: who.subId, price: PRICE_PRO, start: who.end, end: nextEnd }),
        who.end + 5,
      ),
    );
    expect(await quota.snapshot(who.account)).toMatchObject({
      limit: 1_000_000,
      used: 0,
      period: new Date(nextEnd * 1000).toISOString(),
    });
    expect(await userDoc(who.user.id)).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      tokens_used: 0,
      reset_date: new Date(nextEnd * 1000),
    });
    expect(await record(who.user.id)).toMatchObject({ tier: 'pro', pending_tier: null });
  });

  it('keeps the tier through the grace period after a failed payment, then drops to free, and restores it when paid', async () => {
    const who = await subscriber();
    await use(who.account, 1234);
    const failedAt = who.start + 100;
    await deliver(
      app,
      stripeEvent(
        'invoice.payment_failed',
        invoice({ customer: who.customer, subscription: who.subId, price: PRICE_PRO, start: who.start, end: who.end }),
        failedAt,
      ),
    );
    expect(await record(who.user.id)).toMatchObject({ tier: 'pro', status: 'past_due' });
    const tick = async (at: Date) => waitForCompletedJob(app.producer.queues['quota-reset'], await scheduler.tick(at));
    await tick(new Date((failedAt + 2 * 86_400) * 1000));
    expect((await userDoc(who.user.id)).subscription_tier).toBe('pro');
    await tick(new Date((failedAt + 3 * 86_400 + 60) * 1000));
    expect(await userDoc(who.user.id)).toMatchObject({
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_used: 1234,
    });
    expect((await record(who.user.id)).history.at(-1)).toMatchObject({ event_type: 'grace_expired', to_tier: 'free' });
    // A snapshot from before the grace ended does not bring the tier back...
    await deliver(
      app,
      stripeEvent('customer.subscription.updated', subscription({ ...who.sub, status: 'past_due' }), failedAt + 60),
    );
    expect((await userDoc(who.user.id)).subscription_tier).toBe('free');
    // ...the payment does.
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({ customer: who.customer, subscription: who.subId, price: PRICE_PRO, start: who.start, end: who.end }),
        failedAt + 4 * 86_400,
      ),
    );
    expect(await userDoc(who.user.id)).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      tokens_used: 1234,
    });
    expect(await record(who.user.id)).toMatchObject({ status: 'active', past_due_since: null });
  });

  it('does not lose or double an event when a worker dies after applying it but before claiming it', async () => {
    const who = await subscriber();
    const sync = createStripeSync({ config: app.config, logger: createLogger('silent'), redis: app.redis, quota });
    const nextEnd = monthAfter(who.end);
    const renewal = stripeEvent(
      'invoice.paid',
      invoice({ customer: who.customer, subscription: who.subId, price: PRICE_PRO, start: who.end, end: nextEnd }),
      who.end,
    );
    const envelope = (event: StripeEvent) => ({
      event_id: event.id,
      type: event.type,
      created: event.created,
      event: event as never,
    });

    // Case 1: effects and the record written, then the process died: no claim.
    await sync.apply(envelope(renewal));
    expect(await ProcessedStripeEventModel.countDocuments({ event_id: renewal.id })).toBe(0);
    await use(who.account, 300);
    await deliver(app, renewal);
    expect(await quota.snapshot(who.account)).toMatchObject({
      used: 300,
      period: new Date(nextEnd * 1000).toISOString(),
    });
    expect((await record(who.user.id)).history.filter((h) => h.event_id === renewal.id)).toHaveLength(1);
    expect(await ProcessedStripeEventModel.countDocuments({ event_id: renewal.id })).toBe(1);

    // Case 2: the payer's period moved, then the process died before the record was written.
    const before = await record(who.user.id);
    const thirdEnd = monthAfter(nextEnd);
    const second = stripeEvent(
      'invoice.paid',
      invoice({
        customer: who.customer,
        subscription: who.subId,
        price: PRICE_ENTERPRISE,
        start: nextEnd,
        end: thirdEnd,
      }),
      nextEnd,
    );
    await sync.apply(envelope(second));
    await SubscriptionModel.replaceOne({ _id: before._id }, before);
    await use(who.account, 77);
    expect(await deliver(app, second)).toMatchObject({ note: expect.stringMatching(/already started/) });
    expect(await quota.snapshot(who.account)).toMatchObject({
      used: 77,
      limit: 10_000_000,
      period: new Date(thirdEnd * 1000).toISOString(),
    });
    expect(await record(who.user.id)).toMatchObject({
      tier: 'enterprise',
      current_period_end: new Date(thirdEnd * 1000),
    });
  });

  it('ignores events of customers that belong to nobody, and still claims them', async () => {
    const event = stripeEvent(
      'invoice.paid',
      invoice({
        customer: newId('cus'),
        subscription: newId('sub'),
        price: PRICE_PRO,
        start: nowSeconds(),
        end: monthAfter(nowSeconds()),
      }),
    );
    expect(await deliver(app, event)).toEqual({ outcome: 'unknown_customer' });
    expect(await ProcessedStripeEventModel.countDocuments({ event_id: event.id })).toBe(1);
  });

  it('answers 503 on the webhook when no webhook secret is configured', async () => {
    const bare = createApp({
      config: { ...app.config, STRIPE_WEBHOOK_SECRET: undefined },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const event = stripeEvent('invoice.paid', {});
    const payload = JSON.stringify(event);
    const response = await supertest(bare.app)
      .post('/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', signedHeader(payload))
      .send(payload);
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('webhooks_not_configured');
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(await stripeQueue().getJob(stripeEventJobId(event.id))).toBeUndefined();
  });
});
