import { Types } from 'mongoose';
import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import { sumBy } from '../../lib/aggregate.js';

/**
 * A quota account is one counter a request draws from. A request's chain (e.g. a sub-user's own cap, then its
 * parent's quota) is reserved all-or-nothing. Ids: user / organization / sub_user_cap are ObjectIds;
 * member_cap is `<orgId>.<userId>`.
 */
export type AccountKind = 'user' | 'organization' | 'sub_user_cap' | 'member_cap';
export interface AccountRef {
  kind: AccountKind;
  id: string;
}

export interface AccountState {
  limit: number;
  used: number;
  calls: number;
  /** The quota period, identified by the ISO time it ends (the payer's reset_date). */
  period: string;
  /** The ledger's sum alone, and the migrated seed usage that `used` never goes below (0 when none applies). */
  ledgerUsed: number;
  floor: number;
}

export const accountName = (ref: AccountRef) => `${ref.kind}:${ref.id}`;

export function parseAccountName(name: string): AccountRef {
  const [kind, id] = name.split(':') as [AccountKind, string];
  return { kind, id };
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
      const [orgId, userId] = ref.id.split('.') as [string, string];
      return { organization_id: new Types.ObjectId(orgId), user_id: new Types.ObjectId(userId), period };
    }
  }
}

/**
 * A ledger read cut at a Redis time (microseconds): only settlements stamped at or before `at` count. Each
 * settlement stamps its Redis time on its settled marker, and the worker copies it to the row (`settled_ts`).
 */
export interface LedgerCut {
  at: number;
  /** The settled markers' times of these requests (null: not settled, or the marker is gone). */
  settledTimes(requestIds: string[]): Promise<Array<number | null>>;
}

/**
 * What the ledger says an account used in a period. Without a cut every row counts. With a cut, a row counts
 * when its settlement reached the counters at or before the cut: rows marked settled with an earlier stamp (or
 * none: settled before stamps existed), and rows still `settle_pending` whose marker is that old. Pending rows
 * are read first and left out of the settled sum, so a row flipping from pending to settled meanwhile is
 * counted exactly once.
 */
export async function ledgerTotals(ref: AccountRef, period: string, cut?: LedgerCut): Promise<{ used: number; calls: number }> {
  const match: Record<string, unknown> = { ...ledgerFilter(ref, period), status: { $in: ['completed', 'aborted'] } };
  const sums = { used: '$billed_tokens', calls: 1 };
  if (!cut) {
    const [row] = await sumBy(TokenUsageModel, match, null, sums);
    return { used: row?.used ?? 0, calls: row?.calls ?? 0 };
  }
  // aggregate, not find: find filters go through mongoose's sanitizeFilter, which would neutralise the operators.
  const pending = await TokenUsageModel.aggregate<{ request_id: string; billed_tokens: number }>([
    { $match: { ...match, settle_pending: true } },
    { $project: { _id: 0, request_id: 1, billed_tokens: 1 } },
  ]);
  const settledMatch: Record<string, unknown> = {
    ...match,
    settle_pending: { $ne: true },
    $or: [{ settled_ts: { $lte: cut.at } }, { settled_ts: null }],
  };
  if (pending.length) settledMatch.request_id = { $nin: pending.map((row) => row.request_id) };
  const [[row], times] = await Promise.all([
    sumBy(TokenUsageModel, settledMatch, null, sums),
    cut.settledTimes(pending.map((p) => p.request_id)),
  ]);
  let used = row?.used ?? 0;
  let calls = row?.calls ?? 0;
  pending.forEach((p, i) => {
    const at = times[i];
    if (at === null || at === undefined || at > cut.at) return;
    used += p.billed_tokens ?? 0;
    calls += 1;
  });
  return { used, calls };
}

const iso = (date: Date | null | undefined) => new Date(date ?? 0).toISOString();

/** Limit and period from MongoDB; `null` when the account does not exist (or no longer applies). */
export async function loadAccountLimits(ref: AccountRef): Promise<{ limit: number; period: string; seedUsed: number } | null> {
  switch (ref.kind) {
    case 'user': {
      const user = await UserModel.findById(ref.id, { monthly_limit: 1, reset_date: 1, tokens_used: 1 }).lean();
      return user ? { limit: user.monthly_limit ?? 0, period: iso(user.reset_date), seedUsed: user.tokens_used ?? 0 } : null;
    }
    case 'organization': {
      const org = await OrganizationModel.findById(ref.id, { monthly_limit: 1, reset_date: 1, tokens_used: 1 }).lean();
      return org ? { limit: org.monthly_limit ?? 0, period: iso(org.reset_date), seedUsed: org.tokens_used ?? 0 } : null;
    }
    case 'sub_user_cap': {
      const sub = await UserModel.findById(ref.id, { sub_user_limits: 1, parent_user_id: 1 }).lean();
      const cap = (sub?.sub_user_limits as { monthly_tokens?: number | null } | null)?.monthly_tokens;
      if (!sub?.parent_user_id || cap === undefined || cap === null) return null;
      const parent = await UserModel.findById(sub.parent_user_id, { reset_date: 1 }).lean();
      return parent ? { limit: cap, period: iso(parent.reset_date), seedUsed: 0 } : null;
    }
    case 'member_cap': {
      const [orgId, userId] = ref.id.split('.') as [string, string];
      const [org, member] = await Promise.all([
        OrganizationModel.findById(orgId, { reset_date: 1 }).lean(),
        OrganizationMemberModel.findOne({ organization_id: orgId, user_id: userId }, { monthly_token_cap: 1 }).lean(),
      ]);
      if (!org || !member || member.monthly_token_cap === null || member.monthly_token_cap === undefined) return null;
      return { limit: member.monthly_token_cap, period: iso(org.reset_date), seedUsed: 0 };
    }
  }
}

/**
 * The account's state rebuilt from MongoDB: its limit and period, and what the ledger says was used in it.
 * `used` is the ledger's, except for an account migrated from the old system, which carries tokens_used
 * without any ledger row: then `floor` holds that seed value and `used` is never less than it.
 */
export async function loadAccountState(ref: AccountRef, cut?: LedgerCut): Promise<AccountState | null> {
  const limits = await loadAccountLimits(ref);
  if (!limits) return null;
  const totals = await ledgerTotals(ref, limits.period, cut);
  const floor = totals.calls === 0 && totals.used === 0 ? limits.seedUsed : 0;
  return { limit: limits.limit, period: limits.period, used: Math.max(totals.used, floor), calls: totals.calls, ledgerUsed: totals.used, floor };
}
