import type { z } from 'zod';
import type { UserDoc } from '../../models/user.js';
import { subUserResponseSchema, type Limits, type Permissions } from './schemas.js';
import { isoOrNull as iso } from '../../lib/dates.js';

export function permissionsOf(user: Pick<UserDoc, 'sub_user_permissions'>): Permissions {
  const p = (user.sub_user_permissions ?? {}) as Partial<Permissions>;
  return { models: p.models ?? null, can_create_api_keys: p.can_create_api_keys ?? false };
}

export function limitsOf(user: Pick<UserDoc, 'sub_user_limits'>): Limits {
  const l = (user.sub_user_limits ?? {}) as Partial<Limits>;
  return { monthly_tokens: l.monthly_tokens ?? null, requests_per_minute: l.requests_per_minute ?? null };
}

export function presentSubUser(user: UserDoc): z.infer<typeof subUserResponseSchema> {
  return subUserResponseSchema.parse({
    id: user._id.toString(),
    email: user.email,
    name: user.name || user.email.split('@')[0],
    permissions: permissionsOf(user),
    limits: limitsOf(user),
    is_active: user.is_active,
    parent_user_id: user.parent_user_id?.toString() ?? '',
    created_at: iso((user as unknown as { created_at?: Date }).created_at),
    last_login_at: iso(user.last_login_at),
  });
}
