import { z } from 'zod';

/** Every tier, cheapest first: the position is the rank (an upgrade moves right). The only spelling of the list. */
export const TIERS = ['free', 'pro', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

export const isTier = (value: unknown): value is Tier =>
  typeof value === 'string' && (TIERS as readonly string[]).includes(value);
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** The tiers Stripe sells: every tier but free. */
export const paidTierSchema = z.enum(TIERS).exclude(['free']);
export type PaidTier = z.infer<typeof paidTierSchema>;
export const PAID_TIERS = paidTierSchema.options;
export const isPaidTier = (value: unknown): value is PaidTier => isTier(value) && value !== 'free';

/**
 * The limits a plan sets. Each one is also an administrator's per-user override (`limit_overrides`, overrides.ts),
 * part of what a payer may do (payer.ts) and of what the API shows of plans, subscriptions and entitlements.
 */
const limitFields = {
  monthly_tokens: z.number().int().min(0),
  requests_per_minute: z.number().int().min(1),
  concurrent_streams: z.number().int().min(1),
};
export type LimitName = keyof typeof limitFields;
export type PlanLimits = { [K in LimitName]: number };
export const LIMIT_NAMES = z.object(limitFields).keyof().options;

/** The limits applied to each request; the monthly tokens are the quota accounts' (src/domain/quota). */
export type RequestLimits = Omit<PlanLimits, 'monthly_tokens'>;
export const REQUEST_LIMIT_NAMES = LIMIT_NAMES.filter(
  (name): name is Exclude<LimitName, 'monthly_tokens'> => name !== 'monthly_tokens',
);

/** One zod field per limit, made from the limit's own (for the override and response schemas). */
export function limitSchemas<S extends z.ZodType>(
  make: (field: (typeof limitFields)[LimitName]) => S,
): { [K in LimitName]: S } {
  return Object.fromEntries(LIMIT_NAMES.map((name) => [name, make(limitFields[name])])) as { [K in LimitName]: S };
}

/** The request limits of anything that has them (a plan, a payer), without its other fields. */
export const requestLimitsOf = (source: RequestLimits): RequestLimits =>
  Object.fromEntries(REQUEST_LIMIT_NAMES.map((name) => [name, source[name]])) as RequestLimits;

const planFields = {
  ...limitFields,
  /** `all` means every configured model; otherwise the free subset (models.ts). */
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

/** The plans of this deployment: the defaults with PLANS_JSON over them (read once, by the config). */
export function buildPlans(overrideJson: string | undefined): Record<Tier, Plan> {
  const override = overrideJson ? plansOverrideSchema.parse(JSON.parse(overrideJson)) : undefined;
  const plans = {} as Record<Tier, Plan>;
  for (const tier of TIERS) plans[tier] = Object.freeze({ ...DEFAULT_PLANS[tier], ...override?.[tier] });
  return plans;
}
