import type { RedisClient } from '../../lib/redis.js';
import type Stripe from 'stripe';
import type { z } from 'zod';
import type { Config } from '../../config/index.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, UpstreamError } from '../../lib/errors.js';
import { loadForMember } from '../organizations/membership.js';
import { SubscriptionModel } from '../../models/subscription.js';
import type { UserDoc } from '../../models/user.js';
import { modelsForTier } from '../../domain/plans/models.js';
import type { QuotaService } from '../../domain/quota/service.js';
import { isLive, type BillingRecord } from '../../domain/billing/decide.js';
import { createPayerLock } from '../../domain/billing/lock.js';
import {
  accountOf,
  limitFor,
  loadPayer,
  setPayerFields,
  type PayerRef,
  type PayerState,
} from '../../domain/billing/payers.js';
import { createPeriods, periodStartOf } from '../../domain/billing/periods.js';
import { TIERS, isPaidTier, requestLimitsOf, type PaidTier, type Tier } from '../../domain/plans/catalog.js';
import { checkoutPriceOf } from '../../domain/plans/prices.js';
import { createBillingState } from '../../domain/billing/state.js';
import { billingNotConfigured, callStripe } from './stripe-client.js';
import type { RedirectPolicy } from './redirects.js';
import type { currentSubscriptionSchema, plansResponseSchema } from './schemas.js';
import { isoOrNull as iso } from '../../lib/dates.js';

interface Deps {
  config: Config;
  /** null when STRIPE_SECRET_KEY is not set: the calls that need Stripe answer 503. */
  stripe: Stripe | null;
  redis: RedisClient;
  quota: QuotaService;
  redirects: RedirectPolicy;
}

type Current = z.infer<typeof currentSubscriptionSchema>;

export function createSubscriptionService({ config, stripe, redis, quota, redirects }: Deps) {
  const lock = createPayerLock({ redis, prefix: config.REDIS_PREFIX });
  const periods = createPeriods({ redis, prefix: config.REDIS_PREFIX, quota });
  const state = createBillingState({ config, quota, periods });

  function requireStripe(): Stripe {
    if (!stripe) throw billingNotConfigured();
    return stripe;
  }

  /** The payer whose billing the caller sees (or, with `manage`, changes): themselves, a sub-user's parent, or an organization. */
  async function billingOwner(user: UserDoc, organizationId: string | undefined, manage: boolean): Promise<PayerState> {
    let ref: PayerRef;
    if (organizationId) {
      const { me } = await loadForMember(organizationId, user._id.toString());
      if (manage && me.role !== 'owner')
        throw new ForbiddenError(
          "Only the organization's owner can manage its subscription",
          'organization_owner_required',
        );
      ref = { type: 'organization', id: organizationId };
    } else if (user.is_sub_user && user.parent_user_id) {
      if (manage)
        throw new ForbiddenError('Sub-users share the subscription of the account they belong to', 'sub_user_billing');
      ref = { type: 'user', id: user.parent_user_id.toString() };
    } else {
      ref = { type: 'user', id: user._id.toString() };
    }
    const payer = await loadPayer(ref);
    if (!payer) throw new NotFoundError(ref.type === 'organization' ? 'Organization' : 'Account');
    return payer;
  }

  function plans(): z.infer<typeof plansResponseSchema> {
    return {
      billing_enabled: Boolean(stripe),
      plans: TIERS.map((tier) => {
        const plan = config.plans[tier];
        const price = isPaidTier(tier) ? (checkoutPriceOf(config, tier) ?? null) : null;
        return {
          tier,
          monthly_tokens: plan.monthly_tokens,
          ...requestLimitsOf(plan),
          models: modelsForTier(config, tier),
          price_usd_month: plan.price_usd_month,
          stripe_price_id: price,
          purchasable: Boolean(price && stripe),
        };
      }),
    };
  }

  async function describe(payer: PayerState, record: BillingRecord): Promise<Current> {
    const tier = payer.tier;
    const plan = config.plans[tier];
    const snap = await quota.snapshot(accountOf(payer.ref));
    const limit = snap?.limit ?? payer.monthly_limit;
    const used = snap?.used ?? 0;
    const stripePeriod =
      record.current_period_end?.getTime() === payer.reset_date.getTime() && record.current_period_start;
    return {
      owner: payer.ref,
      tier,
      status: record.status !== 'none' ? record.status : tier === 'free' ? 'free' : 'active',
      current_period: {
        start: (stripePeriod || periodStartOf(payer.reset_date)).toISOString(),
        end: payer.reset_date.toISOString(),
      },
      cancel_at_period_end: record.cancel_at_period_end,
      pending_tier: record.pending_tier,
      past_due_since: iso(record.past_due_since),
      limits: {
        monthly_tokens: limitFor(config, payer, tier),
        ...requestLimitsOf(plan),
        models: modelsForTier(config, tier),
      },
      usage: {
        monthly_limit: limit,
        tokens_used: used,
        tokens_reserved: snap?.reserved ?? 0,
        tokens_remaining: Math.max(0, limit - used),
        api_calls: snap?.calls ?? 0,
        reset_date: payer.reset_date.toISOString(),
      },
      has_billing_account: Boolean(payer.stripe_customer_id),
    };
  }

  async function current(user: UserDoc, organizationId?: string): Promise<Current> {
    const payer = await billingOwner(user, organizationId, false);
    return describe(payer, (await state.load(payer.ref)).record);
  }

  /** The payer's Stripe customer, created once: under the payer lock, with an idempotency key as a second guard. */
  async function ensureCustomer(client: Stripe, payer: PayerState): Promise<string> {
    if (payer.stripe_customer_id) return payer.stripe_customer_id;
    const metadata = { owner_type: payer.ref.type, owner_id: payer.ref.id };
    const customer = await callStripe('create customer', () =>
      client.customers.create(
        { email: payer.email ?? undefined, metadata },
        { idempotencyKey: `customer-${payer.ref.type}-${payer.ref.id}` },
      ),
    );
    await setPayerFields(payer.ref, { stripe_customer_id: customer.id });
    await SubscriptionModel.updateOne(
      { owner_type: payer.ref.type, owner_id: payer.ref.id },
      { $set: { stripe_customer_id: customer.id } },
      { upsert: true },
    );
    return customer.id;
  }

  async function checkout(
    user: UserDoc,
    input: { plan: PaidTier; success_url?: string; cancel_url?: string; organization_id?: string },
  ) {
    const client = requireStripe();
    const price = checkoutPriceOf(config, input.plan);
    if (!price)
      throw new BadRequestError(`The ${input.plan} plan is not for sale on this server (no Stripe price configured)`, {
        code: 'plan_not_available',
        param: 'plan',
      });
    const successUrl = redirects.check(input.success_url, redirects.defaults.success, 'success_url');
    const cancelUrl = redirects.check(input.cancel_url, redirects.defaults.cancel, 'cancel_url');
    const owner = await billingOwner(user, input.organization_id, true);
    return lock.withLock(owner.ref, async () => {
      const payer = (await loadPayer(owner.ref)) ?? owner;
      const { record } = await state.load(payer.ref);
      if (isLive(record.status)) {
        throw new ConflictError(
          'There is already a subscription; change or cancel it in the billing portal',
          'already_subscribed',
        );
      }
      const customer = await ensureCustomer(client, payer);
      const metadata = { owner_type: payer.ref.type, owner_id: payer.ref.id, plan: input.plan };
      const session = await callStripe('create checkout session', () =>
        client.checkout.sessions.create({
          mode: 'subscription',
          customer,
          line_items: [{ price, quantity: 1 }],
          client_reference_id: `${payer.ref.type}_${payer.ref.id}`,
          metadata,
          subscription_data: { metadata },
          success_url: successUrl,
          cancel_url: cancelUrl,
        }),
      );
      if (!session.url) throw new UpstreamError(502, 'Stripe did not return a checkout URL', 'stripe_error');
      return { url: session.url, session_id: session.id };
    });
  }

  async function portal(user: UserDoc, input: { return_url?: string; organization_id?: string }) {
    const client = requireStripe();
    const returnUrl = redirects.check(input.return_url, redirects.defaults.portalReturn, 'return_url');
    const payer = await billingOwner(user, input.organization_id, true);
    if (!payer.stripe_customer_id)
      throw new ConflictError('There is no billing account yet; start a subscription first', 'no_billing_account');
    const session = await callStripe('create billing portal session', () =>
      client.billingPortal.sessions.create({ customer: payer.stripe_customer_id!, return_url: returnUrl }),
    );
    return { url: session.url };
  }

  /** Sets or clears cancel-at-period-end in Stripe, then records it (the webhook that follows confirms it). */
  async function setCancelAtPeriodEnd(
    user: UserDoc,
    organizationId: string | undefined,
    cancel: boolean,
  ): Promise<Current> {
    const client = requireStripe();
    const owner = await billingOwner(user, organizationId, true);
    return lock.withLock(owner.ref, async () => {
      const payer = (await loadPayer(owner.ref)) ?? owner;
      const { record } = await state.load(payer.ref);
      const subscriptionId = record.stripe_subscription_id;
      if (!subscriptionId || !isLive(record.status)) {
        if (!cancel && record.status === 'canceled')
          throw new ConflictError('The subscription has ended; start a new one with checkout', 'subscription_ended');
        throw new ConflictError('There is no active subscription', 'no_active_subscription');
      }
      if (record.cancel_at_period_end === cancel) return describe(payer, record);
      await callStripe(cancel ? 'cancel subscription' : 'resume subscription', () =>
        client.subscriptions.update(subscriptionId, { cancel_at_period_end: cancel }),
      );
      const next = { ...record, cancel_at_period_end: cancel };
      const tier: Tier = payer.tier;
      await state.save(payer.ref, next, tier, {
        at: new Date(),
        event_id: null,
        event_type: cancel ? 'cancel_requested' : 'resume_requested',
        from_tier: tier,
        to_tier: tier,
        status: next.status,
        note: `${cancel ? 'cancel at the end of the period' : 'resumed'} (requested by user ${user._id.toString()})`,
      });
      return describe(payer, next);
    });
  }

  return {
    plans,
    current,
    checkout,
    portal,
    cancel: (user: UserDoc, organizationId?: string) => setCancelAtPeriodEnd(user, organizationId, true),
    resume: (user: UserDoc, organizationId?: string) => setCancelAtPeriodEnd(user, organizationId, false),
  };
}
export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
