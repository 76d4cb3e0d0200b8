import { z } from 'zod';
import { TIERS, limitSchemas, paidTierSchema } from '../../domain/plans/catalog.js';
import { objectIdSchema } from '../../lib/ids.js';

const objectId = objectIdSchema();
const url = z.string().trim().min(1).max(2048);

export const organizationQuerySchema = z.object({ organization_id: objectId.optional() }).openapi('BillingOwnerQuery');

export const checkoutBodySchema = z
  .object({
    plan: paidTierSchema,
    success_url: url.optional(),
    cancel_url: url.optional(),
    /** Buy for an organization the caller owns instead of for themselves. */
    organization_id: objectId.optional(),
  })
  .strict()
  .openapi('CheckoutRequest');

export const portalBodySchema = z
  .object({ return_url: url.optional(), organization_id: objectId.optional() })
  .strict()
  .openapi('PortalRequest');
export const manageBodySchema = z
  .object({ organization_id: objectId.optional() })
  .strict()
  .openapi('SubscriptionChangeRequest');

export const planSchema = z
  .object({
    tier: z.enum(TIERS),
    ...limitSchemas(() => z.number()),
    models: z.array(z.string()),
    price_usd_month: z.number(),
    stripe_price_id: z.string().nullable(),
    purchasable: z.boolean(),
  })
  .openapi('Plan');

export const plansResponseSchema = z
  .object({ plans: z.array(planSchema), billing_enabled: z.boolean() })
  .openapi('Plans');

export const currentSubscriptionSchema = z
  .object({
    owner: z.object({ type: z.enum(['user', 'organization']), id: z.string() }),
    tier: z.enum(TIERS),
    status: z.string(),
    current_period: z.object({ start: z.string(), end: z.string() }),
    cancel_at_period_end: z.boolean(),
    pending_tier: z.enum(TIERS).nullable(),
    past_due_since: z.string().nullable(),
    limits: z.object({ ...limitSchemas(() => z.number()), models: z.array(z.string()) }),
    usage: z.object({
      monthly_limit: z.number(),
      tokens_used: z.number(),
      tokens_reserved: z.number(),
      tokens_remaining: z.number(),
      api_calls: z.number(),
      reset_date: z.string(),
    }),
    has_billing_account: z.boolean(),
  })
  .openapi('CurrentSubscription');

export const checkoutResponseSchema = z.object({ url: z.string(), session_id: z.string() }).openapi('CheckoutSession');
export const portalResponseSchema = z.object({ url: z.string() }).openapi('PortalSession');
export const webhookResponseSchema = z
  .object({ received: z.literal(true), handled: z.boolean(), job_id: z.string().optional() })
  .openapi('WebhookAck');
