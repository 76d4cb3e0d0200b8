import { setVerified } from '../../lib/verified-write.js';
import { UserModel } from '../../models/user.js';
import { NO_PENDING_EMAIL_CHANGE } from './pending-email-change.js';
import type { ApiKeyBulkRevoker } from '../api-keys/bulk-revoke.js';
import type { KnownClients } from '../auth/known-clients.js';
import type { RefreshTokens } from '../auth/refresh-tokens.js';
import type { OrganizationService } from '../organizations/service.js';
import type { SubUserService } from '../sub-users/service.js';

interface Deps {
  refreshTokens: Pick<RefreshTokens, 'revokeAllForUser'>;
  knownClients: Pick<KnownClients, 'forgetAll'>;
  apiKeys: Pick<ApiKeyBulkRevoker, 'revokeWhere'>;
  subUsers: Pick<SubUserService, 'removeAllOf'>;
  organizations: Pick<OrganizationService, 'releaseMembershipsBeforeProof'>;
}

/**
 * Pre-account takeover: anyone can register an address (or change their own to it) before its owner shows up.
 * Until the owner proves the address, the account is whoever held it; from the proof on, it is the owner's.
 */
export function createFirstEmailProof({ refreshTokens, knownClients, apiKeys, subUsers, organizations }: Deps) {
  /**
   * A person just proved the account's current address, and it had never been proven (`is_verified` false): OAuth
   * with the provider's verified email today, an email link later. Nothing the account held before can act as
   * that person or spend from the account afterwards: its password, provider links, sessions, known-client
   * tokens, API keys, sub-users, organization memberships and a pending address change go (organizations it owns keep only it). Each step is safe to repeat
   * and the proof is recorded last, so a process dying midway leaves an unproven account that the next proof
   * cleans up again. Revocation is immediate on every process: token_version ends access tokens and dashboard
   * sessions, refresh families are revoked by insert, keys get cache tombstones, and every user write bumps the
   * auth epochs that the LLM credential cache checks; credential_generation voids keys and sign-in codes made by
   * requests that raced this one.
   */
  async function recordFirstEmailProof(userId: string): Promise<void> {
    const user = await UserModel.findById(userId, { email: 1, token_version: 1, credential_generation: 1 }).lean();
    if (!user) return;
    await setVerified(UserModel, user._id, {
      password_hash: null,
      oauth_identities: [],
      token_version: (user.token_version ?? 0) + 1,
      credential_generation: (user.credential_generation ?? 0) + 1,
      ...NO_PENDING_EMAIL_CHANGE,
    });
    await refreshTokens.revokeAllForUser(userId, 'first_email_proof');
    await knownClients.forgetAll(user.email);
    await apiKeys.revokeWhere({ user_id: userId });
    await subUsers.removeAllOf(userId);
    await organizations.releaseMembershipsBeforeProof(userId);
    await setVerified(UserModel, user._id, { is_verified: true, email_verified_at: new Date() });
  }

  return { recordFirstEmailProof };
}
export type FirstEmailProof = ReturnType<typeof createFirstEmailProof>;
