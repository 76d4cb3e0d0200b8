import type { z } from 'zod';
import type { UserDoc } from '../../models/user.js';
import { presentUser } from '../auth/presenter.js';
import type { AccountSnapshot } from '../../domain/quota/service.js';
import { limitOverridesOf } from '../../domain/plans/overrides.js';
import { adminUserSchema } from './schemas.js';

export function presentAdminUser(user: UserDoc, quota?: AccountSnapshot | null): z.infer<typeof adminUserSchema> {
  return adminUserSchema.parse({
    ...presentUser(user),
    is_verified: user.is_verified ?? false,
    limit_overrides: limitOverridesOf(user),
    updated_at: (user as unknown as { updated_at?: Date }).updated_at?.toISOString() ?? null,
    quota:
      quota === undefined
        ? undefined
        : quota && { limit: quota.limit, used: quota.used, reserved: quota.reserved, calls: quota.calls },
  });
}
