import type { Config } from '../../../config/index.js';
import { UserModel, type UserDoc } from '../../../models/user.js';
import { findUserByAddress } from '../../../models/user-addresses.js';
import { isDuplicateKeyError } from '../../../lib/mongo.js';
import type { FirstEmailProof } from '../../users/first-email-proof.js';
import { initialQuotaFields } from '../new-user.js';
import { emailSchema } from '../schemas.js';
import type { OAuthIdentity } from './providers.js';

/** The provider answered, but this sign-in may not go on; `error` follows RFC 6749 §4.1.2.1. */
export class OAuthDenied extends Error {
  constructor(
    readonly error: 'access_denied' | 'server_error' | 'invalid_request',
    message: string,
  ) {
    super(message);
    this.name = 'OAuthDenied';
  }
}

interface Deps {
  config: Pick<Config, 'plans'>;
  emailProof: FirstEmailProof;
}

const hasIdentity = (user: UserDoc, identity: OAuthIdentity) =>
  user.oauth_identities.some((i) => i.provider === identity.provider && i.subject === identity.subject);

/**
 * Finds the user an identity belongs to (the identity itself first, then its verified email) or creates one.
 * Never a sub-user: the account that made it chose its address and controls the login (its password, its
 * requests), so signing the address's owner into it would hand them to that account. Sub-users sign in with
 * their password; identities linked to one before this rule (by its email) no longer open it.
 */
export function createOAuthAccounts({ config, emailProof }: Deps) {
  async function findByIdentity(identity: OAuthIdentity): Promise<UserDoc | null> {
    const candidates = await UserModel.find({ 'oauth_identities.subject': identity.subject }).limit(10);
    return candidates.find((user) => hasIdentity(user, identity)) ?? null;
  }

  async function create(identity: OAuthIdentity, email: string): Promise<UserDoc> {
    try {
      return await UserModel.create({
        email,
        password_hash: null,
        name: identity.name ?? '',
        is_verified: true,
        email_verified_at: new Date(),
        oauth_identities: [{ provider: identity.provider, subject: identity.subject, email, linked_at: new Date() }],
        ...initialQuotaFields('free', config.plans.free),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const raced = await findUserByAddress(email);
      if (!raced) throw error;
      return raced;
    }
  }

  /**
   * Links the identity. When the provider's verified email is the account's own, never proven address, this is
   * the first proof of ownership (see recordFirstEmailProof): whoever held the address before keeps nothing. An
   * identity found by itself signs in without proving a changed, unproven address.
   */
  async function link(user: UserDoc, identity: OAuthIdentity, email: string): Promise<UserDoc> {
    if (email === user.email && !user.is_verified) await emailProof.recordFirstEmailProof(user._id.toString());
    const fresh = (await UserModel.findById(user._id)) ?? user;
    if (hasIdentity(fresh, identity)) return fresh;
    await UserModel.updateOne(
      { _id: user._id },
      {
        $push: {
          oauth_identities: { provider: identity.provider, subject: identity.subject, email, linked_at: new Date() },
        },
      },
    );
    return (await UserModel.findById(user._id)) ?? fresh;
  }

  async function signIn(identity: OAuthIdentity, label: string): Promise<UserDoc> {
    const parsed = emailSchema.safeParse(identity.email);
    if (!parsed.success || !identity.emailVerified) {
      throw new OAuthDenied('access_denied', `Your ${label} account has no verified primary email address`);
    }
    const email = parsed.data;
    const byIdentity = await findByIdentity(identity);
    const user = byIdentity ?? (await findUserByAddress(email)) ?? (await create(identity, email));
    if (user.is_sub_user) {
      throw new OAuthDenied(
        'access_denied',
        `${label} sign-in cannot open a sub-user login: another account manages it, and sub-users sign in with their password. To use this address yourself, ask that account to remove the sub-user`,
      );
    }
    if (!user.is_active) throw new OAuthDenied('access_denied', 'This account is disabled');
    return link(user, identity, email);
  }

  return { signIn };
}
export type OAuthAccounts = ReturnType<typeof createOAuthAccounts>;
