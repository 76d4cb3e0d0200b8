import { z } from 'zod';
import { TIERS, limitSchemas } from '../../domain/plans/catalog.js';
import { ROLES } from '../../models/user.js';
import { userResponseSchema } from '../auth/schemas.js';
import { objectIdSchema } from '../../lib/ids.js';

/** One field per plan limit, with the plan's own constraints; `null` removes an override. */
export const limitOverridesSchema = z.object(limitSchemas((field) => field.nullable())).openapi('LimitOverrides');

export const adminUserSchema = userResponseSchema
  .extend({
    is_verified: z.boolean(),
    limit_overrides: limitOverridesSchema,
    updated_at: z.string().nullable(),
    quota: z
      .object({ limit: z.number(), used: z.number(), reserved: z.number(), calls: z.number() })
      .nullable()
      .optional(),
  })
  .openapi('AdminUser');

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listUsersQuerySchema = z
  .object({
    /** Substring of the email (matched literally, case-insensitively). */
    q: z.string().trim().max(254).optional(),
    tier: z.enum(TIERS).optional(),
    role: z.enum(ROLES).optional(),
    is_active: boolString.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    per_page: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const adminUserListSchema = z
  .object({ data: z.array(adminUserSchema), page: z.number(), per_page: z.number(), total: z.number() })
  .openapi('AdminUserList');

export const userIdParamsSchema = z.object({ id: z.string().max(64) });

export const patchUserBodySchema = z
  .object({
    role: z.enum(ROLES).optional(),
    subscription_tier: z.enum(TIERS).optional(),
    is_active: z.boolean().optional(),
    /** Shorthand for limit_overrides.monthly_tokens. */
    monthly_limit: z.number().int().min(0).optional(),
    /** `null` removes an override (the plan's value applies again). */
    limit_overrides: limitOverridesSchema.partial().strict().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to update')
  .refine(
    (body) =>
      body.monthly_limit === undefined ||
      body.limit_overrides?.monthly_tokens === undefined ||
      body.monthly_limit === body.limit_overrides.monthly_tokens,
    'monthly_limit and limit_overrides.monthly_tokens disagree',
  )
  .openapi('AdminPatchUserRequest');

const counts = z.object({ requests: z.number(), total_tokens: z.number(), billed_tokens: z.number() });

export const statsSchema = z
  .object({
    users: z.object({
      total: z.number(),
      active: z.number(),
      by_tier: z.record(z.string(), z.number()),
      by_role: z.record(z.string(), z.number()),
    }),
    usage: z.object({
      today: counts.extend({ day: z.string() }),
      this_month: counts.extend({ from: z.string(), to: z.string() }),
    }),
    queues: z.record(
      z.string(),
      z.object({
        waiting: z.number(),
        active: z.number(),
        delayed: z.number(),
        prioritized: z.number(),
        failed: z.number(),
        paused: z.boolean(),
      }),
    ),
  })
  .openapi('AdminStats');

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'must be a real date',
  );
export const USAGE_DIMENSIONS = ['user', 'model', 'day'] as const;

export const usageQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    /** Comma-separated: user, model, day (default: day). */
    group_by: z
      .string()
      .max(40)
      .default('day')
      .transform((value, ctx) => {
        const dims = [
          ...new Set(
            value
              .split(',')
              .map((d) => d.trim())
              .filter(Boolean),
          ),
        ];
        const bad = dims.filter((d) => !(USAGE_DIMENSIONS as readonly string[]).includes(d));
        if (bad.length || dims.length === 0) {
          ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of ${USAGE_DIMENSIONS.join(', ')}` });
          return z.NEVER;
        }
        return dims as Array<(typeof USAGE_DIMENSIONS)[number]>;
      }),
    user_id: objectIdSchema('must be a user id').optional(),
    model: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const usageRowSchema = z.object({
  user_id: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  model: z.string().optional(),
  day: z.string().optional(),
  requests: z.number(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  billed_tokens: z.number(),
});

export const usageReportSchema = z
  .object({ from: z.string(), to: z.string(), group_by: z.array(z.string()), data: z.array(usageRowSchema) })
  .openapi('AdminUsageReport');
