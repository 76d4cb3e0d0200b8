import type { Config } from '../../config/index.js';
import type { ErrorCode } from '../../lib/error-codes.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { isObjectId } from '../../lib/ids.js';
import { OrganizationModel } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { memberCapAccount, type AccountRef } from '../quota/accounts.js';
import { requestLimitsOf, type RequestLimits, type Tier } from './catalog.js';
import { modelsForTier, permittedModels } from './models.js';
import { effectiveLimits, limitOverridesOf, subUserLimitsOf, subUserPermissionsOf } from './overrides.js';

/** Who pays for a request and what it may use: the plan's request limits (overrides applied) and the fields below. */
export interface PayerContext extends RequestLimits {
  /** Who pays: the user (or a sub-user's parent), or an organization's pool. */
  payer: { type: 'user' | 'organization'; id: string };
  /** The chain reserved all-or-nothing, most specific first (own cap, then the pool). */
  accounts: AccountRef[];
  tier: Tier;
  /** Chat models this caller may use (chat completions, Responses). */
  models: string[];
  /** Embedding models this caller may use (every plan has them; a sub-user's model list restricts them too). */
  embedding_models: string[];
  user_id: string;
  sub_user_id: string | null;
  parent_user_id: string | null;
  organization_id: string | null;
  api_key_id: string | null;
}

/** What working out the payer needs of the caller (the web role's Principal has it). */
export interface Caller {
  user: UserDoc;
  apiKey?: { id: string; organization_id: string | null };
}

/** The request limits of a tier's plan with the overrides of the user whose plan it is. */
const requestLimits = (config: Config, tier: Tier, user: { limit_overrides?: unknown }): RequestLimits =>
  requestLimitsOf(effectiveLimits(config.plans[tier], limitOverridesOf(user)));

async function organizationContext(
  config: Config,
  user: UserDoc,
  orgId: string,
  apiKeyId: string | null,
): Promise<PayerContext> {
  if (!isObjectId(orgId)) throw new NotFoundError('Organization');
  const [org, member] = await Promise.all([
    OrganizationModel.findOne({ _id: orgId, is_active: true }).lean(),
    OrganizationMemberModel.findOne({ organization_id: orgId, user_id: user._id }).lean(),
  ]);
  if (!org || !member) throw new NotFoundError('Organization');
  const tier = org.subscription_tier;
  const accounts: AccountRef[] = [];
  if (member.monthly_token_cap !== null && member.monthly_token_cap !== undefined) {
    accounts.push(memberCapAccount(org._id.toString(), user._id.toString()));
  }
  accounts.push({ kind: 'organization', id: org._id.toString() });
  return {
    payer: { type: 'organization', id: org._id.toString() },
    accounts,
    tier,
    models: modelsForTier(config, tier),
    embedding_models: [...config.LLM_EMBEDDING_MODELS],
    user_id: user._id.toString(),
    sub_user_id: null,
    parent_user_id: null,
    organization_id: org._id.toString(),
    api_key_id: apiKeyId,
    // The member's own overrides, on the organization's plan.
    ...requestLimits(config, tier, user),
  };
}

async function subUserContext(config: Config, user: UserDoc, apiKeyId: string | null): Promise<PayerContext> {
  const parent = await UserModel.findById(user.parent_user_id);
  if (!parent || !parent.is_active)
    throw new ForbiddenError('The account this sub-user belongs to is not active', 'parent_inactive');
  const tier = parent.subscription_tier;
  const limits = subUserLimitsOf(user);
  const permitted = subUserPermissionsOf(user).models;
  const accounts: AccountRef[] = [];
  if (limits.monthly_tokens !== null)
    accounts.push({ kind: 'sub_user_cap', id: user._id.toString(), parent: parent._id.toString() });
  accounts.push({ kind: 'user', id: parent._id.toString() });
  const plan = requestLimits(config, tier, parent);
  return {
    payer: { type: 'user', id: parent._id.toString() },
    accounts,
    tier,
    models: permittedModels(modelsForTier(config, tier), permitted),
    embedding_models: permittedModels(config.LLM_EMBEDDING_MODELS, permitted),
    user_id: user._id.toString(),
    sub_user_id: user._id.toString(),
    parent_user_id: parent._id.toString(),
    organization_id: null,
    api_key_id: apiKeyId,
    ...plan,
    requests_per_minute: Math.min(plan.requests_per_minute, limits.requests_per_minute ?? Infinity),
  };
}

/** What working out the payer can answer: an organization that is not the caller's, an inactive parent, a key bound elsewhere. */
export const PAYER_ERRORS = [
  'not_found',
  'parent_inactive',
  'organization_mismatch',
] as const satisfies readonly ErrorCode[];

/**
 * Who pays for a request (SPEC "Who pays"): an organization-bound API key or X-Organization-Id of an
 * organization the user belongs to -> the organization's pool (with an optional per-member cap); a sub-user ->
 * its own cap, then its parent's quota (never an organization's); otherwise the user's own quota.
 */
export async function resolvePayer(config: Config, caller: Caller, organizationHeader?: string): Promise<PayerContext> {
  const { user } = caller;
  const apiKeyId = caller.apiKey?.id ?? null;
  const keyOrg = caller.apiKey?.organization_id ?? null;
  if (keyOrg && organizationHeader && organizationHeader !== keyOrg) {
    throw new ForbiddenError('This API key is bound to another organization', 'organization_mismatch');
  }
  const orgId = keyOrg ?? organizationHeader;
  // A sub-user belongs to no organization: a membership naming it (an earlier db:migrate wrote some) never moves
  // its requests off its parent, its cap and its model list. 404, as for any organization the caller is not in.
  if (orgId && user.is_sub_user) throw new NotFoundError('Organization');
  if (orgId) return organizationContext(config, user, orgId, apiKeyId);
  if (user.is_sub_user && user.parent_user_id) return subUserContext(config, user, apiKeyId);
  const tier = user.subscription_tier;
  return {
    payer: { type: 'user', id: user._id.toString() },
    accounts: [{ kind: 'user', id: user._id.toString() }],
    tier,
    models: modelsForTier(config, tier),
    embedding_models: [...config.LLM_EMBEDDING_MODELS],
    user_id: user._id.toString(),
    sub_user_id: null,
    parent_user_id: null,
    organization_id: null,
    api_key_id: apiKeyId,
    ...requestLimits(config, tier, user),
  };
}
