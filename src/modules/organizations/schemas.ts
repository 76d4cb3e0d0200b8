import { z } from 'zod';
import { ORG_ROLES } from '../../models/organization.js';
import { emailSchema } from '../auth/schemas.js';

export const SETTINGS_MAX_BYTES = 16_384;
const SETTINGS_MAX_DEPTH = 5;
/** MongoDB refuses `$`-prefixed and dotted field names; refusing them here keeps them a 400, not a 500. */
const SETTING_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** Adds an issue for each bad name or too-deep value; returns false when it found any. */
function checkSettings(value: unknown, path: (string | number)[], ctx: z.RefinementCtx): boolean {
  if (path.length > SETTINGS_MAX_DEPTH) {
    ctx.addIssue({ code: 'custom', path, message: `settings may nest at most ${SETTINGS_MAX_DEPTH} levels` });
    return false;
  }
  let ok = true;
  if (Array.isArray(value))
    value.forEach((item, i) => {
      ok = checkSettings(item, [...path, i], ctx) && ok;
    });
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!SETTING_KEY.test(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, key],
          message: 'setting names use letters, digits, _ and - (1-64)',
        });
        ok = false;
      } else ok = checkSettings(item, [...path, key], ctx) && ok;
    }
  }
  return ok;
}

/** Free-form organization settings (JSON). In a PATCH a top-level `null` removes that setting. */
export const settingsSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    // Measured only once the depth is known to be small: JSON.stringify overflows the stack on deep values.
    if (!checkSettings(value, [], ctx)) return;
    if (Buffer.byteLength(JSON.stringify(value), 'utf8') > SETTINGS_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `settings must be at most ${SETTINGS_MAX_BYTES} bytes of JSON`,
      });
    }
  })
  .openapi('OrganizationSettings');

const nameSchema = z.string().trim().min(1, 'must not be empty').max(100);
export const tokenCapSchema = z.number().int().min(0).max(1_000_000_000_000);
const invitationRoleSchema = z.enum(['admin', 'member']);

export const createOrganizationBodySchema = z
  .object({ name: nameSchema, settings: settingsSchema.optional() })
  .openapi('CreateOrganizationRequest');

export const updateOrganizationBodySchema = z
  .object({ name: nameSchema.optional(), settings: settingsSchema.optional() })
  .refine((body) => body.name !== undefined || body.settings !== undefined, 'give name or settings')
  .openapi('UpdateOrganizationRequest');

export const addMemberBodySchema = z
  .object({
    email: emailSchema,
    /** Ownership is transferred with PATCH, never granted by an invitation. */
    role: invitationRoleSchema.default('member'),
    monthly_token_cap: tokenCapSchema.nullable().optional(),
  })
  .openapi('InviteOrganizationMemberRequest');

export const updateMemberBodySchema = z
  .object({
    /** `owner` transfers ownership (the current owner becomes an admin). */
    role: z.enum(ORG_ROLES).optional(),
    /** Monthly tokens this member may draw from the pool; null removes the cap. */
    monthly_token_cap: tokenCapSchema.nullable().optional(),
  })
  .refine((body) => body.role !== undefined || body.monthly_token_cap !== undefined, 'give role or monthly_token_cap')
  .openapi('UpdateOrganizationMemberRequest');

export const orgParamsSchema = z.object({ id: z.string().max(64) });
export const memberParamsSchema = z.object({ id: z.string().max(64), userId: z.string().max(64) });
export const sentInvitationParamsSchema = z.object({ id: z.string().max(64), invitationId: z.string().max(64) });
export const invitationParamsSchema = z.object({ invitationId: z.string().max(64) });

/** An invitation as the organization's owner and admins see it: the address they typed, nothing else about the account. */
export const sentInvitationSchema = z
  .object({
    id: z.string(),
    organization_id: z.string(),
    email: z.string(),
    role: invitationRoleSchema,
    monthly_token_cap: z.number().nullable(),
    /** `expired` invitations can no longer be accepted; inviting the address again replaces them. */
    status: z.enum(['pending', 'expired']),
    created_at: z.string().nullable(),
    expires_at: z.string(),
  })
  .openapi('OrganizationInvitation');
export const sentInvitationListSchema = z
  .object({ data: z.array(sentInvitationSchema) })
  .openapi('OrganizationInvitationList');

/** An invitation as the invited account sees it (only those that can still be accepted). */
export const receivedInvitationSchema = z
  .object({
    id: z.string(),
    /** The name is the organization owner's free text: show it as a name, never as a message from the service. */
    organization: z.object({ id: z.string(), name: z.string() }),
    role: invitationRoleSchema,
    monthly_token_cap: z.number().nullable(),
    invited_by_email: z.string().nullable(),
    status: z.literal('pending'),
    created_at: z.string().nullable(),
    expires_at: z.string(),
  })
  .openapi('ReceivedOrganizationInvitation');
export const receivedInvitationListSchema = z
  .object({ data: z.array(receivedInvitationSchema) })
  .openapi('ReceivedOrganizationInvitationList');

export const memberResponseSchema = z
  .object({
    user_id: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
    role: z.enum(ORG_ROLES),
    monthly_token_cap: z.number().nullable(),
    joined_at: z.string(),
  })
  .openapi('OrganizationMember');

export const organizationResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner_id: z.string(),
    subscription_tier: z.string(),
    /** The caller's role in this organization. */
    my_role: z.enum(ORG_ROLES),
    members: z.array(memberResponseSchema),
    settings: z.record(z.string(), z.unknown()),
    monthly_limit: z.number(),
    tokens_used: z.number(),
    tokens_remaining: z.number(),
    /** Tokens held by requests in flight. */
    reserved: z.number(),
    reset_date: z.string(),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .openapi('Organization');

export const organizationListSchema = z
  .object({ data: z.array(organizationResponseSchema) })
  .openapi('OrganizationList');
export const memberListSchema = z.object({ data: z.array(memberResponseSchema) }).openapi('OrganizationMemberList');

export type CreateOrganizationInput = z.infer<typeof createOrganizationBodySchema>;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBodySchema>;
export type AddMemberInput = z.infer<typeof addMemberBodySchema>;
export type UpdateMemberInput = z.infer<typeof updateMemberBodySchema>;
