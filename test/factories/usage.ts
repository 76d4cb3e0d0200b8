import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import type { RequestContext, RequestOutcome } from '../../queues/index.js';
import { UserModel } from '../../src/models/user.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';
import type { TestApp } from '../helpers/harness.js';
import { registerAndLogin } from './users.js';

/** A registered, signed-in user whose monthly limit is `limit`. */
export async function payerUser(app: TestApp, limit: number) {
  const login = await registerAndLogin(app);
  await UserModel.updateOne({ _id: login.user.id }, { $set: { monthly_limit: limit, tokens_remaining: limit } });
  const ref: AccountRef = { kind: 'user', id: login.user.id };
  return { ...login, ref };
}

/** An organization owned by `ownerId` with a pool of `limit` tokens; members may carry a monthly cap. */
export async function organization(
  ownerId: string,
  limit: number,
  members: Array<{ user_id: string; cap?: number | null; role?: 'owner' | 'admin' | 'member' }> = [],
) {
  const reset = new Date(Date.now() + 30 * 86_400_000);
  const org = await OrganizationModel.create({
    name: `org-${randomUUID().slice(0, 8)}`,
    owner_id: ownerId,
    subscription_tier: 'pro',
    monthly_limit: limit,
    tokens_remaining: limit,
    reset_date: reset,
  });
  await OrganizationMemberModel.insertMany([
    { organization_id: org._id, user_id: ownerId, role: 'owner' },
    ...members.map((m) => ({
      organization_id: org._id,
      user_id: m.user_id,
      role: m.role ?? 'member',
      monthly_token_cap: m.cap ?? null,
    })),
  ]);
  return { id: org._id.toString(), ref: { kind: 'organization', id: org._id.toString() } as AccountRef };
}

export function requestContext(
  userId: string,
  accounts: AccountRef[],
  overrides: Partial<RequestContext> = {},
): RequestContext {
  const pool = accounts[accounts.length - 1]!;
  return {
    request_id: `req-${randomUUID()}`,
    user_id: userId,
    sub_user_id: null,
    parent_user_id: null,
    organization_id: pool.kind === 'organization' ? pool.id : null,
    api_key_id: null,
    payer: { type: pool.kind === 'organization' ? 'organization' : 'user', id: pool.id },
    accounts,
    endpoint: 'chat.completions',
    model: 'gpt-3.5-turbo',
    stream: true,
    reserved_tokens: 0,
    prompt_tokens_estimate: 10,
    enqueued_at: Date.now(),
    ...overrides,
  };
}

export function outcome(overrides: Partial<RequestOutcome> = {}): RequestOutcome {
  return {
    status: 'completed',
    prompt_tokens: 10,
    completion_tokens: 20,
    usage_source: 'reported',
    provider: 'fake',
    error_code: null,
    ttft_ms: 42,
    duration_ms: 300,
    ...overrides,
  };
}

export const newObjectId = () => new Types.ObjectId().toString();
