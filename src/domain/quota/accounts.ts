import { Types } from 'mongoose';
import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import { sumBy } from '../../lib/aggregate.js';
import { carriedTokensOf } from '../../models/legacy-user.js';
import { subUserLimitsOf } from '../plans/overrides.js';
import type { LedgerRow } from '../../../queues/index.js';

/**
 * A quota account is one counter a request draws from. A request's chain (e.g. a sub-user's own cap, then its
 * parent's quota) is reserved all-or-nothing. Ids: user / organization / sub_user_cap are ObjectIds;
 * member_cap is `<orgId>.<userId>`. A sub-user's cap names its parent: the parent pays, and the cap's Redis keys
 * live in the parent's slot group (queues/slot-groups.ts), with the rest of the chain.
 */
export type AccountKind = 'user' | 'organization' | 'sub_user_cap' | 'member_cap';
export type AccountRef =
  { kind: 'user' | 'organization' | 'member_cap'; id: string } | { kind: 'sub_user_cap'; id: string; parent: string };

export interface AccountState {
  limit: number;
  used: number;
  calls: number;
  /** The quota period, identified by the ISO time it ends (the payer's reset_date). */
  period: string;
  /** The ledger's sum plus carried Python usage, and the unmigrated seed usage that `used` never goes below (0 when none applies). */
  ledgerUsed: number;
  floor: number;
}

/** A member's cap in an organization's pool: the only place its `<orgId>.<userId>` id is built. */
export const memberCapAccount = (orgId: string, userId: string): AccountRef => ({
  kind: 'member_cap',
  id: `${orgId}.${userId}`,
});

/** The organization and the member a member cap's id names. */
function memberCapParts(id: string): { orgId: string; userId: string } {
  const [orgId, userId] = id.split('.') as [string, string];
  return { orgId, userId };
}

/** The account as the ledger rows and reports name it: `<kind>:<id>`. */
export const accountName = (ref: AccountRef) => `${ref.kind}:${ref.id}`;

/** The account as Redis names it (keys, reservations, job payloads): a sub-user's cap also names its parent. */
export const redisAccountName = (ref: AccountRef) =>
  ref.kind === 'sub_user_cap' ? `${accountName(ref)}@${ref.parent}` : accountName(ref);

/** Parses a Redis account name; null for a malformed one (or a sub-user cap that does not name its parent). */
export function parseAccountName(name: string): AccountRef | null {
  const match = /^(user|organization|sub_user_cap|member_cap):([a-f0-9.]+)(?:@([a-f0-9]{24}))?$/.exec(name);
  if (!match) return null;
  const [, kind, id, parent] = match as unknown as [string, AccountKind, string, string | undefined];
  if (kind === 'sub_user_cap') return parent ? { kind, id, parent } : null;
  return parent ? null : { kind, id };
}

/** The id of whoever pays for the account: the account itself, or the organization / parent of a cap. */
export function payerIdOf(ref: AccountRef): string {
  if (ref.kind === 'sub_user_cap') return ref.parent;
  if (ref.kind === 'member_cap') return memberCapParts(ref.id).orgId;
  return ref.id;
}

/** The ledger documents that count against an account in a period. */
export function ledgerFilter(ref: AccountRef, period: string): Record<string, unknown> {
  switch (ref.kind) {
    case 'user':
      return { payer_type: 'user', payer_id: new Types.ObjectId(ref.id), period };
    case 'organization':
      return { payer_type: 'organization', payer_id: new Types.ObjectId(ref.id), period };
    case 'sub_user_cap':
      return { sub_user_id: new Types.ObjectId(ref.id), period };
    case 'member_cap': {
      const { orgId, userId } = memberCapParts(ref.id);
      return { organization_id: new Types.ObjectId(orgId), user_id: new Types.ObjectId(userId), period };
    }
  }
}

/** Whether a ledger row (a backlog entry, not yet in MongoDB) matches `ledgerFilter(ref, period)`. */
export function matchesLedgerFilter(ref: AccountRef, period: string, row: LedgerRow): boolean {
  if (row.period !== period) return false;
  switch (ref.kind) {
    case 'user':
    case 'organization':
      return row.payer_type === ref.kind && row.payer_id === ref.id;
    case 'sub_user_cap':
      return row.sub_user_id === ref.id;
    case 'member_cap': {
      const { orgId, userId } = memberCapParts(ref.id);
      return row.organization_id === orgId && row.user_id === userId;
    }
  }
}

const BILLABLE = ['completed', 'aborted'];

/**
 * A ledger read cut at a Redis time (microseconds): only settlements stamped at or before `at` count. Each
 * settlement stamps its Redis time on its settled marker and on its ledger row (`settled_ts`), which waits in
 * the ledger backlog (Redis) until a flush writes it to MongoDB.
 */
export interface LedgerCut {
  at: number;
  /** The settled markers' times of these requests (null: not settled, or the marker is gone). */
  settledTimes(requestIds: string[]): Promise<Array<number | null>>;
  /** The rows in the ledger backlog: settled, not yet (or not known to be) in MongoDB. */
  backlogRows(): Promise<LedgerRow[]>;
}

/**
 * What the ledger says an account used in a period. Without a cut every row in MongoDB counts. With a cut, a
 * settlement counts when it reached the counters at or before the cut, wherever its row is: rows in MongoDB
 * with an earlier stamp (or none: settled before stamps existed), and rows in the backlog whose settled marker
 * is that old. The backlog is read first and its requests are left out of the MongoDB sum, so a row that a
 * flush moves from the backlog to MongoDB meanwhile is counted exactly once. A backlog row whose marker is gone
 * (a partial Redis loss) is left to its settlement's retry, which charges it again; without a retry the next
 * reconciliation counts it from MongoDB.
 */
export async function ledgerTotals(
  ref: AccountRef,
  period: string,
  cut?: LedgerCut,
): Promise<{ used: number; calls: number }> {
  const match: Record<string, unknown> = { ...ledgerFilter(ref, period), status: { $in: BILLABLE } };
  const sums = { used: '$billed_tokens', calls: 1 };
  if (!cut) {
    const [row] = await sumBy(TokenUsageModel, match, null, sums);
    return { used: row?.used ?? 0, calls: row?.calls ?? 0 };
  }
  const waiting = new Map<string, LedgerRow>();
  for (const row of await cut.backlogRows())
    if (matchesLedgerFilter(ref, period, row) && !waiting.has(row.request_id)) waiting.set(row.request_id, row);
  const settledMatch: Record<string, unknown> = {
    ...match,
    $or: [{ settled_ts: { $lte: cut.at } }, { settled_ts: null }],
  };
  if (waiting.size) settledMatch.request_id = { $nin: [...waiting.keys()] };
  const [[row], times] = await Promise.all([
    sumBy(TokenUsageModel, settledMatch, null, sums),
    cut.settledTimes([...waiting.keys()]),
  ]);
  let used = row?.used ?? 0;
  let calls = row?.calls ?? 0;
  [...waiting.values()].forEach((pending, i) => {
    const at = times[i];
    if (!BILLABLE.includes(pending.status) || at === null || at === undefined || at > cut.at) return;
    used += pending.billed_tokens;
    calls += 1;
  });
  return { used, calls };
}

const iso = (date: Date | null | undefined) => new Date(date ?? 0).toISOString();

interface AccountLimits {
  limit: number;
  period: string;
  /** Usage the Python system counted in this period (recorded by `npm run db:migrate`): added to the ledger's. */
  carried: number;
  /** tokens_used of a document that may hold usage without ledger rows (not migrated): a floor, see loadAccountState. */
  seedUsed: number;
}

/** A converted document adds its carried usage; an unconverted one (or a seed) may only floor the ledger's. */
const usageBase = (doc: { legacy_migration?: unknown; tokens_used?: number | null }, period: string) =>
  doc.legacy_migration
    ? { carried: carriedTokensOf(doc, period), seedUsed: 0 }
    : { carried: 0, seedUsed: doc.tokens_used ?? 0 };

const LIMIT_PROJECTION = { monthly_limit: 1, reset_date: 1, tokens_used: 1, legacy_migration: 1 };

/** Limit and period from MongoDB; `null` when the account does not exist (or no longer applies). */
export async function loadAccountLimits(ref: AccountRef): Promise<AccountLimits | null> {
  switch (ref.kind) {
    case 'user': {
      const user = await UserModel.findById(ref.id, LIMIT_PROJECTION).lean();
      if (!user) return null;
      const period = iso(user.reset_date);
      return { limit: user.monthly_limit ?? 0, period, ...usageBase(user, period) };
    }
    case 'organization': {
      const org = await OrganizationModel.findById(ref.id, LIMIT_PROJECTION).lean<{
        monthly_limit?: number;
        reset_date: Date;
        tokens_used?: number;
        legacy_migration?: unknown;
      }>();
      if (!org) return null;
      const period = iso(org.reset_date);
      return { limit: org.monthly_limit ?? 0, period, ...usageBase(org, period) };
    }
    case 'sub_user_cap': {
      const sub = await UserModel.findById(ref.id, {
        sub_user_limits: 1,
        parent_user_id: 1,
        legacy_migration: 1,
      }).lean();
      const cap = sub ? subUserLimitsOf(sub).monthly_tokens : null;
      if (!sub?.parent_user_id || cap === null) return null;
      const parent = await UserModel.findById(sub.parent_user_id, { reset_date: 1 }).lean();
      if (!parent) return null;
      const period = iso(parent.reset_date);
      return { limit: cap, period, carried: carriedTokensOf(sub, period), seedUsed: 0 };
    }
    case 'member_cap': {
      const { orgId, userId } = memberCapParts(ref.id);
      const [org, member] = await Promise.all([
        OrganizationModel.findById(orgId, { reset_date: 1 }).lean(),
        OrganizationMemberModel.findOne({ organization_id: orgId, user_id: userId }, { monthly_token_cap: 1 }).lean(),
      ]);
      if (!org || !member || member.monthly_token_cap === null || member.monthly_token_cap === undefined) return null;
      return { limit: member.monthly_token_cap, period: iso(org.reset_date), carried: 0, seedUsed: 0 };
    }
  }
}

/**
 * The account's state rebuilt from MongoDB: its limit and period, and what was used in it. `used` is the
 * ledger's plus the usage a migrated Python account carried into this period (a fixed amount recorded by the
 * migration, so every rebuild counts it once and new requests add on top). A document that holds tokens_used
 * without any ledger row and was not migrated gets that value as a `floor` that `used` never goes below.
 */
export async function loadAccountState(ref: AccountRef, cut?: LedgerCut): Promise<AccountState | null> {
  const limits = await loadAccountLimits(ref);
  if (!limits) return null;
  const totals = await ledgerTotals(ref, limits.period, cut);
  const counted = totals.used + limits.carried;
  const floor = totals.calls === 0 && totals.used === 0 ? limits.seedUsed : 0;
  return {
    limit: limits.limit,
    period: limits.period,
    used: Math.max(counted, floor),
    calls: totals.calls,
    ledgerUsed: counted,
    floor,
  };
}
