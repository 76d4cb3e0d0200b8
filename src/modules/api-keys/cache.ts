import type { RedisClient } from '../../lib/redis.js';
import { apiKeyCacheKey } from '../../../queues/index.js';
import { ApiKeyModel, type ApiKeyFields } from '../../models/api-key.js';

/** What the resolver needs about a key; cached in Redis as JSON under the key's SHA-256. */
export interface CachedKey {
  id: string;
  user_id: string;
  organization_id: string | null;
  scopes: string[];
  expires_at: number | null;
  revoked: boolean;
  /** Set once the key was rotated: it works until this moment (epoch ms). */
  valid_until: number | null;
  /** The owner's credential_generation when the key was made (absent in entries cached before it existed: 0). */
  owner_generation?: number;
}

const MISSING = 'missing';
/** Written on every change: readers go to MongoDB and must not re-cache until it expires. */
export const STALE = 'stale';

export function toCachedKey(doc: ApiKeyFields & { _id: { toString(): string } }): CachedKey {
  return {
    id: doc._id.toString(),
    user_id: doc.user_id.toString(),
    organization_id: doc.organization_id ? doc.organization_id.toString() : null,
    scopes: [...(doc.scopes ?? [])],
    expires_at: doc.expires_at ? new Date(doc.expires_at).getTime() : null,
    revoked: Boolean(doc.revoked_at),
    valid_until: doc.rotated_at ? new Date(doc.rotated_at).getTime() : null,
    owner_generation: doc.owner_generation ?? 0,
  };
}

export function isUsable(entry: CachedKey, now: number): boolean {
  if (entry.revoked) return false;
  if (entry.expires_at !== null && entry.expires_at <= now) return false;
  return entry.valid_until === null || entry.valid_until > now;
}

/**
 * A short Redis cache in front of `api_keys`, shared by every API process. Populating uses SET NX and every
 * change overwrites the entry with a tombstone, so a reader that loaded the key just before a revocation can
 * never put the old state back: a revoked key stops on the next request everywhere.
 */
/** The cache entry of a key, by the key's SHA-256. */

export function createApiKeyCache({
  redis,
  prefix,
  ttlSeconds,
}: {
  redis: RedisClient;
  prefix: string;
  ttlSeconds: number;
}) {
  const cacheKey = (hash: string) => apiKeyCacheKey(prefix, hash);

  async function lookup(hash: string): Promise<CachedKey | null> {
    const cached = await redis.get(cacheKey(hash));
    if (cached === MISSING) return null;
    if (cached && cached !== STALE) return JSON.parse(cached) as CachedKey;
    const doc = await ApiKeyModel.findOne({ key_hash: hash }).lean();
    const entry = doc ? toCachedKey(doc) : null;
    if (cached !== STALE)
      await redis.set(cacheKey(hash), entry ? JSON.stringify(entry) : MISSING, 'EX', ttlSeconds, 'NX');
    return entry;
  }

  /** Call after changing keys in MongoDB (revoke, rotate, owner deactivated). */
  async function invalidate(hashes: string[]): Promise<void> {
    if (hashes.length === 0) return;
    await Promise.all(hashes.map((hash) => redis.set(cacheKey(hash), STALE, 'EX', ttlSeconds)));
  }

  return { lookup, invalidate, cacheKey };
}
export type ApiKeyCache = ReturnType<typeof createApiKeyCache>;
