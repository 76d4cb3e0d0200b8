import { createHmac, randomBytes } from 'node:crypto';
import { sha256 } from '../../lib/hash.js';
import mongoose, { type Types } from 'mongoose';
import { RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel } from '../../models/refresh-token.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { UnauthorizedError } from '../../lib/errors.js';

/** What a session carries from token to token: when the person signed in, and the user's token_version then. */
export interface SessionFacts {
  authTime: Date | null;
  tokenVersion: number;
}

export interface SpentRefreshToken {
  /** The spent token's id: the parent of the token issued in its place. */
  tokenId: Types.ObjectId;
  userId: string;
  familyId: string;
  authTime: Date | null;
  /** Null for tokens issued before sessions recorded it. */
  tokenVersion: number | null;
}

/** The token a rotation spends: its child is derived from it. */
export interface ParentToken {
  id: Types.ObjectId;
  token: string;
}

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

interface Options {
  ttlDays: number;
  /** REFRESH_REUSE_GRACE_SECONDS: how long a just-spent token still yields a pair in its session (0 = never). */
  reuseGraceSeconds: number;
  /** A server secret: a rotation's child token is an HMAC of its parent under a key derived from it. */
  secret: string;
}

/**
 * Opaque 256-bit refresh tokens stored as SHA-256, in families (one family = one session). Rotation claims the old
 * token by inserting into a unique index (FerretDB has no atomic read-modify-write), so of racing refreshes exactly
 * one claims it. The others, and any later presentation, are replays that revoke the whole family, except within the
 * reuse grace window: the just-spent token (none of its children spent yet, like Supabase Auth's reuse interval)
 * presented again within it yields the same child its first use got (never a second one), so editor windows sharing
 * one token stay signed in on one line, and a thief who captured it shares the owner's line instead of forking a
 * hidden one: as soon as the two diverge by more than the window, the next presentation is a replay that ends both.
 * The child is derived from the parent (an HMAC under a server key), so no token is ever stored in the clear.
 */
export function createRefreshTokens({ ttlDays, reuseGraceSeconds, secret }: Options) {
  const childKey = createHmac('sha256', secret).update('aicoder refresh-token child v1').digest();
  const childOf = (parent: string) => `rt_${createHmac('sha256', childKey).update(parent).digest('base64url')}`;

  /**
   * Issues a session's first token (random), or the child of a spent one (derived from it). Every caller presenting
   * the same parent within the window gets the same child: the first inserts it, the others find it inserted.
   */
  async function issue(
    userId: Types.ObjectId | string,
    familyId: string,
    session: SessionFacts,
    parent: ParentToken | null = null,
  ): Promise<IssuedRefreshToken> {
    const token = parent ? childOf(parent.token) : `rt_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + ttlDays * 86_400_000);
    try {
      await RefreshTokenModel.create({
        token_hash: sha256(token),
        user_id: userId,
        family_id: familyId,
        expires_at: expiresAt,
        auth_time: session.authTime,
        token_version: session.tokenVersion,
        parent_id: parent?.id ?? null,
      });
    } catch (error) {
      if (!parent || !isDuplicateKeyError(error)) throw error;
      const existing = await RefreshTokenModel.findOne({ token_hash: sha256(token) }, { expires_at: 1 }).lean();
      return { token, expiresAt: existing?.expires_at ?? expiresAt };
    }
    return { token, expiresAt };
  }

  async function revokeFamily(familyId: string, reason: string): Promise<void> {
    await RevokedFamilyModel.create({ family_id: familyId, reason }).catch((error) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
  }

  /** True when the spent token was claimed within the grace window and is still the newest spent one of its line. */
  async function withinReuseGrace(tokenId: Types.ObjectId): Promise<boolean> {
    if (reuseGraceSeconds <= 0) return false;
    const use = await RefreshTokenUseModel.findOne({ token_id: tokenId }).lean();
    if (!use || Date.now() - use.used_at.getTime() > reuseGraceSeconds * 1000) return false;
    const children = await RefreshTokenModel.find({ parent_id: tokenId }, { _id: 1 }).lean();
    if (!children.length) return true;
    // A spent child makes this token an older ancestor: presenting it is a replay, however recent.
    const childSpent = await RefreshTokenUseModel.exists({
      token_id: mongoose.trusted({ $in: children.map((child) => child._id) }),
    });
    return !childSpent;
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
    const spent = {
      tokenId: record._id,
      userId: record.user_id.toString(),
      familyId: record.family_id,
      authTime: record.auth_time ?? null,
      tokenVersion: record.token_version ?? null,
    };
    try {
      await RefreshTokenUseModel.create({ token_id: record._id });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (await withinReuseGrace(record._id)) return spent;
      await revokeFamily(record.family_id, 'replay');
      throw new UnauthorizedError('Refresh token already used; its session has been revoked', 'refresh_token_reused');
    }
    return spent;
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
