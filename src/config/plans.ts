import { z } from 'zod';

export const TIERS = ['free', 'pro', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

const planFields = {
  monthly_tokens: z.number().int().min(0),
  requests_per_minute: z.number().int().min(1),
  concurrent_streams: z.number().int().min(1),
  /** `*` means every configured model; otherwise the free subset. */
  models: z.enum(['free', 'all']),
  /** BullMQ priority: 1 is served first. */
  queue_priority: z.number().int().min(1),
  stripe_price_id: z.string().optional(),
  price_usd_month: z.number().min(0),
};
export const planSchema = z.object({ ...planFields, price_usd_month: planFields.price_usd_month.default(0) });
export type Plan = z.infer<typeof planSchema>;

export const DEFAULT_PLANS: Record<Tier, Plan> = {
  free: {
    monthly_tokens: 10_000,
    requests_per_minute: 20,
    concurrent_streams: 2,
    models: 'free',
    queue_priority: 10,
    price_usd_month: 0,
  },
  pro: {
    monthly_tokens: 1_000_000,
    requests_per_minute: 120,
    concurrent_streams: 8,
    models: 'all',
    queue_priority: 5,
    price_usd_month: 20,
  },
  enterprise: {
    monthly_tokens: 10_000_000,
    requests_per_minute: 600,
    concurrent_streams: 32,
    models: 'all',
    queue_priority: 1,
    price_usd_month: 200,
  },
};

/**
 * Overrides name only the tiers and fields they change (`{"free":{"monthly_tokens":5000}}`); the rest keep their
 * defaults. No field has a default here, or a partial override would reset it. Unknown tiers and fields are refused.
 */
export const plansOverrideSchema = z.partialRecord(z.enum(TIERS), z.object(planFields).partial().strict()).optional();

export function buildPlans(overrideJson: string | undefined): Record<Tier, Plan> {
  const override = overrideJson ? plansOverrideSchema.parse(JSON.parse(overrideJson)) : undefined;
  const plans = {} as Record<Tier, Plan>;
  for (const tier of TIERS) plans[tier] = Object.freeze({ ...DEFAULT_PLANS[tier], ...override?.[tier] });
  return plans;
}
