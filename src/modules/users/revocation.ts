import type { Types } from 'mongoose';
import { UserModel, type DeactivatedBy } from '../../models/user.js';
import { NO_PENDING_EMAIL_CHANGE } from './pending-email-change.js';
import type { RefreshTokens } from '../auth/refresh-tokens.js';
import type { ApiKeyBulkRevoker } from '../api-keys/bulk-revoke.js';

type Id = Types.ObjectId | string;

/**
 * Ends a user's sessions: bumping token_version invalidates every access token (and dashboard session) issued
 * before it; refresh families are revoked by insert, so a racing refresh cannot outlive the revocation.
 */
export function createAccountRevocation({
  refreshTokens,
  apiKeys,
}: {
  refreshTokens: RefreshTokens;
  apiKeys: Pick<ApiKeyBulkRevoker, 'revokeWhere'>;
}) {
  /** Also cancels a pending address change: whoever held the sessions may have asked for it. */
  async function endSessions(userId: Id, reason: string): Promise<void> {
    await UserModel.updateOne({ _id: userId }, { $set: NO_PENDING_EMAIL_CHANGE, $inc: { token_version: 1 } });
    await refreshTokens.revokeAllForUser(userId, reason);
  }

  /** Deactivation keeps the document (the ledger and the organization history refer to it). */
  async function deactivate(userId: Id, reason: string, by: DeactivatedBy): Promise<void> {
    await UserModel.updateOne(
      { _id: userId },
      { $set: { is_active: false, deactivated_by: by, ...NO_PENDING_EMAIL_CHANGE }, $inc: { token_version: 1 } },
    );
    await refreshTokens.revokeAllForUser(userId, reason);
    await apiKeys.revokeWhere({ user_id: userId.toString() });
  }

  return { endSessions, deactivate };
}
export type AccountRevocation = ReturnType<typeof createAccountRevocation>;
