import type { mongo, Types } from 'mongoose';
import { epochOf } from '../../lib/auth-epochs.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import {
  isUnconvertedLegacyUser,
  LEGACY_MIGRATION_VERSION,
  legacyTierOf,
  type LegacyMigrationMark,
} from '../../models/legacy-user.js';
import { isTier } from '../../domain/plans/catalog.js';
import { ROLES, UserModel, type Role } from '../../models/user.js';
import { addressKey } from '../../models/user-addresses.js';
import { ledgerTotals, type AccountRef } from '../../domain/quota/accounts.js';
import { forEachBatch, lockedWrite, refreshLoadedAccount, type MigrationContext } from './context.js';
import { bump, emptyReport, type CollectionReport } from './report.js';
import { asRead, dateOf, isActiveValue, numberOr, objectIdOf, plainObjectOf, shown } from './values.js';
import { findAddressCollisions } from './collisions.js';
import { addMonthsUtc } from '../../lib/dates.js';
import { sumBy } from '../../lib/aggregate.js';
import { TokenUsageModel } from '../../models/token-usage.js';

type Raw = mongo.Document;

export type UserPlan =
  | { kind: 'current'; reason: string }
  | { kind: 'skip'; reason: string }
  | {
      kind: 'convert';
      filter: Record<string, unknown>;
      set: Record<string, unknown>;
      notes: string[];
      accounts: AccountRef[];
    };

const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** Fields a conversion overwrites with values computed from what it read: the write applies only if they did not change meanwhile. */
const GUARDED_FIELDS = [
  'updated_at',
  'email',
  'subscription',
  'subscription_tier',
  'role',
  'is_active',
  'password_hash',
  'tokens_used',
  'monthly_limit',
  'reset_date',
  'parent_user_id',
  'sub_user_limits',
  'token_version',
];

function currentReason(raw: Raw): string | null {
  if (raw.legacy_migration !== undefined) return 'migrated by an earlier run';
  if (!isUnconvertedLegacyUser(raw) && typeof raw.subscription !== 'string') return 'created by this service';
  return null;
}

/** The parent's reset date is the period of a sub-user's own cap (as for sub-users this service creates). */
type ParentLookup = (id: Types.ObjectId) => Promise<Raw | null>;
/** What this service's ledger already charged an account in a period (non-zero only if it served the user before the migration). */
type LedgerLookup = (ref: AccountRef, period: string) => Promise<number>;

const COUNTED = { $in: ['completed', 'aborted'] };
const directLedger: LedgerLookup = async (ref, period) => (await ledgerTotals(ref, period)).used;

/** The ledger sums of a whole batch in two queries (not one per user: each query costs a round trip). */
async function batchLedger(docs: Raw[]): Promise<LedgerLookup> {
  const ids = docs.map((doc) => doc._id);
  const group = (field: string) => ({ account: `$${field}`, period: '$period' });
  const [payers, subs] = await Promise.all([
    sumBy(TokenUsageModel, { payer_type: 'user', payer_id: { $in: ids }, status: COUNTED }, group('payer_id'), {
      used: '$billed_tokens',
    }),
    sumBy(TokenUsageModel, { sub_user_id: { $in: ids }, status: COUNTED }, group('sub_user_id'), {
      used: '$billed_tokens',
    }),
  ]);
  const sums = new Map<string, number>();
  const keyOf = (kind: string, id: unknown, period: unknown) => `${kind}:${String(id)}:${String(period)}`;
  for (const row of payers)
    sums.set(
      keyOf('user', (row._id as { account: unknown }).account, (row._id as { period: unknown }).period),
      row.used,
    );
  for (const row of subs)
    sums.set(
      keyOf('sub_user_cap', (row._id as { account: unknown }).account, (row._id as { period: unknown }).period),
      row.used,
    );
  return async (ref, period) => sums.get(keyOf(ref.kind, ref.id, period)) ?? 0;
}

/** What converting one Python user document means, decided from the document alone (plus its parent and the ledger). */
export async function planUser(
  ctx: MigrationContext,
  raw: Raw,
  parentOf: ParentLookup,
  ledgerUsed: LedgerLookup,
  collided: ReadonlySet<string>,
): Promise<UserPlan> {
  const current = currentReason(raw);
  if (current) return { kind: 'current', reason: current };
  const notes: string[] = [];

  const email = typeof raw.email === 'string' ? addressKey(raw.email) : '';
  if (!EMAIL.test(email)) return { kind: 'skip', reason: 'no usable email' };
  if (collided.has(email)) return { kind: 'skip', reason: COLLISION_REASON };

  let tier = legacyTierOf(raw.subscription);
  if (raw.subscription !== undefined && raw.subscription !== null && !tier) {
    return {
      kind: 'skip',
      reason: `subscription ${shown(raw.subscription)} is not a tier this service knows (free, pro, enterprise)`,
    };
  }
  if (!tier) {
    tier = isTier(raw.subscription_tier) ? raw.subscription_tier : 'free';
    notes.push(`no subscription field: tier ${tier}`);
  }

  const role = (raw.role ?? 'user') as Role;
  if (!ROLES.includes(role)) return { kind: 'skip', reason: `role ${shown(raw.role)} is not one this service knows` };

  const parentId = objectIdOf(raw.parent_user_id);
  const isSubUser = raw.is_sub_user === true;
  let parent: Raw | null = null;
  if (isSubUser) {
    if (!parentId) return { kind: 'skip', reason: 'sub-user without a parent_user_id' };
    parent = await parentOf(parentId);
    if (!parent) return { kind: 'skip', reason: 'sub-user whose parent_user_id names no user' };
  }

  const tokensUsed = Math.max(0, numberOr(raw.tokens_used, 0)!);
  const limits = plainObjectOf(raw.sub_user_limits);
  const cap = limits ? numberOr(limits.monthly_tokens, null) : null;
  let resetDate = dateOf(isSubUser ? parent!.reset_date : raw.reset_date);
  if (!resetDate) {
    resetDate = addMonthsUtc(ctx.now, 1);
    notes.push('reset_date missing: the period ends a month after the migration');
  }
  const planLimit = ctx.plans[tier].monthly_tokens;
  let monthlyLimit = numberOr(raw.monthly_limit, null);
  if (monthlyLimit === null) {
    monthlyLimit = isSubUser ? (cap ?? numberOr(parent!.monthly_limit, planLimit)!) : planLimit;
    notes.push("monthly_limit missing: the plan's");
  }
  const tokensRemaining = Math.max(0, monthlyLimit - tokensUsed);
  if (numberOr(raw.tokens_remaining, tokensRemaining) !== tokensRemaining)
    notes.push('tokens_remaining differed from monthly_limit - tokens_used (recomputed)');

  // What the Python system counted in this period and no ledger row of this service holds (rows exist only if it already served them).
  const period = resetDate.toISOString();
  const account: AccountRef = isSubUser
    ? { kind: 'sub_user_cap', id: String(raw._id), parent: parentId!.toString() }
    : { kind: 'user', id: String(raw._id) };
  const carried = Math.max(0, tokensUsed - (await ledgerUsed(account, period)));

  const permissions = plainObjectOf(raw.sub_user_permissions);
  const name =
    typeof raw.name === 'string' && raw.name.trim()
      ? raw.name
      : typeof raw.full_name === 'string'
        ? raw.full_name.trim()
        : '';
  if (name && name !== raw.name) notes.push('name filled from full_name');
  if (isSubUser && cap === null) notes.push('sub-user without a monthly_tokens cap: spends from its parent only');

  const mark: LegacyMigrationMark = {
    version: LEGACY_MIGRATION_VERSION,
    migrated_at: ctx.now,
    subscription: typeof raw.subscription === 'string' ? raw.subscription : null,
    carried_tokens: carried,
    period,
  };
  const set: Record<string, unknown> = {
    email,
    name,
    role,
    subscription_tier: tier,
    subscription: null,
    is_active: isActiveValue(raw.is_active),
    // Real users of the old system: their address counts as proven (see the README), so a first OAuth sign-in never wipes them.
    is_verified: true,
    email_verified_at: dateOf(raw.email_verified_at) ?? ctx.now,
    monthly_limit: monthlyLimit,
    tokens_used: tokensUsed,
    tokens_remaining: tokensRemaining,
    reset_date: resetDate,
    monthly_usage: { api_calls: numberOr(plainObjectOf(raw.monthly_usage)?.api_calls, 0), tokens_used: tokensUsed },
    is_sub_user: isSubUser,
    parent_user_id: isSubUser ? parentId : null,
    sub_user_limits: isSubUser
      ? { ...limits, monthly_tokens: cap, requests_per_minute: numberOr(limits?.requests_per_minute, null) }
      : (raw.sub_user_limits ?? null),
    sub_user_permissions: isSubUser
      ? {
          ...permissions,
          // The Python system's empty list meant every model: null here (an empty list permits none).
          models: Array.isArray(permissions?.models) && permissions.models.length ? permissions.models : null,
          can_create_api_keys: permissions?.can_create_api_keys === true,
        }
      : (raw.sub_user_permissions ?? null),
    stripe_customer_id:
      typeof raw.stripe_customer_id === 'string' && raw.stripe_customer_id ? raw.stripe_customer_id : null,
    token_version: 0,
    credential_generation: numberOr(raw.credential_generation, 0),
    oauth_identities: Array.isArray(raw.oauth_identities) ? raw.oauth_identities : [],
    limit_overrides: raw.limit_overrides ?? null,
    first_name: raw.first_name ?? null,
    last_name: raw.last_name ?? null,
    legacy_migration: mark,
  };
  if (!(raw.created_at instanceof Date)) set.created_at = dateOf(raw.created_at) ?? ctx.now;
  const filter: Record<string, unknown> = { _id: raw._id, legacy_migration: { $exists: false } };
  for (const field of GUARDED_FIELDS) filter[field] = asRead(raw[field]);
  const accounts: AccountRef[] = [account];
  return { kind: 'convert', filter, set, notes, accounts };
}

export const COLLISION_REASON =
  'address held by another account in another case (a collision, listed below: the operator decides)';

/**
 * Converts every Python user document (batched by _id); each document is one conditional update. A Python
 * document whose address another account holds in another case is left as it is and reported (never converted
 * in anyone's favour): the service already signs the address in to the account that keeps it (a Python account
 * before a newcomer's), and the operator decides what becomes of the others.
 */
export async function migrateUsers(ctx: MigrationContext): Promise<CollectionReport> {
  const collisions = await findAddressCollisions();
  const report: CollectionReport = { ...emptyReport('users'), collisions: [...collisions.values()] };
  const collided = new Set(collisions.keys());
  const collection = UserModel.collection;
  const parentOf: ParentLookup = (id) => collection.findOne({ _id: id });
  await forEachBatch(ctx, collection, report, async (docs) => {
    // Read after the documents: a settlement landing in between is in the ledger but not yet in tokens_used, so
    // the carried usage can only come out lower (in the user's favour), never count a request twice.
    const ledgerUsed = await batchLedger(docs);
    for (const doc of docs) await migrateOne(ctx, report, doc, { parentOf, ledgerUsed, collided });
  });
  return report;
}

const ATTEMPTS = 3;

async function migrateOne(
  ctx: MigrationContext,
  report: CollectionReport,
  first: Raw,
  {
    parentOf,
    ledgerUsed,
    collided,
  }: { parentOf: ParentLookup; ledgerUsed: LedgerLookup; collided: ReadonlySet<string> },
): Promise<void> {
  let raw: Raw | null = first;
  for (let attempt = 0; attempt < ATTEMPTS && raw; attempt += 1) {
    const plan = await planUser(ctx, raw, parentOf, attempt === 0 ? ledgerUsed : directLedger, collided);
    if (plan.kind === 'current') return ((report.current += 1), bump(report.currentReasons, plan.reason));
    if (plan.kind === 'skip') return ((report.skipped += 1), bump(report.skipReasons, plan.reason));
    if (ctx.dryRun) return countConverted(report, plan.notes);
    let matched: boolean;
    try {
      matched = await lockedWrite(
        'users',
        raw._id as Types.ObjectId,
        epochOf('users', String(raw._id)),
        async () => (await UserModel.collection.updateOne(plan.filter, { $set: plan.set })).matchedCount === 1,
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (
        (report.skipped += 1),
        bump(report.skipReasons, 'email already used by another account (addresses are unique case-insensitively)')
      );
    }
    if (matched) {
      for (const ref of plan.accounts) await refreshLoadedAccount(ctx, ref);
      return countConverted(report, plan.notes);
    }
    // The running service changed the document after it was read: decide again from what it holds now.
    raw = await UserModel.collection.findOne({ _id: raw._id });
  }
  if (!raw) return ((report.skipped += 1), bump(report.skipReasons, 'deleted while being migrated'));
  report.skipped += 1;
  bump(report.skipReasons, 'changed by the running service during every attempt (run db:migrate again)');
}

function countConverted(report: CollectionReport, notes: string[]): void {
  report.converted += 1;
  for (const note of notes) bump(report.notes, note);
}
