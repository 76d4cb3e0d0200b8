import { isTier, type Tier } from '../domain/plans/catalog.js';

/**
 * Documents written by the Python system (Beanie, `user_management_db`) differ from this service's: the tier is
 * the string `subscription` (this service keeps its Stripe summary object there), `full_name` stands where `name`
 * is empty, and nothing says whether the address was proven. `npm run db:migrate` converts them once and marks each
 * with `legacy_migration`; until then these helpers let the running code read them as the migration would.
 */
export interface LegacyMigrationMark {
  version: number;
  migrated_at: Date;
  /** The Python `subscription` value the tier came from (null when the document had none). */
  subscription: string | null;
  /** Usage the Python system counted in the period ending at `period` (ISO), which no ledger row holds. */
  carried_tokens: number;
  period: string | null;
}

export const LEGACY_MIGRATION_VERSION = 1;

type RawUser = Record<string, unknown>;

/** A Python document not converted yet: this service writes `token_version` on every account it creates. */
export const isUnconvertedLegacyUser = (raw: RawUser) =>
  raw.legacy_migration === undefined && raw.token_version === undefined;

/** The Python system's tier string, normalised ("Pro" -> "pro"); null when it is not one of this service's tiers. */
export function legacyTierOf(value: unknown): Tier | null {
  const tier = typeof value === 'string' ? value.trim().toLowerCase() : null;
  return isTier(tier) ? tier : null;
}

/** The tier of a user document, whichever system wrote it. */
export function tierOfUserDocument(raw: RawUser): Tier {
  if (typeof raw.subscription === 'string')
    return legacyTierOf(raw.subscription) ?? (isTier(raw.subscription_tier) ? raw.subscription_tier : 'free');
  return isTier(raw.subscription_tier) ? raw.subscription_tier : 'free';
}

/** The Stripe summary of a user document: a Python tier string is not one. */
export const subscriptionSummaryOf = (raw: RawUser): unknown =>
  typeof raw.subscription === 'string' ? null : (raw.subscription ?? null);

/**
 * Makes a raw user document read as its migrated form (mongoose `init`, before hydration; nothing is written).
 * An unconverted Python account is treated as proven, as the migration records it (see the README).
 */
export function readLegacyUserFields(raw: RawUser): void {
  if (typeof raw.subscription === 'string') {
    raw.subscription_tier = tierOfUserDocument(raw);
    raw.subscription = null;
  }
  if (!raw.name && typeof raw.full_name === 'string' && raw.full_name.trim()) raw.name = raw.full_name.trim();
  if (isUnconvertedLegacyUser(raw) && raw.is_verified === undefined) raw.is_verified = true;
}

/** Usage carried over from the Python system into the period ending at `period` (0 for any other period). */
export function carriedTokensOf(raw: { legacy_migration?: unknown }, period: string): number {
  const mark = raw.legacy_migration as Partial<LegacyMigrationMark> | null | undefined;
  return mark && mark.period === period && typeof mark.carried_tokens === 'number' ? mark.carried_tokens : 0;
}
