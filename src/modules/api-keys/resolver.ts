import type { ApiKeyResolver } from '../../middleware/authenticate.js';
import type { RedisClient } from '../../lib/redis.js';
import { apiKeyUsedKey } from '../../../queues/index.js';
import { ApiKeyModel } from '../../models/api-key.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { GLOBAL_EPOCH, epochOf, type EpochCache, type EpochReads } from '../../lib/auth-epochs.js';
import { hasValidChecksum, hashApiKey } from './format.js';
import { isUsable, type ApiKeyCache } from './cache.js';

interface Deps {
  redis: RedisClient;
  prefix: string;
  cache: ApiKeyCache;
  /** last_used_at is written at most once per this many seconds per key. */
  touchEverySeconds?: number;
  /** Owners remembered in process while their auth epochs are unchanged (the key itself is read from Redis every time). */
  ownerCache?: EpochCache<UserDoc | null>;
}

/**
 * API key -> principal. Order: checksum (rejects typos and forgeries without I/O), the Redis-cached key record
 * (revoked, expired and rotated-past-overlap keys fail), then the owner, read fresh so deactivation is immediate
 * (a key made before the owner's address was first proven fails too).
 */
export function createApiKeyResolver({
  redis,
  prefix,
  cache,
  touchEverySeconds = 60,
  ownerCache,
}: Deps): ApiKeyResolver {
  async function touch(id: string): Promise<void> {
    const first = await redis.set(apiKeyUsedKey(prefix, id), '1', 'EX', touchEverySeconds, 'NX');
    if (first === 'OK') await ApiKeyModel.updateOne({ _id: id }, { $set: { last_used_at: new Date() } });
  }

  return async function resolveApiKey(key, options) {
    if (!hasValidChecksum(key)) return null;
    const entry = await cache.lookup(hashApiKey(key));
    if (!entry || !isUsable(entry, Date.now())) return null;
    const load = () => UserModel.findById(entry.user_id);
    const epochs: EpochReads = new Map();
    const user =
      ownerCache && options?.cached
        ? await ownerCache(entry.user_id, [GLOBAL_EPOCH, epochOf('users', entry.user_id)], load, epochs)
        : await load();
    if (!user || !user.is_active || (entry.owner_generation ?? 0) !== (user.credential_generation ?? 0)) return null;
    // Bookkeeping for the key list: on the LLM hot path it does not hold the request back.
    if (options?.cached) touch(entry.id).catch(() => undefined);
    else await touch(entry.id);
    return {
      user,
      via: 'api_key',
      apiKey: { id: entry.id, organization_id: entry.organization_id, scopes: entry.scopes },
      epochs,
    };
  };
}
