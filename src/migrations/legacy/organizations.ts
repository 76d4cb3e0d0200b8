import { Types, type mongo } from 'mongoose';
import { epochOf } from '../../lib/auth-epochs.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { LEGACY_MIGRATION_VERSION, legacyTierOf } from '../../models/legacy-user.js';
import { ORG_ROLES, OrganizationModel, type OrgRole } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { UserModel } from '../../models/user.js';
import { ledgerTotals } from '../../domain/quota/accounts.js';
import { forEachBatch, lockedWrite, refreshLoadedAccount, type MigrationContext } from './context.js';
import { bump, emptyReport, type CollectionReport } from './report.js';
import {
  asRead,
  dateOf,
  isActiveValue,
  nextAnniversary,
  numberOr,
  objectIdOf,
  plainObjectOf,
  shown,
} from './values.js';

type Raw = mongo.Document;

export interface MemberRow {
  user_id: Types.ObjectId;
  role: OrgRole;
  monthly_token_cap: number | null;
  joined_at: Date;
}

/**
 * The members of a Python organization: `members` holds user ids (ObjectIds or their hex strings), or objects
 * `{user_id, role?, monthly_token_cap?, joined_at?}`. Each user once; `owner_id` decides the owner, and anyone else
 * the array called owner becomes an admin; the owner is a member even when the array forgot them.
 */
export function memberRowsOf(members: unknown, ownerId: Types.ObjectId | null, joinedAt: Date): MemberRow[] {
  const rows = new Map<string, MemberRow>();
  for (const entry of Array.isArray(members) ? members : []) {
    const object = plainObjectOf(entry) && !objectIdOf(entry) ? (entry as Record<string, unknown>) : null;
    const userId = objectIdOf(object ? object.user_id : entry);
    if (!userId || rows.has(userId.toHexString())) continue;
    const claimed = ORG_ROLES.includes(object?.role as OrgRole) ? (object!.role as OrgRole) : 'member';
    rows.set(userId.toHexString(), {
      user_id: userId,
      role: claimed === 'owner' ? 'admin' : claimed,
      monthly_token_cap: numberOr(object?.monthly_token_cap, null),
      joined_at: dateOf(object?.joined_at) ?? joinedAt,
    });
  }
  if (ownerId) {
    const owner = rows.get(ownerId.toHexString());
    rows.set(ownerId.toHexString(), {
      user_id: ownerId,
      role: 'owner',
      monthly_token_cap: owner?.monthly_token_cap ?? null,
      joined_at: owner?.joined_at ?? joinedAt,
    });
  }
  return [...rows.values()];
}

export const MEMBERSHIPS_NOTE = 'memberships in organization_members (owner included)';
export const SUB_USERS_NOTE = 'sub-users among the members, left out (they stay under their parent)';

type OrgPlan =
  | { kind: 'current'; reason: string }
  | { kind: 'skip'; reason: string }
  | {
      kind: 'convert';
      filter: Record<string, unknown>;
      set: Record<string, unknown>;
      members: MemberRow[];
      notes: string[];
    };

const GUARDED_FIELDS = [
  'updated_at',
  'owner_id',
  'members',
  'subscription_tier',
  'tokens_used',
  'monthly_limit',
  'reset_date',
  'is_active',
];

async function planOrganization(ctx: MigrationContext, raw: Raw): Promise<OrgPlan> {
  if (raw.legacy_migration !== undefined) return { kind: 'current', reason: 'migrated by an earlier run' };
  if (raw.members === undefined && dateOf(raw.reset_date) && typeof raw.monthly_limit === 'number')
    return { kind: 'current', reason: 'created by this service' };
  const notes: string[] = [];
  if (typeof raw.name !== 'string' || !raw.name.trim()) return { kind: 'skip', reason: 'no name' };
  const ownerId = objectIdOf(raw.owner_id);
  if (!ownerId) return { kind: 'skip', reason: 'owner_id is not a user id' };
  if (!(await UserModel.collection.countDocuments({ _id: ownerId }, { limit: 1 })))
    return { kind: 'skip', reason: 'owner_id names no user' };
  const tier = legacyTierOf(raw.subscription_tier ?? 'free');
  if (!tier)
    return {
      kind: 'skip',
      reason: `subscription_tier ${shown(raw.subscription_tier)} is not a tier this service knows`,
    };

  const createdAt = dateOf(raw.created_at) ?? ctx.now;
  const rows = memberRowsOf(raw.members, ownerId, createdAt);
  const users = await UserModel.collection
    .find({ _id: { $in: rows.map((r) => r.user_id) } }, { projection: { _id: 1, is_sub_user: 1 } })
    .toArray();
  const existing = new Set(users.map((u) => String(u._id)));
  // A sub-user stays under its parent (its cap, its model list, its parent's standing): never a member.
  const subUsers = new Set(users.filter((u) => u.is_sub_user === true).map((u) => String(u._id)));
  if (subUsers.has(ownerId.toHexString())) return { kind: 'skip', reason: 'owner_id names a sub-user' };
  const known = rows.filter((row) => existing.has(row.user_id.toHexString()));
  if (known.length < rows.length) notes.push('member ids that name no user, left out');
  const members = known.filter((row) => !subUsers.has(row.user_id.toHexString()));
  for (let left = known.length - members.length; left > 0; left -= 1) notes.push(SUB_USERS_NOTE);

  let resetDate = dateOf(raw.reset_date);
  if (!resetDate) {
    resetDate = nextAnniversary(createdAt, ctx.now);
    notes.push("no reset_date: the pool's period ends on the next monthly anniversary of created_at");
  }
  const planLimit = ctx.plans[tier].monthly_tokens;
  const monthlyLimit = numberOr(raw.monthly_limit, planLimit)!;
  if (raw.monthly_limit === undefined) notes.push("no monthly_limit: the plan's pool");
  const tokensUsed = Math.max(0, numberOr(raw.tokens_used, 0)!);
  const period = resetDate.toISOString();
  const ledger = await ledgerTotals({ kind: 'organization', id: String(raw._id) }, period);

  const set: Record<string, unknown> = {
    name: raw.name.trim(),
    owner_id: ownerId,
    subscription_tier: tier,
    subscription: plainObjectOf(raw.subscription) ?? null,
    stripe_customer_id:
      typeof raw.stripe_customer_id === 'string' && raw.stripe_customer_id ? raw.stripe_customer_id : null,
    settings: plainObjectOf(raw.settings) ?? {},
    monthly_limit: monthlyLimit,
    tokens_used: tokensUsed,
    tokens_remaining: Math.max(0, monthlyLimit - tokensUsed),
    reset_date: resetDate,
    monthly_usage: { api_calls: numberOr(plainObjectOf(raw.monthly_usage)?.api_calls, 0), tokens_used: tokensUsed },
    is_active: isActiveValue(raw.is_active),
    deleted_at: dateOf(raw.deleted_at),
    // The embedded array moves here (nothing is deleted); membership lives in organization_members from now on.
    legacy_migration: {
      version: LEGACY_MIGRATION_VERSION,
      migrated_at: ctx.now,
      members: raw.members ?? null,
      carried_tokens: Math.max(0, tokensUsed - ledger.used),
      period,
    },
  };
  if (!(raw.created_at instanceof Date)) set.created_at = createdAt;
  const filter: Record<string, unknown> = { _id: raw._id, legacy_migration: { $exists: false } };
  for (const field of GUARDED_FIELDS) filter[field] = asRead(raw[field]);
  return { kind: 'convert', filter, set, members, notes };
}

/** One membership per (organization, user): a claim by insert on the unique index, so repeating it is harmless. */
async function insertMembers(organizationId: unknown, members: MemberRow[]): Promise<void> {
  for (const row of members) {
    try {
      await OrganizationMemberModel.collection.insertOne({
        organization_id: organizationId,
        ...row,
        created_at: new Date(),
        updated_at: new Date(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

/**
 * Converts every Python organization: its members into organization_members (each once), its tier, and a pool
 * (limit, usage, period). Members are inserted before the organization is marked, so a run killed in between
 * inserts them again (as duplicates, ignored) and then marks it.
 */
export async function migrateOrganizations(ctx: MigrationContext): Promise<CollectionReport> {
  const report = emptyReport('organizations');
  const collection = OrganizationModel.collection;
  await forEachBatch(ctx, collection, report, async (docs) => {
    for (const doc of docs) {
      let raw: Raw | null = doc;
      let done = false;
      for (let attempt = 0; attempt < 3 && raw && !done; attempt += 1) {
        const plan = await planOrganization(ctx, raw);
        if (plan.kind !== 'convert') {
          report[plan.kind === 'current' ? 'current' : 'skipped'] += 1;
          bump(plan.kind === 'current' ? report.currentReasons : report.skipReasons, plan.reason);
          done = true;
          break;
        }
        if (!ctx.dryRun) {
          await insertMembers(raw._id, plan.members);
          const id = raw._id as Types.ObjectId;
          const matched = await lockedWrite(
            'organizations',
            id,
            epochOf('organizations', String(id)),
            async () =>
              (await collection.updateOne(plan.filter, { $set: plan.set, $unset: { members: '' } })).matchedCount === 1,
          );
          if (!matched) {
            raw = await collection.findOne({ _id: raw._id });
            continue;
          }
          await refreshLoadedAccount(ctx, { kind: 'organization', id: String(id) });
        }
        report.converted += 1;
        bump(report.notes, MEMBERSHIPS_NOTE, plan.members.length);
        for (const note of plan.notes) bump(report.notes, note);
        done = true;
      }
      if (!done) {
        report.skipped += 1;
        bump(
          report.skipReasons,
          raw
            ? 'changed by the running service during every attempt (run db:migrate again)'
            : 'deleted while being migrated',
        );
      }
    }
  });
  return report;
}
