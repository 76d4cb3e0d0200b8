import mongoose from 'mongoose';
import { ApiKeyModel } from '../../models/api-key.js';
import type { ApiKeyCache } from './cache.js';

export interface KeyOwnerFilter {
  user_id?: string;
  organization_id?: string;
}

/**
 * Revokes many keys at once (an organization deleted, a member removed, a sub-user deleted): `revoked_at` in
 * MongoDB, re-applied until it sticks (FerretDB's whole-document writes let a concurrent `last_used_at` update
 * undo it), then the resolver's cache entries are replaced by tombstones so every API process sees the revocation
 * at once and no reader that loaded the key just before can cache the old state again.
 */
export function createApiKeyBulkRevoker({ cache }: { cache: ApiKeyCache }) {
  async function liveKeys(filter: KeyOwnerFilter) {
    return ApiKeyModel.find({ ...filter, revoked_at: null }, { key_hash: 1 }).lean();
  }

  const dropCache = (keyHashes: string[]) => cache.invalidate(keyHashes);

  async function revokeWhere(filter: KeyOwnerFilter): Promise<number> {
    const keys = await liveKeys(filter);
    if (!keys.length) return 0;
    const ids = mongoose.trusted({ $in: keys.map((k) => k._id) });
    const now = new Date();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await ApiKeyModel.updateMany({ _id: ids, revoked_at: null }, { $set: { revoked_at: now } });
      if ((await ApiKeyModel.countDocuments({ _id: ids, revoked_at: null })) === 0) break;
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
