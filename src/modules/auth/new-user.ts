import type { Plan, Tier } from '../../domain/plans/catalog.js';
import { addMonthsUtc } from '../../lib/dates.js';

/** The quota fields a new account starts with on a tier: the plan's full monthly allowance, due in a month. */
export function initialQuotaFields(tier: Tier, plan: Plan, now: Date = new Date()) {
  return {
    subscription_tier: tier,
    monthly_limit: plan.monthly_tokens,
    tokens_remaining: plan.monthly_tokens,
    tokens_used: 0,
    reset_date: addMonthsUtc(now, 1),
    monthly_usage: { api_calls: 0, tokens_used: 0 },
  };
}
