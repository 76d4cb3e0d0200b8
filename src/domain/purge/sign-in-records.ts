import mongoose, { type Types } from 'mongoose';
import { RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel } from '../../models/refresh-token.js';
import { OAuthCodeModel, OAuthCodeUseModel } from '../../models/oauth-code.js';
import { SessionModel } from '../../models/session.js';
import type { PurgeBatch } from './batch.js';

// sanitizeFilter is on: query operators are marked `trusted`.
const $in = <T>(values: T[]) => mongoose.trusted({ $in: values });
const $lt = (value: Date) => mongoose.trusted({ $lt: value });

async function deleteTokens(ids: Types.ObjectId[]): Promise<void> {
  await RefreshTokenUseModel.deleteMany({ token_id: $in(ids) });
  await RefreshTokenModel.deleteMany({ _id: $in(ids) });
}

/**
 * Refresh tokens past their own expiry, spent or not: once expired a token is refused before any replay check,
 * so its record no longer protects anything. Spent tokens of a live session stay until then: presenting one is
 * how a replay is caught.
 */
export async function purgeExpiredRefreshTokens({ now, limit }: PurgeBatch): Promise<number> {
  const expired = await RefreshTokenModel.find({ expires_at: $lt(now) }, { _id: 1 })
    .limit(limit)
    .lean();
  if (expired.length) await deleteTokens(expired.map((token) => token._id));
  return expired.length;
}

/** Sessions whose newest refresh token has expired (their tokens go with purgeExpiredRefreshTokens). */
export async function purgeExpiredSessions({ now, limit }: PurgeBatch): Promise<number> {
  const expired = await SessionModel.find({ expires_at: $lt(now) }, { _id: 1 })
    .limit(limit)
    .lean();
  if (expired.length) await SessionModel.deleteMany({ _id: $in(expired.map((session) => session._id)) });
  return expired.length;
}

/**
 * Ended sessions (revoked families), once every access token they issued has expired: their refresh tokens first
 * (a batch at most), then, when none is left, the sessions and the revocation records themselves. Until then the
 * record is what refuses the session's access tokens, so it stays for `accessTokenTtlSeconds` after the end.
 */
export function purgeEndedSessions(accessTokenTtlSeconds: number) {
  return async ({ now, limit }: PurgeBatch): Promise<number> => {
    const cutoff = new Date(now.getTime() - (accessTokenTtlSeconds + 60) * 1000);
    const ended = await RevokedFamilyModel.find({ revoked_at: $lt(cutoff) }, { _id: 1, family_id: 1 })
      .limit(limit)
      .lean();
    if (!ended.length) return 0;
    const families = ended.map((record) => record.family_id);
    const tokens = await RefreshTokenModel.find({ family_id: $in(families) }, { _id: 1 })
      .limit(limit)
      .lean();
    if (tokens.length) await deleteTokens(tokens.map((token) => token._id));
    // A full batch of tokens may have left more behind: the next batch goes on with the same families.
    if (tokens.length === limit) return tokens.length;
    await SessionModel.deleteMany({ family_id: $in(families) });
    // Through the driver, not the model: the model's hooks would bump the global auth epoch (every cached
    // credential on every process looked up again), and removing a revocation whose tokens expired changes nobody's access.
    await RevokedFamilyModel.collection.deleteMany({ _id: { $in: ended.map((record) => record._id) } });
    return tokens.length + ended.length;
  };
}

/** Codes past their expiry, spent or not (FerretDB has no TTL indexes); run by the purge job. */
export async function purgeExpiredOAuthCodes({ now, limit }: PurgeBatch): Promise<number> {
  const expired = await OAuthCodeModel.find({ expires_at: $lt(now) }, { _id: 1 })
    .limit(limit)
    .lean();
  if (!expired.length) return 0;
  const ids = expired.map((record) => record._id);
  await OAuthCodeUseModel.deleteMany({ code_id: $in(ids) });
  await OAuthCodeModel.deleteMany({ _id: $in(ids) });
  return expired.length;
}
