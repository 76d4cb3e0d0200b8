import { Types } from 'mongoose';
import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import { groupedSums } from '../../lib/aggregate.js';

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

/** Which of these request ids have been charged to the Redis counters (their settled marker exists). */
export type SettledCheck = (requestIds: string[]) => Promise<boolean[]>;

/**
 * What the ledger says an account used in a period. A row written by a settlement that has not reached the
 * counters yet (`settle_pending`, no settled marker) is left out: that settlement adds it when it runs, so
 * counting it here as well would charge it twice. Without `isSettled` every row counts.
 */
export async function ledgerTotals(ref: AccountRef, period: string, isSettled?: SettledCheck): Promise<{ used: number; calls: number }> {
  const match: Record<string, unknown> = { ...ledgerFilter(ref, period), status: { $in: ['completed', 'aborted'] } };
  const [row] = await groupedSums(TokenUsageModel as never, isSettled ? { ...match, settle_pending: { $ne: true } } : match, null, {
    used: 'billed_tokens',
    calls: 1,
  });
  let used = row?.used ?? 0;
  let calls = row?.calls ?? 0;
  if (isSettled) {
    // aggregate, not find: find filters go through mongoose's sanitizeFilter, which would neutralise `$in`.
    const pending = await TokenUsageModel.aggregate<{ request_id: string; billed_tokens: number }>([
      { $match: { ...match, settle_pending: true } },
      { $project: { _id: 0, request_id: 1, billed_tokens: 1 } },
    ]);
    const settled = pending.length ? await isSettled(pending.map((doc) => doc.request_id)) : [];
    pending.forEach((doc, i) => {
      if (!settled[i]) return;
      used += doc.billed_tokens ?? 0;
      calls += 1;
    });
  }
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
      const org = await OrganizationModel.findById(orgId, { members: 1, reset_date: 1 }).lean();
      const member = org?.members.find((m) => m.user_id.toString() === userId);
      if (!org || !member || member.monthly_token_cap === null || member.monthly_token_cap === undefined) return null;
      return { limit: member.monthly_token_cap, period: iso(org.reset_date), seedUsed: 0 };
    }
  }
}

/** The account's state rebuilt from MongoDB: its limit and period, and what the ledger says was used in it. */
export async function loadAccountState(ref: AccountRef, isSettled?: SettledCheck): Promise<AccountState | null> {
  const limits = await loadAccountLimits(ref);
  if (!limits) return null;
  const totals = await ledgerTotals(ref, limits.period, isSettled);
  // Accounts migrated from the old system carry tokens_used without ledger rows; never count less than that.
  return { limit: limits.limit, period: limits.period, used: Math.max(totals.used, limits.seedUsed), calls: totals.calls };
}
