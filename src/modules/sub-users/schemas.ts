import { z } from 'zod';
import { emailSchema, passwordSchema } from '../auth/schemas.js';
import { tokenCapSchema } from '../organizations/schemas.js';

const modelsSchema = z
  .array(z.string().trim().min(1).max(100))
  .min(1, "give at least one model, or null for all of the parent's models")
  .max(100);

export const permissionsInputSchema = z
  .object({
    /** Model ids this sub-user may use (within the parent's plan); null: all of the parent's models. */
    models: modelsSchema.nullable().optional(),
    can_create_api_keys: z.boolean().optional(),
  })
  .strict();

export const limitsInputSchema = z
  .object({
    /** Monthly tokens this sub-user may use (they also count against the parent's quota); null: no own cap. */
    monthly_tokens: tokenCapSchema.nullable().optional(),
    requests_per_minute: z.number().int().min(1).max(100_000).nullable().optional(),
  })
  .strict();

export const createSubUserBodySchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: z.string().trim().max(200).optional(),
    permissions: permissionsInputSchema.optional(),
    limits: limitsInputSchema.optional(),
  })
  .openapi('CreateSubUserRequest');

export const updateSubUserBodySchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    /** Sets a new password for the sub-user and signs it out everywhere. */
    password: passwordSchema.optional(),
    permissions: permissionsInputSchema.optional(),
    limits: limitsInputSchema.optional(),
    /** false disables sign-in and revokes the sub-user's sessions at once. */
    is_active: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'give at least one field to change')
  .openapi('UpdateSubUserRequest');

export const subUserParamsSchema = z.object({ id: z.string().max(64) });

export const permissionsSchema = z.object({ models: z.array(z.string()).nullable(), can_create_api_keys: z.boolean() });
export const limitsSchema = z.object({
  monthly_tokens: z.number().nullable(),
  requests_per_minute: z.number().nullable(),
});

export const subUserResponseSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    permissions: permissionsSchema,
    limits: limitsSchema,
    is_active: z.boolean(),
    parent_user_id: z.string(),
    created_at: z.string().nullable(),
    last_login_at: z.string().nullable(),
  })
  .openapi('SubUser');

export const subUserListSchema = z.object({ data: z.array(subUserResponseSchema) }).openapi('SubUserList');

const usageTotalsSchema = z.object({
  tokens_used: z.number(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  requests: z.number(),
});

export const subUserUsageSchema = z
  .object({
    sub_user_id: z.string(),
    /** The parent's current quota period, which ends at `reset_date`. */
    period: usageTotalsSchema.extend({
      reset_date: z.string(),
      by_model: z.array(usageTotalsSchema.extend({ model: z.string() })),
    }),
    total: usageTotalsSchema,
    /** The sub-user's own monthly cap, live (null when it has none). */
    cap: z.object({ limit: z.number(), used: z.number(), reserved: z.number(), remaining: z.number() }).nullable(),
  })
  .openapi('SubUserUsage');

export type CreateSubUserInput = z.infer<typeof createSubUserBodySchema>;
export type UpdateSubUserInput = z.infer<typeof updateSubUserBodySchema>;
export type Permissions = z.infer<typeof permissionsSchema>;
export type Limits = z.infer<typeof limitsSchema>;
export type SubUserUsage = z.infer<typeof subUserUsageSchema>;
