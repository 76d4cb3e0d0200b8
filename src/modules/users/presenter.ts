import type { z } from 'zod';
import type { UserDoc } from '../../models/user.js';
import { presentUser } from '../auth/presenter.js';
import { PROFILE_FIELDS, meResponseSchema } from './schemas.js';

export function presentProfile(profile: unknown): Record<(typeof PROFILE_FIELDS)[number], string | null> {
  const stored = (profile ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    PROFILE_FIELDS.map((field) => [field, typeof stored[field] === 'string' ? stored[field] : null]),
  ) as never;
}

export function presentMe(user: UserDoc): z.infer<typeof meResponseSchema> {
  return meResponseSchema.parse({
    ...presentUser(user),
    profile: presentProfile(user.profile),
    pending_email: user.pending_email ?? null,
    email_alerts: user.email_alerts !== false,
  });
}
