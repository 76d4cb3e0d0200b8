import { z } from 'zod';
import { SCOPE_NAMES } from '../../lib/http/scopes.js';

const scopeSchema = z.enum(SCOPE_NAMES);

export const createApiKeyBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z
      .array(scopeSchema)
      .min(1)
      .max(SCOPE_NAMES.length)
      .optional()
      .refine((scopes) => !scopes || new Set(scopes).size === scopes.length, 'must not repeat a scope'),
    expires_at: z.iso
      .datetime({ offset: true })
      .optional()
      .nullable()
      .refine((value) => !value || Date.parse(value) > Date.now(), 'must be in the future'),
    organization_id: z.string().max(64).optional().nullable(),
  })
  .strict()
  .openapi('CreateApiKeyRequest');

export const rotateApiKeyBodySchema = z
  .object({
    /** Shorter than the configured overlap, e.g. 0 when the old key leaked. */
    overlap_seconds: z.number().int().min(0).optional(),
  })
  .strict()
  .openapi('RotateApiKeyRequest');

export const apiKeyIdParamsSchema = z.object({ id: z.string().max(64) });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    last4: z.string(),
    scopes: z.array(z.string()),
    organization_id: z.string().nullable(),
    status: z.enum(['active', 'rotating', 'expired']),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    /** For a rotated key: when it stops working. */
    rotation_ends_at: z.string().nullable(),
  })
  .openapi('ApiKey');

export const createdApiKeySchema = z
  .object({
    id: z.string(),
    /** The full key: shown in this response only. */
    key: z.string(),
    name: z.string(),
    prefix: z.string(),
    last4: z.string(),
    scopes: z.array(z.string()),
    organization_id: z.string().nullable(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
  })
  .openapi('CreatedApiKey');

export const rotatedApiKeySchema = createdApiKeySchema
  .extend({ replaced: z.object({ id: z.string(), valid_until: z.string() }) })
  .openapi('RotatedApiKey');

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) }).openapi('ApiKeyList');
