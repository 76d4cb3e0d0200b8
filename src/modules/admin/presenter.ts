import type { z } from 'zod';
import type { UserDoc } from '../../models/user.js';
import { presentUser } from '../auth/presenter.js';
import type { AccountSnapshot } from '../../shared/quota/service.js';
import { adminUserSchema } from './schemas.js';

type Overrides = {
  monthly_tokens?: number | null;
  requests_per_minute?: number | null;
  concurrent_streams?: number | null;
} | null;

export function presentAdminUser(user: UserDoc, quota?: AccountSnapshot | null): z.infer<typeof adminUserSchema> {
  const overrides = (user.limit_overrides ?? {}) as NonNullable<Overrides>;
  return adminUserSchema.parse({
    ...presentUser(user),
    is_verified: user.is_verified ?? false,
    limit_overrides: {
      monthly_tokens: overrides.monthly_tokens ?? null,
      requests_per_minute: overrides.requests_per_minute ?? null,
      concurrent_streams: overrides.concurrent_streams ?? null,
    },
    updated_at: (user as unknown as { updated_at?: Date }).updated_at?.toISOString() ?? null,
    quota:
      quota === undefined
        ? undefined
        : quota && { limit: quota.limit, used: quota.used, reserved: quota.reserved, calls: quota.calls },
  });
}
