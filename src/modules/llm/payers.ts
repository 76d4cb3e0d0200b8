import type { Config } from '../../config/index.js';
import { GLOBAL_EPOCH, createAuthEpochs, createEpochCache, epochOf } from '../../lib/auth-epochs.js';
import type { Principal } from '../../lib/http/principal.js';
import { isObjectId } from '../../lib/ids.js';
import type { RedisClient } from '../../lib/redis.js';
import { resolvePayer, type PayerContext } from '../../domain/plans/payer.js';

/** Who pays for a caller's LLM request (and what it may use), remembered per caller and organization header. */
export type PayerOf = (principal: Principal, organizationHeader: string | undefined) => Promise<PayerContext>;

/**
 * The payer cache: an answer is reused while the auth epochs of everything it was worked out from are unchanged
 * (the user, a sub-user's parent, the organization; members bump the global epoch).
 */
export function createPayerCache({ config, redis }: { config: Config; redis: RedisClient }): PayerOf {
  const payers = createEpochCache<PayerContext>(
    createAuthEpochs({ redis, prefix: config.REDIS_PREFIX }),
    config.LLM_AUTH_CACHE_MS,
  );
  return async (principal, organizationHeader) => {
    const { user } = principal;
    const orgId = principal.apiKey?.organization_id ?? organizationHeader;
    const refs = [GLOBAL_EPOCH, epochOf('users', user._id.toString())];
    if (user.parent_user_id) refs.push(epochOf('users', user.parent_user_id.toString()));
    if (orgId) {
      if (!isObjectId(orgId)) return resolvePayer(config, principal, organizationHeader);
      refs.push(epochOf('organizations', orgId));
    }
    const key = `${user._id.toString()}|${principal.apiKey?.id ?? ''}|${organizationHeader ?? ''}`;
    return payers(key, refs, () => resolvePayer(config, principal, organizationHeader), principal.epochs);
  };
}
