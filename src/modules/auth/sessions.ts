import type { Request } from 'express';
import mongoose, { type Types } from 'mongoose';
import { approximateNetwork } from '../../lib/ip.js';
import { NotFoundError } from '../../lib/errors.js';
import { RefreshTokenModel, RevokedFamilyModel } from '../../models/refresh-token.js';
import { SessionModel, type SessionFields } from '../../models/session.js';
import type { UserDoc } from '../../models/user.js';
import type { RefreshTokens } from './refresh-tokens.js';
import { cancelPendingEmailChange } from '../users/pending-email-change.js';

export type SessionMethod = 'password' | 'oauth' | 'dashboard';

/** Who signed in and from where, as shown in the session list. */
export interface SessionClient {
  method: SessionMethod;
  userAgent: string | null;
  ip: string | undefined;
}

export type SessionRecord = SessionFields & { _id: Types.ObjectId };

const USER_AGENT_MAX = 256;
/** The list shows the most recently used sessions first, at most this many. */
export const SESSIONS_LISTED_MAX = 200;

export const clientOf = (req: Request, method: SessionMethod): SessionClient => ({
  method,
  userAgent: req.get('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
  ip: req.ip,
});

/**
 * Sessions the user can see and end. A session is a refresh-token family (access tokens carry it as `sid`), so
 * ending one is revoking its family: one insert that refresh and access-token checks on every process see at
 * once (the insert bumps the session's auth epoch, which cached principals depend on).
 */
export function createSessions({ refreshTokens }: { refreshTokens: Pick<RefreshTokens, 'revokeFamily'> }) {
  async function begin(user: UserDoc, familyId: string, client: SessionClient, expiresAt: Date): Promise<void> {
    const now = new Date();
    await SessionModel.create({
      family_id: familyId,
      user_id: user._id,
      method: client.method,
      user_agent: client.userAgent,
      client_network: approximateNetwork(client.ip),
      token_version: user.token_version ?? 0,
      last_used_at: now,
      expires_at: expiresAt,
    });
  }

  /** A refresh: the session was used now and lives until its newest refresh token expires. */
  async function touch(familyId: string, expiresAt: Date): Promise<void> {
    await SessionModel.updateOne(
      { family_id: familyId },
      { $set: { last_used_at: new Date(), expires_at: expiresAt } },
    );
  }

  async function liveOnly(records: SessionRecord[]): Promise<SessionRecord[]> {
    if (!records.length) return [];
    const revoked: string[] = await RevokedFamilyModel.distinct('family_id', {
      family_id: mongoose.trusted({ $in: records.map((s) => s.family_id) }),
    });
    const ended = new Set(revoked);
    return records.filter((record) => !ended.has(record.family_id));
  }

  /** Live sessions: not ended, not expired, and issued under the user's current token_version. */
  async function list(user: UserDoc): Promise<SessionRecord[]> {
    const records = await SessionModel.find({
      user_id: user._id,
      token_version: user.token_version ?? 0,
      expires_at: mongoose.trusted({ $gt: new Date() }),
    })
      .sort({ last_used_at: -1 })
      .limit(SESSIONS_LISTED_MAX * 2)
      .lean();
    return (await liveOnly(records)).slice(0, SESSIONS_LISTED_MAX);
  }

  /** Ends one live session of this user; another user's, an unknown or an ended one is a 404. */
  async function end(user: UserDoc, sessionId: string): Promise<void> {
    const record = await SessionModel.findOne({
      _id: sessionId,
      user_id: user._id,
      token_version: user.token_version ?? 0,
    }).lean();
    const [live] = record && record.expires_at.getTime() > Date.now() ? await liveOnly([record]) : [];
    if (!live) throw new NotFoundError('Session', 'session_not_found');
    await refreshTokens.revokeFamily(live.family_id, 'ended_by_user');
  }

  /**
   * Ends every session of the user but `keepFamilyId` (the caller's), including ones older than the session list,
   * and cancels a pending address change (someone in one of those sessions may have asked for it).
   */
  async function endOthers(user: UserDoc, keepFamilyId: string | undefined): Promise<void> {
    const [fromTokens, fromSessions] = await Promise.all([
      RefreshTokenModel.distinct('family_id', { user_id: user._id }) as Promise<string[]>,
      SessionModel.distinct('family_id', { user_id: user._id }) as Promise<string[]>,
    ]);
    const families = [...new Set([...fromTokens, ...fromSessions])].filter((family) => family !== keepFamilyId);
    if (!families.length) return cancelPendingEmailChange(user._id);
    const revoked = new Set<string>(
      await RevokedFamilyModel.distinct('family_id', { family_id: mongoose.trusted({ $in: families }) }),
    );
    for (const family of families) if (!revoked.has(family)) await refreshTokens.revokeFamily(family, 'ended_by_user');
    // After the revocations, so a change asked for from one of those sessions from now on is refused with it.
    await cancelPendingEmailChange(user._id);
  }

  /** Whether a session (e.g. a dashboard sign-in) has ended: by the user, a sign-out or a revocation. */
  async function isEnded(familyId: string): Promise<boolean> {
    return Boolean(await RevokedFamilyModel.exists({ family_id: familyId }));
  }

  /** A sign-out: the session leaves the list. */
  async function signOut(familyId: string): Promise<void> {
    await refreshTokens.revokeFamily(familyId, 'logout');
  }

  return { begin, touch, list, end, endOthers, isEnded, signOut };
}
export type Sessions = ReturnType<typeof createSessions>;
