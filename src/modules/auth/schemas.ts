import { z } from 'zod';

import { BCRYPT_MAX_BYTES } from './passwords.js';
import { objectIdSchema } from '../../lib/ids.js';
import { endpointFields } from './endpoints.js';

const utf8Bytes = (value: string) => Buffer.byteLength(value, 'utf8');

/** At least 8 characters, no composition rules; over 72 UTF-8 bytes is refused because bcrypt would truncate it. */
export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .refine(
    (value) => utf8Bytes(value) <= BCRYPT_MAX_BYTES,
    `must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8 (bcrypt would silently truncate it)`,
  );

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be a valid email address').max(254));

export const registerBodySchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    first_name: z.string().trim().max(100).optional(),
    last_name: z.string().trim().max(100).optional(),
    name: z.string().trim().max(200).optional(),
  })
  .openapi('RegisterRequest');

/** The known-client token a previous sign-in returned (also accepted in the X-Known-Client-Token header). */
const knownClientTokenField = z.string().max(128).optional().openapi({
  description:
    'The known_client_token of an earlier successful sign-in from this client: a lock-out by strangers does not apply to it',
});

export const loginJsonBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254),
    password: z.string().max(1024),
    known_client_token: knownClientTokenField,
  })
  .openapi('LoginJsonRequest');

export const loginFormBodySchema = z
  .object({
    username: z.string().trim().toLowerCase().max(254),
    password: z.string().max(1024),
    grant_type: z.string().optional(),
    scope: z.string().optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    known_client_token: knownClientTokenField,
  })
  .openapi('LoginFormRequest');

export const refreshBodySchema = z.object({ refresh_token: z.string().min(1).max(512) }).openapi('RefreshRequest');

export const monthlyUsageSchema = z.object({ api_calls: z.number(), tokens_used: z.number() });

/** The public view of a user: built from this schema, so secrets (password hash, identities) never leave. */
export const userResponseSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    role: z.string(),
    subscription_tier: z.string(),
    is_active: z.boolean(),
    /** Whether the current address was proven (a verification link, a password reset, or OAuth with that verified email). */
    is_verified: z.boolean(),
    is_sub_user: z.boolean(),
    parent_user_id: z.string().nullable(),
    tokens_used: z.number(),
    tokens_remaining: z.number(),
    monthly_limit: z.number(),
    reset_date: z.string(),
    monthly_usage: monthlyUsageSchema,
    last_login_at: z.string().nullable(),
    created_at: z.string().nullable(),
  })
  .openapi('User');

export const tokenPairSchema = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('bearer'),
    expires_in: z.number(),
  })
  .openapi('TokenPair');

const knownClientTokenResponse = z.string().openapi({
  description: 'Keep it and send it with the next password sign-in (known_client_token or X-Known-Client-Token)',
});

export const loginResponseSchema = tokenPairSchema
  .extend({
    user: userResponseSchema,
    ...endpointFields,
    known_client_token: knownClientTokenResponse.optional(),
  })
  .openapi('LoginResponse');

export const formLoginResponseSchema = tokenPairSchema
  .extend({ ...endpointFields, known_client_token: knownClientTokenResponse })
  .openapi('FormLoginResponse');

export const sessionIdParamsSchema = z.object({ id: objectIdSchema('must be a session id') });

export const sessionSchema = z
  .object({
    id: z.string(),
    method: z.string().openapi({ description: 'How the session began: password, oauth or dashboard' }),
    created_at: z.string(),
    last_used_at: z
      .string()
      .openapi({ description: 'The sign-in or the latest refresh (using an access token does not count)' }),
    expires_at: z.string(),
    user_agent: z.string().nullable(),
    approximate_address: z
      .string()
      .nullable()
      .openapi({ description: 'The network signed in from: IPv4 /24 or IPv6 /48' }),
    current: z.boolean(),
  })
  .openapi('Session');

export const sessionListSchema = z.object({ data: z.array(sessionSchema) }).openapi('SessionList');
/** A link's token as sent back by its page or a client; anything else is answered as an invalid token. */
const mailTokenField = z.string().max(256).openapi({ description: 'The token of the link sent by mail' });

export const forgotPasswordBodySchema = z.object({ email: emailSchema }).strict().openapi('ForgotPasswordRequest');
export const resetPasswordBodySchema = z
  .object({ token: mailTokenField, new_password: passwordSchema })
  .strict()
  .openapi('ResetPasswordRequest');
export const verifyEmailBodySchema = z
  .object({
    token: mailTokenField,
    /** The account's password: needed for an address change, and for an unproven account's first address. */
    password: z.string().max(1024).optional(),
  })
  .strict()
  .openapi('VerifyEmailRequest');
export const mailTokenQuerySchema = z.object({ token: mailTokenField });
export const cancelEmailChangeBodySchema = z.object({ token: mailTokenField }).strict().openapi('CancelEmailChange');
export const emailChangeCancelledSchema = z
  .object({ pending_email: z.null(), cancelled_email: z.string() })
  .openapi('EmailChangeCancelled');
export const acceptedSchema = z.object({ message: z.string() }).openapi('Accepted');
export const emailVerifiedSchema = z
  .object({ email: z.string(), is_verified: z.literal(true) })
  .openapi('EmailVerified');
