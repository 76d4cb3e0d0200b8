import { ApiKeyModel } from '../../models/api-key.js';
import type { ApiKeyCache } from './cache.js';

export interface KeyOwnerFilter {
  user_id?: string;
  organization_id?: string;
}

/** Keys revoked at the same time: each revocation waits for its key's document lock. */
const REVOKE_CONCURRENCY = 16;

/**
 * Revokes many keys at once (an account deactivated, an organization deleted, a member removed, a sub-user
 * deleted): `revoked_at` in MongoDB, one `updateOne` by `_id` per key so each takes the key's document lock
 * (src/lib/document-locks.ts) like every `last_used_at` write does; an `updateMany` takes none, and FerretDB's
 * whole-document writes let a concurrent `last_used_at` update undo it. Then the resolver's cache entries are
 * replaced by tombstones so every API process sees the revocation at once and no reader that loaded the key just
 * before can cache the old state again.
 */
export function createApiKeyBulkRevoker({ cache }: { cache: ApiKeyCache }) {
  async function liveKeys(filter: KeyOwnerFilter) {
    return ApiKeyModel.find({ ...filter, revoked_at: null }, { key_hash: 1 }).lean();
  }

  const dropCache = (keyHashes: string[]) => cache.invalidate(keyHashes);

  async function revokeWhere(filter: KeyOwnerFilter): Promise<number> {
    const keys = await liveKeys(filter);
    if (!keys.length) return 0;
    const now = new Date();
    for (let at = 0; at < keys.length; at += REVOKE_CONCURRENCY) {
      const batch = keys.slice(at, at + REVOKE_CONCURRENCY);
      await Promise.all(
        batch.map((key) => ApiKeyModel.updateOne({ _id: key._id, revoked_at: null }, { $set: { revoked_at: now } })),
      );
    }
    await dropCache(keys.map((k) => k.key_hash));
    return keys.length;
  }

  /** Drops cached entries without revoking (the owner was disabled: the next use re-reads the owner). */
  async function forgetCached(filter: KeyOwnerFilter): Promise<void> {
    await dropCache((await liveKeys(filter)).map((k) => k.key_hash));
  }

  return { revokeWhere, forgetCached };
}
export type ApiKeyBulkRevoker = ReturnType<typeof createApiKeyBulkRevoker>;
