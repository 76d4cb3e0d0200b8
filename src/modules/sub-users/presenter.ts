import type { z } from 'zod';
import type { UserDoc } from '../../models/user.js';
import { subUserResponseSchema } from './schemas.js';
import { isoOrNull as iso } from '../../lib/dates.js';
import { subUserLimitsOf, subUserPermissionsOf } from '../../domain/plans/overrides.js';

export function presentSubUser(user: UserDoc): z.infer<typeof subUserResponseSchema> {
  return subUserResponseSchema.parse({
    id: user._id.toString(),
    email: user.email,
    name: user.name || user.email.split('@')[0],
    permissions: subUserPermissionsOf(user),
    limits: subUserLimitsOf(user),
    is_active: user.is_active,
    parent_user_id: user.parent_user_id?.toString() ?? '',
    created_at: iso((user as unknown as { created_at?: Date }).created_at),
    last_login_at: iso(user.last_login_at),
  });
}
