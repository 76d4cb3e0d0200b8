import { trusted } from 'mongoose';
import type { Config } from '../../config/index.js';
import type { Tier } from '../plans/catalog.js';
import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import type { AccountRef } from '../quota/accounts.js';
import { capAccountsOf } from '../quota/cap-accounts.js';
import { setVerified } from '../../lib/verified-write.js';
import { subscriptionSummaryOf, tierOfUserDocument } from '../../models/legacy-user.js';
import { isObjectId } from '../../lib/ids.js';
import { limitOverridesOf } from '../plans/overrides.js';

/** Who pays a subscription and owns a quota period: a user (never a sub-user) or an organization. */
export interface PayerRef {
  type: 'user' | 'organization';
  id: string;
}

/** The billing summary kept on the payer document (`subscription`), read by /auth/vscode-config and the resets. */
export interface SubscriptionSummary {
  status: string;
  tier: Tier;
  stripe_subscription_id: string | null;
  current_period_start: Date | null;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  pending_tier: Tier | null;
  past_due_since: Date | null;
}

/** The fields of a payer that billing reads. */
export interface PayerState {
  ref: PayerRef;
  tier: Tier;
  reset_date: Date;
  monthly_limit: number;
  stripe_customer_id: string | null;
  subscription: SubscriptionSummary | null;
  /** Admin override of the monthly token limit (users only). */
  monthly_tokens_override: number | null;
  email: string | null;
}

export const payerName = (ref: PayerRef) => `${ref.type}:${ref.id}`;
export const accountOf = (ref: PayerRef): AccountRef => ({ kind: ref.type, id: ref.id });

type PayerFields = {
  _id: { toString(): string };
  subscription_tier?: string | null;
  reset_date: Date;
  monthly_limit?: number | null;
  stripe_customer_id?: string | null;
  subscription?: unknown;
  limit_overrides?: unknown;
  email?: string | null;
};

function toState(type: PayerRef['type'], doc: PayerFields): PayerState {
  return {
    ref: { type, id: doc._id.toString() },
    // A Python user document not migrated yet keeps its tier in `subscription` (a string, not a Stripe summary).
    tier: tierOfUserDocument(doc as unknown as Record<string, unknown>),
    reset_date: new Date(doc.reset_date),
    monthly_limit: doc.monthly_limit ?? 0,
    stripe_customer_id: doc.stripe_customer_id ?? null,
    subscription: subscriptionSummaryOf(doc as unknown as Record<string, unknown>) as SubscriptionSummary | null,
    monthly_tokens_override: limitOverridesOf(doc).monthly_tokens,
    email: doc.email ?? null,
  };
}

export async function loadPayer(ref: PayerRef): Promise<PayerState | null> {
  if (!isObjectId(ref.id)) return null;
  if (ref.type === 'user') {
    const user = await UserModel.findOne({ _id: ref.id, is_sub_user: trusted({ $ne: true }) }).lean();
    return user ? toState('user', user) : null;
  }
  const org = await OrganizationModel.findById(ref.id).lean();
  return org ? toState('organization', org) : null;
}

/** Loads many payers of one type for a reset batch. */
export async function findDuePayers(
  type: PayerRef['type'],
  asOf: Date,
  afterId: string | null,
  limit: number,
): Promise<PayerState[]> {
  const filter: Record<string, unknown> = { reset_date: trusted({ $lte: asOf }) };
  if (afterId) filter._id = trusted({ $gt: afterId });
  if (type === 'user') {
    const users = await UserModel.find({ ...filter, is_sub_user: trusted({ $ne: true }) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean();
    return users.map((user) => toState('user', user));
  }
  const orgs = await OrganizationModel.find(filter).sort({ _id: 1 }).limit(limit).lean();
  return orgs.map((org) => toState('organization', org));
}

/**
 * Sets top-level fields of a payer and reads them back (FerretDB writes whole documents, so a concurrent write of
 * other fields, such as a settlement's seed fields or a login, could restore ours; see lib/verified-write.ts).
 * Billing's own writes to a payer are serialized by the payer lock.
 */
export async function setPayerFields(ref: PayerRef, fields: Record<string, unknown>): Promise<boolean> {
  return ref.type === 'user' ? setVerified(UserModel, ref.id, fields) : setVerified(OrganizationModel, ref.id, fields);
}

/** The payer a Stripe customer belongs to (we create every customer ourselves, so the id is on the payer). */
export async function findPayerByCustomer(customerId: string): Promise<PayerRef | null> {
  const user = await UserModel.findOne({ stripe_customer_id: customerId }, { _id: 1 }).lean();
  if (user) return { type: 'user', id: user._id.toString() };
  const org = await OrganizationModel.findOne({ stripe_customer_id: customerId }, { _id: 1 }).lean();
  return org ? { type: 'organization', id: org._id.toString() } : null;
}

/** The monthly token limit of a payer on a tier: a user's admin override wins over the plan. */
export function limitFor(
  config: Pick<Config, 'plans'>,
  payer: Pick<PayerState, 'monthly_tokens_override'>,
  tier: Tier,
): number {
  return payer.monthly_tokens_override ?? config.plans[tier].monthly_tokens;
}

/** Sub-user caps and organization member caps: accounts whose period is their payer's and reset with it. */
export const dependentCaps = (ref: PayerRef) => capAccountsOf(accountOf(ref));
