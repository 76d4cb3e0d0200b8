import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel } from '../../models/refresh-token.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { UnauthorizedError } from '../../lib/errors.js';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What a session carries from token to token: when the person signed in, and the user's token_version then. */
export interface SessionFacts {
  authTime: Date | null;
  tokenVersion: number;
}

export interface SpentRefreshToken {
  userId: string;
  familyId: string;
  authTime: Date | null;
  /** Null for tokens issued before sessions recorded it. */
  tokenVersion: number | null;
}

/**
 * Opaque 256-bit refresh tokens stored as SHA-256, in families. Rotation claims the old token by inserting
 * into a unique index (FerretDB has no atomic read-modify-write), so of two racing refreshes exactly one wins;
 * a replayed (already claimed) token revokes the whole family.
 */
export function createRefreshTokens({ ttlDays }: { ttlDays: number }) {
  async function issue(userId: Types.ObjectId | string, familyId: string, session: SessionFacts): Promise<string> {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    await RefreshTokenModel.create({
      token_hash: sha256(token),
      user_id: userId,
      family_id: familyId,
      expires_at: new Date(Date.now() + ttlDays * 86_400_000),
      auth_time: session.authTime,
      token_version: session.tokenVersion,
    });
    return token;
  }

  async function revokeFamily(familyId: string, reason: string): Promise<void> {
    await RevokedFamilyModel.create({ family_id: familyId, reason }).catch((error) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
  }

  /** Spends a refresh token; returns its user and family so the caller can issue the next one. */
  async function spend(token: string): Promise<SpentRefreshToken> {
    const record = await RefreshTokenModel.findOne({ token_hash: sha256(token) }).lean();
    if (!record) throw new UnauthorizedError('Invalid refresh token', 'invalid_refresh_token');
    if (await RevokedFamilyModel.exists({ family_id: record.family_id })) {
      throw new UnauthorizedError('Refresh token revoked', 'refresh_token_revoked');
    }
    if (record.revoked_at || record.expires_at.getTime() <= Date.now()) {
      throw new UnauthorizedError('Refresh token expired', 'refresh_token_expired');
    }
    try {
      await RefreshTokenUseModel.create({ token_id: record._id });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await revokeFamily(record.family_id, 'replay');
      throw new UnauthorizedError('Refresh token already used; its session has been revoked', 'refresh_token_reused');
    }
    return { userId: record.user_id.toString(), familyId: record.family_id, authTime: record.auth_time ?? null, tokenVersion: record.token_version ?? null };
  }

  /** Revokes the family the token belongs to (logout). Unknown tokens are ignored: logout is idempotent. */
  async function revoke(token: string): Promise<void> {
    const record = await RefreshTokenModel.findOne({ token_hash: sha256(token) }).lean();
    if (record) await revokeFamily(record.family_id, 'logout');
  }

  async function revokeAllForUser(userId: Types.ObjectId | string, reason: string): Promise<void> {
    const families: string[] = await RefreshTokenModel.distinct('family_id', { user_id: userId });
    for (const familyId of families) await revokeFamily(familyId, reason);
  }

  return { issue, spend, revoke, revokeAllForUser, revokeFamily };
}
export type RefreshTokens = ReturnType<typeof createRefreshTokens>;
