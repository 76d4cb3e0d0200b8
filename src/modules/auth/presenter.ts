import type { UserDoc } from '../../models/user.js';
import type { Entitlement } from '../../domain/plans/entitlement.js';
import { userResponseSchema } from './schemas.js';
import type { z } from 'zod';
import { isoOrNull as iso } from '../../lib/dates.js';

export type UserResponse = z.infer<typeof userResponseSchema>;

/** The user as stored, with what applies now (`entitlement`: plan, cap, live usage) where it is known. */
export function presentUser(user: UserDoc, entitlement: Entitlement | null = null): UserResponse {
  return userResponseSchema.parse({
    id: user._id.toString(),
    email: user.email,
    name: user.name || [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email.split('@')[0],
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    role: user.role,
    subscription_tier: entitlement?.tier ?? user.subscription_tier,
    is_active: user.is_active,
    is_verified: user.is_verified ?? false,
    is_sub_user: user.is_sub_user ?? false,
    parent_user_id: user.parent_user_id ? user.parent_user_id.toString() : null,
    tokens_used: entitlement?.tokens_used ?? user.tokens_used ?? 0,
    tokens_remaining: entitlement?.tokens_remaining ?? user.tokens_remaining ?? 0,
    monthly_limit: entitlement?.monthly_limit ?? user.monthly_limit ?? 0,
    reset_date: entitlement?.reset_date ?? iso(user.reset_date) ?? new Date(0).toISOString(),
    monthly_usage: { api_calls: user.monthly_usage?.api_calls ?? 0, tokens_used: user.monthly_usage?.tokens_used ?? 0 },
    last_login_at: iso(user.last_login_at),
    created_at: iso((user as unknown as { created_at?: Date }).created_at),
  });
}
