import mongoose from 'mongoose';
import { awaitDocumentWrites } from '../../lib/document-locks.js';
import { ApiKeyModel } from '../../models/api-key.js';
import type { ApiKeyCache } from './cache.js';

export interface KeyOwnerFilter {
  user_id?: string;
  organization_id?: string;
}

/**
 * Revokes many keys at once (an account deactivated, an organization deleted, a member removed, a sub-user
 * deleted): `revoked_at` in MongoDB by one `updateMany`, then the resolver's cache entries are replaced by tombstones
 * so every API process sees the revocation at once and no reader that loaded the key just before can cache the old
 * state again. An `updateMany` takes no document lock, and FerretDB's whole-document writes let a `last_used_at`
 * write that read a key just before it write the key back unrevoked; such writes hold the key's lock
 * (src/lib/document-locks.ts), so once every lock has been free each one has landed, and the keys it undid are
 * revoked again under their lock, which no later write can undo.
 */
export function createApiKeyBulkRevoker({ cache }: { cache: ApiKeyCache }) {
  async function liveKeys(filter: KeyOwnerFilter) {
    return ApiKeyModel.find({ ...filter, revoked_at: null }, { key_hash: 1 }).lean();
  }

  const dropCache = (keyHashes: string[]) => cache.invalidate(keyHashes);

  async function revokeWhere(filter: KeyOwnerFilter): Promise<number> {
    const keys = await liveKeys(filter);
    if (!keys.length) return 0;
    const ids = keys.map((key) => key._id.toString());
    const hashes = keys.map((key) => key.key_hash);
    const now = new Date();
    const stillLive = { _id: mongoose.trusted({ $in: ids }), revoked_at: null };
    try {
      await ApiKeyModel.updateMany(stillLive, { $set: { revoked_at: now } });
      await dropCache(hashes);
      await awaitDocumentWrites('api_keys', ids);
      for (const undone of await ApiKeyModel.find(stillLive, { _id: 1 }).lean())
        await ApiKeyModel.updateOne({ _id: undone._id, revoked_at: null }, { $set: { revoked_at: now } });
    } finally {
      // Also when a step failed: whatever was revoked stops being served from the cache.
      await dropCache(hashes);
    }
    return keys.length;
  }

  /** Drops cached entries without revoking (the owner was disabled: the next use re-reads the owner). */
  async function forgetCached(filter: KeyOwnerFilter): Promise<void> {
    await dropCache((await liveKeys(filter)).map((k) => k.key_hash));
  }

  return { revokeWhere, forgetCached };
}
export type ApiKeyBulkRevoker = ReturnType<typeof createApiKeyBulkRevoker>;
