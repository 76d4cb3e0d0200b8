import type { Config } from '../../config/index.js';
import {
  purgeEndedSessions,
  purgeExpiredOAuthCodes,
  purgeExpiredRefreshTokens,
  purgeExpiredSessions,
} from './sign-in-records.js';
import { purgeMailTokens } from '../mail/tokens.js';
import { purgeExpiredInvitations, purgePastCreationSlots } from './organization-records.js';
import type { Purgeable } from './batch.js';

/**
 * Everything that would otherwise grow forever (FerretDB has no TTL indexes), purged by the scheduled `maintenance`
 * job in bounded batches. A new kind of expiring record is one more line here. Pending OAuth sign-ins (states)
 * and dashboard sessions live in Redis with an expiry and need nothing.
 */
export function purgeables(config: Pick<Config, 'ACCESS_TOKEN_TTL_SECONDS'>): Purgeable[] {
  return [
    { name: 'refresh_tokens.expired', purge: purgeExpiredRefreshTokens },
    { name: 'sessions.ended', purge: purgeEndedSessions(config.ACCESS_TOKEN_TTL_SECONDS) },
    { name: 'sessions.expired', purge: purgeExpiredSessions },
    { name: 'oauth_codes.expired', purge: purgeExpiredOAuthCodes },
    { name: 'organization_invitations.expired', purge: purgeExpiredInvitations },
    { name: 'organization_creations.past_months', purge: purgePastCreationSlots },
    // One batch of each kind per call; the purge job calls again while a call removes a full batch.
    {
      name: 'mail_tokens.spent_or_expired',
      purge: ({ now, limit }) => purgeMailTokens({ now, batchSize: limit, maxBatches: 1 }),
    },
  ];
}
