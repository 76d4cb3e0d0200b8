import { z } from 'zod';
import { emailSchema, passwordSchema, userResponseSchema } from '../auth/schemas.js';

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const httpUrl = z.url({ protocol: /^https?$/ }).max(500);
const text = (max: number) => z.string().trim().max(max);

/** Free-form profile fields; `null` clears one. */
export const profileSchema = z
  .object({
    company: text(200).nullable(),
    job_title: text(200).nullable(),
    location: text(200).nullable(),
    website: httpUrl.nullable(),
    avatar_url: httpUrl.nullable(),
    timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').nullable(),
  })
  .partial()
  .strict();

export const PROFILE_FIELDS = ['company', 'job_title', 'location', 'website', 'avatar_url', 'timezone'] as const;

export const meResponseSchema = userResponseSchema
  .extend({
    profile: z.record(z.enum(PROFILE_FIELDS), z.string().nullable()),
    /** A requested address change waiting for the new address to confirm; the address is unchanged until then. */
    pending_email: z.string().nullable(),
    /** Alerts by mail (quota at 80 % and exhausted, failed payments); security notices are always sent. */
    email_alerts: z.boolean(),
  })
  .openapi('Me');

export const updateMeBodySchema = z
  .object({
    name: text(200).optional(),
    first_name: text(100).nullable().optional(),
    last_name: text(100).nullable().optional(),
    profile: profileSchema.optional(),
    /** A new address: it changes only once the link mailed to it is used (the answer is 202 with pending_email). */
    email: emailSchema.optional(),
    email_alerts: z.boolean().optional(),
    /** Required when `email` changes. */
    current_password: z.string().max(1024).optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).some((k) => k !== 'current_password'), 'nothing to update')
  .openapi('UpdateMeRequest');

export const changePasswordBodySchema = z
  .object({
    /** Required unless the account has no password yet (signed up with GitHub or Google). */
    current_password: z.string().max(1024).optional(),
    new_password: passwordSchema,
  })
  .strict()
  .openapi('ChangePasswordRequest');

export const deactivateBodySchema = z
  .object({ password: z.string().min(1).max(1024) })
  .strict()
  .openapi('DeactivateAccountRequest');
