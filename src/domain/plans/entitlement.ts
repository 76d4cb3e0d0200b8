import type { Config } from '../../config/index.js';
import type { AccountSnapshot, QuotaService } from '../quota/service.js';
import { requestLimitsOf, type RequestLimits, type Tier } from './catalog.js';
import { resolvePayer, type Caller, type PayerContext } from './payer.js';

/** What applies to a caller now: the payer's plan (a sub-user's parent's), the caller's own cap and live usage. */
export interface Entitlement extends RequestLimits {
  tier: Tier;
  monthly_limit: number;
  tokens_used: number;
  tokens_remaining: number;
  reset_date: string;
}

/** The entitlement of a resolved payer, from the live counters of its most specific account. */
export function entitlementFrom(
  payer: Pick<PayerContext, 'tier' | keyof RequestLimits>,
  snapshot: Pick<AccountSnapshot, 'limit' | 'used' | 'period'>,
): Entitlement {
  return {
    tier: payer.tier,
    monthly_limit: snapshot.limit,
    tokens_used: snapshot.used,
    tokens_remaining: Math.max(0, snapshot.limit - snapshot.used),
    reset_date: snapshot.period,
    ...requestLimitsOf(payer),
  };
}

/**
 * Works an entitlement out as the LLM path does (resolvePayer), reading the most specific quota account of the
 * chain from the live counters: for a sub-user with a cap that is its cap, under its parent's plan and period.
 * Document copies on a sub-user (tier, limit, reset date made at creation) are never what applies.
 */
export function createEntitlements({ config, quota }: { config: Config; quota: Pick<QuotaService, 'snapshot'> }) {
  return async function entitlementOf(caller: Caller): Promise<Entitlement | null> {
    const payer = await resolvePayer(config, caller).catch(() => null);
    if (!payer) return null;
    const snapshot = await quota.snapshot(payer.accounts[0]!);
    return snapshot ? entitlementFrom(payer, snapshot) : null;
  };
}
export type Entitlements = ReturnType<typeof createEntitlements>;
