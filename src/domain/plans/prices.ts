import type { Env } from '../../config/env.js';
import { PAID_TIERS, type PaidTier, type Plan, type Tier } from './catalog.js';

type PriceConfig = Pick<Env, 'STRIPE_PRICE_PRO' | 'STRIPE_PRICE_ENTERPRISE'> & {
  plans: Readonly<Record<Tier, Pick<Plan, 'stripe_price_id'>>>;
};

/** Every Stripe price id configured for a tier: STRIPE_PRICE_<TIER> (comma-separated) then the plan's stripe_price_id. */
export function pricesOf(config: PriceConfig, tier: PaidTier): string[] {
  const fromEnv = tier === 'pro' ? config.STRIPE_PRICE_PRO : config.STRIPE_PRICE_ENTERPRISE;
  const fromPlan = config.plans[tier].stripe_price_id;
  return [...new Set([...fromEnv, ...(fromPlan ? [fromPlan] : [])])];
}

/** The price a checkout for this tier uses, or undefined when the tier is not for sale. */
export const checkoutPriceOf = (config: PriceConfig, tier: PaidTier): string | undefined => pricesOf(config, tier)[0];

/** Price id -> tier, from configuration only. An unknown price maps to undefined (the sync ignores it, see README). */
export function tierOfPrice(config: PriceConfig, priceId: string | null | undefined): PaidTier | undefined {
  if (!priceId) return undefined;
  return PAID_TIERS.find((tier) => pricesOf(config, tier).includes(priceId));
}

/** Price ids configured for more than one tier (a configuration error: the mapping would be ambiguous). */
export function ambiguousPrices(config: PriceConfig): string[] {
  const [pro, enterprise] = PAID_TIERS.map((tier) => pricesOf(config, tier)) as [string[], string[]];
  return pro.filter((price) => enterprise.includes(price));
}
