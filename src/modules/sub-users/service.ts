import type { Config } from '../../config/index.js';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { Locks } from '../../lib/locks.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { setVerified } from '../../lib/verified-write.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { isAddressTaken } from '../../models/user-addresses.js';
import { assertCredentialsCurrent } from '../users/credential-generation.js';
import type { ApiKeyBulkRevoker } from '../api-keys/bulk-revoke.js';
import { bcryptClient, type PasswordHasher } from '../auth/passwords.js';
import type { RefreshTokens } from '../auth/refresh-tokens.js';
import type { AccountRef } from '../../domain/quota/accounts.js';
import { syncCapAccount } from '../../domain/quota/cap-sync.js';
import type { QuotaService } from '../../domain/quota/service.js';
import { subUserLimitsOf, subUserPermissionsOf } from '../../domain/plans/overrides.js';
import type { CreateSubUserInput, Limits, Permissions, SubUserUsage, UpdateSubUserInput } from './schemas.js';
import { subUserLedgerUsage } from './usage.js';
import { isObjectId } from '../../lib/ids.js';

interface Deps {
  config: Pick<Config, 'LLM_MODELS' | 'LLM_EMBEDDING_MODELS' | 'SUB_USERS_MAX_PER_USER'>;
  passwords: PasswordHasher;
  refreshTokens: Pick<RefreshTokens, 'revokeAllForUser'>;
  quota: Pick<QuotaService, 'snapshot' | 'setLimit' | 'forget'>;
  locks: Locks;
  apiKeys: ApiKeyBulkRevoker;
  /** Counts one password set by this parent; throws 429 once it set SUB_USER_PASSWORD_SETS_PER_PARENT in the window. */
  limitPasswordSets: (parentId: string) => Promise<void>;
}

const capAccount = (id: string, parentId: string): AccountRef => ({ kind: 'sub_user_cap', id, parent: parentId });

/** Keys left out of a patch keep their value; null clears one. */
function merge<T extends object>(current: T, patch: Partial<{ [K in keyof T]: T[K] | null }> | undefined): T {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch ?? {}))
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  return next;
}

/** An administrator's deactivation holds until an administrator lifts it. */
function assertMayActivate(sub: UserDoc, isActive: boolean | undefined): void {
  if (isActive === true && !sub.is_active && sub.deactivated_by === 'admin') {
    throw new ForbiddenError(
      'An administrator deactivated this sub-user; only an administrator can enable it again',
      'deactivated_by_admin',
    );
  }
}

/** Turning off an already inactive sub-user keeps who turned it off first (so it cannot launder an admin's hold). */
function activationFields(sub: UserDoc, isActive: boolean): Record<string, unknown> {
  if (isActive) return { is_active: true, deactivated_by: null };
  return sub.is_active ? { is_active: false, deactivated_by: 'parent' } : {};
}

/**
 * Sub-users: logins a user creates under their account. They sign in like everyone else; their requests draw
 * from their own cap (if set) and from their parent's quota (see src/domain/plans/payer.ts). Only the parent sees them:
 * anyone else's id answers 404.
 */
export function createSubUserService({
  config,
  passwords,
  refreshTokens,
  quota,
  locks,
  apiKeys,
  limitPasswordSets,
}: Deps) {
  /** Each costs a bcrypt hash: limited per parent, and counted as the parent's share of the bcrypt slots. */
  async function hashPassword(parent: UserDoc, password: string): Promise<string> {
    await limitPasswordSets(parent._id.toString());
    return passwords.hash(password, bcryptClient.account(parent._id));
  }

  function assertKnownModels(models: string[] | null | undefined): void {
    const offered = [...config.LLM_MODELS, ...config.LLM_EMBEDDING_MODELS];
    const unknown = (models ?? []).filter((m) => !offered.includes(m));
    if (unknown.length) {
      throw new BadRequestError(`Unknown model(s): ${unknown.join(', ')}. Offered: ${offered.join(', ')}`, {
        code: 'unknown_model',
        param: 'permissions.models',
      });
    }
  }

  async function load(parent: UserDoc, id: string): Promise<UserDoc> {
    const sub = isObjectId(id)
      ? await UserModel.findOne({ _id: id, parent_user_id: parent._id, is_sub_user: true })
      : null;
    if (!sub) throw new NotFoundError('Sub-user');
    return sub;
  }

  async function assertBelowLimit(parent: UserDoc): Promise<void> {
    if (
      (await UserModel.countDocuments({ parent_user_id: parent._id, is_sub_user: true })) >=
      config.SUB_USERS_MAX_PER_USER
    ) {
      throw new ForbiddenError(
        `You can have at most ${config.SUB_USERS_MAX_PER_USER} sub-users`,
        'sub_user_limit_reached',
      );
    }
  }

  /** What a sub-user's own seed fields show: its cap, or else the parent's limit (the payer's numbers are the truth). */
  const shownLimit = (parent: UserDoc, limits: Limits) => limits.monthly_tokens ?? parent.monthly_limit ?? 0;

  async function create(parent: UserDoc, input: CreateSubUserInput): Promise<UserDoc> {
    assertKnownModels(input.permissions?.models);
    const permissions = merge<Permissions>({ models: null, can_create_api_keys: false }, input.permissions);
    if (permissions.models) permissions.models = [...new Set(permissions.models)];
    const limits = merge<Limits>({ monthly_tokens: null, requests_per_minute: null }, input.limits);
    // Refuse before paying for a hash; the check under the lock is the one that holds against concurrent creations.
    await assertBelowLimit(parent);
    // The unique index compares exact spellings; a Python account may hold the address in another case.
    if (await isAddressTaken(input.email))
      throw new ConflictError('An account with this email already exists', 'email_taken');
    const passwordHash = await hashPassword(parent, input.password);
    return locks.withLock(`sub-users:${parent._id.toString()}`, async () => {
      await assertCredentialsCurrent(parent);
      await assertBelowLimit(parent);
      try {
        return await UserModel.create({
          email: input.email,
          password_hash: passwordHash,
          name: input.name ?? '',
          role: 'user',
          is_sub_user: true,
          parent_user_id: parent._id,
          sub_user_permissions: permissions,
          sub_user_limits: limits,
          subscription_tier: parent.subscription_tier,
          monthly_limit: shownLimit(parent, limits),
          tokens_remaining: shownLimit(parent, limits),
          tokens_used: 0,
          reset_date: parent.reset_date,
          monthly_usage: { api_calls: 0, tokens_used: 0 },
        });
      } catch (error) {
        if (isDuplicateKeyError(error))
          throw new ConflictError('An account with this email already exists', 'email_taken');
        throw error;
      }
    });
  }

  async function list(parent: UserDoc): Promise<UserDoc[]> {
    return UserModel.find({ parent_user_id: parent._id, is_sub_user: true }).sort({ created_at: 1 });
  }

  async function update(parent: UserDoc, id: string, input: UpdateSubUserInput): Promise<UserDoc> {
    await load(parent, id);
    assertKnownModels(input.permissions?.models);
    const passwordHash = input.password === undefined ? undefined : await hashPassword(parent, input.password);
    return locks.withLock(`sub-user:${id}`, async () => {
      const sub = await load(parent, id);
      assertMayActivate(sub, input.is_active);
      const before = subUserLimitsOf(sub);
      const limits = merge(before, input.limits);
      const permissions = merge(subUserPermissionsOf(sub), input.permissions);
      if (permissions.models) permissions.models = [...new Set(permissions.models)];
      const fields: Record<string, unknown> = { sub_user_permissions: permissions, sub_user_limits: limits };
      if (input.name !== undefined) fields.name = input.name;
      if (input.is_active !== undefined) Object.assign(fields, activationFields(sub, input.is_active));
      if (passwordHash) fields.password_hash = passwordHash;
      if (limits.monthly_tokens !== before.monthly_tokens) {
        fields.monthly_limit = shownLimit(parent, limits);
        fields.tokens_remaining = Math.max(0, shownLimit(parent, limits) - (sub.tokens_used ?? 0));
      }
      const signOut = passwordHash !== undefined || input.is_active === false;
      // A new token_version invalidates every access token issued before it.
      if (signOut) fields.token_version = (sub.token_version ?? 0) + 1;
      await setVerified(UserModel, sub._id, fields);
      if (signOut) {
        await refreshTokens.revokeAllForUser(
          sub._id,
          input.is_active === false ? 'disabled_by_parent' : 'password_set_by_parent',
        );
        await apiKeys.forgetCached({ user_id: id });
      }
      await syncCapAccount(quota, capAccount(id, parent._id.toString()), before.monthly_tokens, limits.monthly_tokens);
      return load(parent, id);
    });
  }

  /** Under the sub-user's lock: the login goes, with its sessions, keys and cap. */
  async function deleteLogin(id: string, parentId: string, reason: string): Promise<void> {
    await UserModel.deleteOne({ _id: id });
    await refreshTokens.revokeAllForUser(id, reason);
    await apiKeys.revokeWhere({ user_id: id });
    await quota.forget(capAccount(id, parentId));
  }

  /** Deletes the login (its email becomes free); the ledger keeps its rows, so the parent's usage stays whole. */
  async function remove(parent: UserDoc, id: string): Promise<void> {
    await load(parent, id);
    await locks.withLock(`sub-user:${id}`, async () => {
      await deleteLogin((await load(parent, id))._id.toString(), parent._id.toString(), 'sub_user_deleted');
    });
  }

  /**
   * Deletes every sub-user of an account whose address was just proven for the first time: they were made by
   * whoever held the address before. Holds the lock `create` takes, so a creation racing this one either lands
   * before (and is deleted here) or is refused (assertCredentialsCurrent).
   */
  async function removeAllOf(parentId: string): Promise<number> {
    return locks.withLock(`sub-users:${parentId}`, async () => {
      const subs = await UserModel.find({ parent_user_id: parentId, is_sub_user: true }, { _id: 1 }).lean();
      for (const sub of subs) {
        const id = sub._id.toString();
        await locks.withLock(`sub-user:${id}`, () => deleteLogin(id, parentId, 'parent_address_proven'));
      }
      return subs.length;
    });
  }

  async function usage(parent: UserDoc, id: string): Promise<SubUserUsage> {
    const sub = await load(parent, id);
    const period = new Date(parent.reset_date).toISOString();
    const ledger = await subUserLedgerUsage(id, period);
    const hasCap = subUserLimitsOf(sub).monthly_tokens !== null;
    const snap = hasCap ? await quota.snapshot(capAccount(id, parent._id.toString())) : null;
    const cap = snap
      ? {
          limit: snap.limit,
          used: snap.used,
          reserved: snap.reserved,
          remaining: Math.max(0, snap.limit - snap.used - snap.reserved),
        }
      : null;
    return { sub_user_id: id, ...ledger, cap };
  }

  return { create, list, get: load, update, remove, removeAllOf, usage };
}
export type SubUserService = ReturnType<typeof createSubUserService>;
