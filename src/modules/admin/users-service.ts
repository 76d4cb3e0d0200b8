import mongoose from 'mongoose';
import type { z } from 'zod';
import type { Config } from '../../config/index.js';
import { effectiveLimits, limitOverridesOf, type LimitOverrides } from '../../domain/plans/overrides.js';
import { NotFoundError } from '../../lib/errors.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import type { AccountRef } from '../../domain/quota/accounts.js';
import type { QuotaService } from '../../domain/quota/service.js';
import type { AccountRevocation } from '../users/revocation.js';
import type { SuperadminGuard } from './superadmin-guard.js';
import { assertMayGrant, assertMayManage } from './rules.js';
import type { listUsersQuerySchema, patchUserBodySchema } from './schemas.js';
import { isObjectId } from '../../lib/ids.js';

type ListQuery = z.infer<typeof listUsersQuerySchema>;
type Patch = z.infer<typeof patchUserBodySchema>;

interface Deps {
  config: Pick<Config, 'plans'>;
  quota: Pick<QuotaService, 'setLimit' | 'snapshot'>;
  revocation: AccountRevocation;
  superadmins: SuperadminGuard;
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createAdminUsersService({ config, quota, revocation, superadmins }: Deps) {
  async function list(query: ListQuery) {
    const filter: Record<string, unknown> = {};
    if (query.q) filter.email = mongoose.trusted({ $regex: escapeRegex(query.q.toLowerCase()) });
    if (query.tier) filter.subscription_tier = query.tier;
    if (query.role) filter.role = query.role;
    if (query.is_active !== undefined) filter.is_active = query.is_active;
    const [users, total] = await Promise.all([
      UserModel.find(filter)
        .sort({ created_at: -1, _id: -1 })
        .skip((query.page - 1) * query.per_page)
        .limit(query.per_page),
      UserModel.countDocuments(filter),
    ]);
    return { users, total };
  }

  async function find(id: string): Promise<UserDoc> {
    const user = isObjectId(id) ? await UserModel.findById(id) : null;
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async function get(id: string) {
    const user = await find(id);
    return { user, quota: await quota.snapshot({ kind: 'user', id: user._id.toString() }) };
  }

  function authorize(actor: UserDoc, target: UserDoc, patch: Patch): void {
    assertMayManage(actor, target);
    assertMayGrant(actor, patch.role);
  }

  function limitChanges(target: UserDoc, patch: Patch): { set: Record<string, unknown>; monthlyLimit?: number } {
    const touchesOverrides = patch.limit_overrides !== undefined || patch.monthly_limit !== undefined;
    if (!touchesOverrides && !patch.subscription_tier) return { set: {} };
    const overrides: LimitOverrides = { ...limitOverridesOf(target), ...patch.limit_overrides };
    if (patch.monthly_limit !== undefined) overrides.monthly_tokens = patch.monthly_limit;
    const tier = patch.subscription_tier ?? target.subscription_tier;
    const monthlyLimit = effectiveLimits(config.plans[tier], overrides).monthly_tokens;
    const set: Record<string, unknown> = touchesOverrides ? { limit_overrides: overrides } : {};
    if (monthlyLimit !== target.monthly_limit) set.monthly_limit = monthlyLimit;
    return { set, monthlyLimit: monthlyLimit !== target.monthly_limit ? monthlyLimit : undefined };
  }

  /** Redis holds the live counters: the new limit applies to the next reservation, and the seed field follows. */
  async function applyMonthlyLimit(ref: AccountRef, limit: number): Promise<void> {
    await quota.setLimit(ref, limit);
    const snapshot = await quota.snapshot(ref);
    if (snapshot)
      await UserModel.updateOne({ _id: ref.id }, { $set: { tokens_remaining: Math.max(0, limit - snapshot.used) } });
  }

  async function update(actor: UserDoc, id: string, patch: Patch) {
    const target = await find(id);
    authorize(actor, target, patch);
    const limits = limitChanges(target, patch);
    const set: Record<string, unknown> = { ...limits.set };
    if (patch.role) set.role = patch.role;
    if (patch.subscription_tier) set.subscription_tier = patch.subscription_tier;
    if (patch.is_active === true) Object.assign(set, { is_active: true, deactivated_by: null });
    const deactivating = patch.is_active === false && target.is_active;
    // An account someone else turned off (a parent, its owner) is now held by the administrator.
    if (patch.is_active === false && !target.is_active) set.deactivated_by = 'admin';

    const apply = async () => {
      if (Object.keys(set).length) await UserModel.updateOne({ _id: target._id }, { $set: set });
      if (deactivating) await revocation.deactivate(target._id, 'deactivated_by_admin', 'admin');
      if (limits.monthlyLimit !== undefined)
        await applyMonthlyLimit({ kind: 'user', id: target._id.toString() }, limits.monthlyLimit);
    };
    const removesSuperadmin =
      target.role === 'superadmin' && ((patch.role && patch.role !== 'superadmin') || deactivating);
    await (removesSuperadmin ? superadmins.keepingOneSuperadmin(target._id, apply) : apply());
    return get(id);
  }

  return { list, get, update };
}
export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
