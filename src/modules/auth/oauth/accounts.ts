import type { Config } from '../../../config/index.js';
import { UserModel, type UserDoc } from '../../../models/user.js';
import { isDuplicateKeyError } from '../../../lib/mongo.js';
import type { RefreshTokens } from '../refresh-tokens.js';
import { initialQuotaFields } from '../new-user.js';
import { emailSchema } from '../schemas.js';
import type { OAuthIdentity } from './providers.js';

/** The provider answered, but this sign-in may not go on; `error` follows RFC 6749 §4.1.2.1. */
export class OAuthDenied extends Error {
  constructor(readonly error: 'access_denied' | 'server_error' | 'invalid_request', message: string) {
    super(message);
    this.name = 'OAuthDenied';
  }
}

interface Deps {
  config: Pick<Config, 'plans'>;
  refreshTokens: Pick<RefreshTokens, 'revokeAllForUser'>;
}

/** Finds the user an identity belongs to (the identity itself first, then its verified email) or creates one. */
export function createOAuthAccounts({ config, refreshTokens }: Deps) {
  async function findByIdentity(identity: OAuthIdentity): Promise<UserDoc | null> {
    const candidates = await UserModel.find({ 'oauth_identities.subject': identity.subject }).limit(10);
    return candidates.find((user) => user.oauth_identities.some((i) => i.provider === identity.provider && i.subject === identity.subject)) ?? null;
  }

  async function create(identity: OAuthIdentity, email: string): Promise<UserDoc> {
    try {
      return await UserModel.create({
        email,
        password_hash: null,
        name: identity.name ?? '',
        is_verified: true,
        oauth_identities: [{ provider: identity.provider, subject: identity.subject, email, linked_at: new Date() }],
        ...initialQuotaFields('free', config.plans.free),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const raced = await UserModel.findOne({ email });
      if (!raced) throw error;
      return raced;
    }
  }

  /**
   * Links the identity. When the account's email was never proven (a password registration), the provider's
   * verified email is the first proof of ownership: the unproven password is dropped and its sessions revoked,
   * so whoever registered that address before its owner keeps no access (pre-account-takeover).
   */
  async function link(user: UserDoc, identity: OAuthIdentity, email: string): Promise<UserDoc> {
    const linked = user.oauth_identities.some((i) => i.provider === identity.provider && i.subject === identity.subject);
    const takeOver = !user.is_verified && Boolean(user.password_hash);
    if (linked && user.is_verified) return user;
    const set: Record<string, unknown> = { is_verified: true };
    if (takeOver) Object.assign(set, { password_hash: null, token_version: (user.token_version ?? 0) + 1 });
    const update: Record<string, unknown> = { $set: set };
    if (!linked) update.$push = { oauth_identities: { provider: identity.provider, subject: identity.subject, email, linked_at: new Date() } };
    await UserModel.updateOne({ _id: user._id }, update);
    if (takeOver) await refreshTokens.revokeAllForUser(user._id, 'oauth_takeover');
    return (await UserModel.findById(user._id)) ?? user;
  }

  async function signIn(identity: OAuthIdentity, label: string): Promise<UserDoc> {
    const parsed = emailSchema.safeParse(identity.email);
    if (!parsed.success || !identity.emailVerified) {
      throw new OAuthDenied('access_denied', `Your ${label} account has no verified primary email address`);
    }
    const email = parsed.data;
    const user = (await findByIdentity(identity)) ?? (await UserModel.findOne({ email })) ?? (await create(identity, email));
    if (!user.is_active) throw new OAuthDenied('access_denied', 'This account is disabled');
    return link(user, identity, email);
  }

  return { signIn };
}
export type OAuthAccounts = ReturnType<typeof createOAuthAccounts>;
