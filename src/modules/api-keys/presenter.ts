import type { z } from 'zod';
import type { ApiKeyFields } from '../../models/api-key.js';
import { apiKeySchema, createdApiKeySchema } from './schemas.js';
import { isoOrNull as iso } from '../../lib/dates.js';

type KeyDoc = ApiKeyFields & { _id: { toString(): string }; created_at?: Date };

function statusOf(doc: KeyDoc, now: number): z.infer<typeof apiKeySchema>['status'] {
  if (doc.expires_at && new Date(doc.expires_at).getTime() <= now) return 'expired';
  return doc.rotated_at ? 'rotating' : 'active';
}

/** The listed view: never the hash, never the key. */
export function presentApiKey(doc: KeyDoc, now = Date.now()): z.infer<typeof apiKeySchema> {
  return apiKeySchema.parse({
    id: doc._id.toString(),
    name: doc.name,
    prefix: doc.prefix,
    last4: doc.last4,
    scopes: [...doc.scopes],
    organization_id: doc.organization_id ? doc.organization_id.toString() : null,
    status: statusOf(doc, now),
    created_at: iso(doc.created_at) ?? new Date(0).toISOString(),
    last_used_at: iso(doc.last_used_at),
    expires_at: iso(doc.expires_at),
    rotation_ends_at: iso(doc.rotated_at),
  });
}

export function presentCreatedKey(doc: KeyDoc, key: string): z.infer<typeof createdApiKeySchema> {
  return createdApiKeySchema.parse({
    id: doc._id.toString(),
    key,
    name: doc.name,
    prefix: doc.prefix,
    last4: doc.last4,
    scopes: [...doc.scopes],
    organization_id: doc.organization_id ? doc.organization_id.toString() : null,
    created_at: iso(doc.created_at) ?? new Date().toISOString(),
    expires_at: iso(doc.expires_at),
  });
}
