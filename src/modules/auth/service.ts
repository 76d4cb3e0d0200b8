import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/index.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { findUserByAddress, isAddressTaken } from '../../models/user-addresses.js';
import { AppError, ConflictError, UnauthorizedError } from '../../lib/errors.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { initialQuotaFields } from './new-user.js';
import { bcryptClient, type PasswordHasher } from './passwords.js';
import type { AccessTokens } from './access-tokens.js';
import type { ParentToken, RefreshTokens } from './refresh-tokens.js';
import type { LoginLimiter } from './login-limiter.js';
import type { KnownClients } from './known-clients.js';
import type { SessionClient, Sessions } from './sessions.js';
import type { SendVerification } from './email-verification.js';

export interface RegisterInput {
  email: string;
  password: string;
  first_name?: string;
  last_name?: string;
  name?: string;
}

export interface SessionStart {
  /** The refresh family (session) the pair belongs to; a new one when omitted. */
  familyId?: string;
  /** When the person signed in; null only for sessions older than this field. */
  authTime: Date | null;
  /** How and from where: shown in the session list. */
  client: SessionClient;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

interface Deps {
  config: Pick<Config, 'plans'>;
  passwords: PasswordHasher;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  loginLimiter: LoginLimiter;
  knownClients: KnownClients;
  sessions: Pick<Sessions, 'begin' | 'touch'>;
  /** Mails the new account a link to verify its address. */
  sendVerification: SendVerification;
}

export interface SignedIn {
  user: UserDoc;
  /** The client's known-client token: the one it presented (renewed) or a new one; it should send it next time. */
  knownClientToken: string;
}

const INVALID_LOGIN = 'Incorrect email or password';

export function createAuthService({
  config,
  passwords,
  accessTokens,
  refreshTokens,
  loginLimiter,
  knownClients,
  sessions,
  sendVerification,
}: Deps) {
  /**
   * The access token carries the refresh family as `sid`, so revoking the session (logout, replay) ends both, and
   * the sign-in time as `auth_time` (kept by every rotation), so sensitive changes can ask for a recent sign-in.
   */
  async function issuePair(user: UserDoc, familyId: string, authTime: Date | null, parent: ParentToken | null = null) {
    const ver = user.token_version ?? 0;
    const access_token = accessTokens.sign({
      sub: user._id.toString(),
      ver,
      role: user.role,
      sid: familyId,
      authTime: authTime ? Math.floor(authTime.getTime() / 1000) : undefined,
    });
    const refresh = await refreshTokens.issue(user._id, familyId, { authTime, tokenVersion: ver }, parent);
    const pair: TokenPair = {
      access_token,
      refresh_token: refresh.token,
      token_type: 'bearer',
      expires_in: accessTokens.ttlSeconds,
    };
    return { pair, refreshExpiresAt: refresh.expiresAt };
  }

  /** Starts a session (every sign-in: password, OAuth, a password change) and issues its first pair. */
  async function issueTokens(
    user: UserDoc,
    { familyId = randomUUID(), authTime, client }: SessionStart,
  ): Promise<TokenPair> {
    const { pair, refreshExpiresAt } = await issuePair(user, familyId, authTime);
    await sessions.begin(user, familyId, client, refreshExpiresAt);
    return pair;
  }

  const emailTaken = () => new ConflictError('An account with this email already exists', 'email_taken');

  /** A taken address is refused before the password is hashed (the 409 says as much, so checking first reveals nothing). */
  async function register(input: RegisterInput): Promise<UserDoc> {
    if (await isAddressTaken(input.email)) throw emailTaken();
    let user: UserDoc;
    try {
      user = await UserModel.create({
        email: input.email,
        password_hash: await passwords.hash(input.password),
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        name: input.name ?? [input.first_name, input.last_name].filter(Boolean).join(' '),
        ...initialQuotaFields('free', config.plans.free),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw emailTaken();
      throw error;
    }
    await sendVerification(user, 'registration');
    return user;
  }

  async function checkCredentials(email: string, password: string, ip: string): Promise<UserDoc> {
    const user = await findUserByAddress(email);
    const passwordOk = await passwords.verify(password, user?.password_hash, bcryptClient.ip(ip));
    if (!user || !passwordOk || !user.is_active) throw new UnauthorizedError(INVALID_LOGIN, 'invalid_credentials');
    await upgradeHash(user, password);
    return user;
  }

  /**
   * A legacy hash (the Python system's `$2a$`/`$2y$`, or a lower cost) is replaced after a correct password; the
   * password itself is kept whatever today's policy says (the policy applies to new passwords). Only while the
   * stored hash is still the one just checked, so a concurrent password change is never undone; a busy server
   * leaves it for the next sign-in.
   */
  async function upgradeHash(user: UserDoc, password: string): Promise<void> {
    const old = user.password_hash;
    if (!old || !passwords.needsRehash(old)) return;
    try {
      const fresh = await passwords.hash(password);
      await UserModel.updateOne({ _id: user._id, password_hash: old }, { $set: { password_hash: fresh } });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 503)) throw error;
    }
  }

  /**
   * Same status, body and (bcrypt against a dummy hash) timing for an unknown email, a wrong password and a
   * deactivated account. The limiter counts the attempt before the check, so parallel guesses cannot race it; a
   * valid known-client token of this account moves the attempt from the account-wide counter to the token's own.
   */
  async function verifyCredentials(
    email: string,
    password: string,
    ip: string,
    knownClientToken?: string,
  ): Promise<SignedIn> {
    const knownClient = await knownClients.recognize(email, knownClientToken);
    await loginLimiter.begin(email, ip, knownClient);
    let user: UserDoc;
    try {
      user = await checkCredentials(email, password, ip);
    } catch (error) {
      const isVerdict = error instanceof AppError && error.status === 401;
      if (!isVerdict) await loginLimiter.abandoned(email, ip, knownClient).catch(() => undefined);
      throw error;
    }
    await loginLimiter.succeeded(email, ip, knownClient);
    return { user, knownClientToken: await knownClients.remember(email, knownClientToken, knownClient) };
  }

  async function login(
    email: string,
    password: string,
    client: SessionClient,
    knownClientToken?: string,
  ): Promise<SignedIn & { tokens: TokenPair }> {
    const signedIn = await verifyCredentials(email, password, client.ip ?? 'unknown', knownClientToken);
    const { user } = signedIn;
    user.last_login_at = new Date();
    await UserModel.updateOne({ _id: user._id }, { $set: { last_login_at: user.last_login_at } });
    return { ...signedIn, tokens: await issueTokens(user, { authTime: user.last_login_at, client }) };
  }

  /**
   * A session issued before the user's token_version was bumped (a sign-in racing a revocation) is refused, so a
   * revocation ends every session, including one whose refresh token was written just after it enumerated them.
   */
  async function refresh(refreshToken: string): Promise<TokenPair> {
    const { tokenId, userId, familyId, authTime, tokenVersion } = await refreshTokens.spend(refreshToken);
    const user = await UserModel.findById(userId);
    const outdated = tokenVersion !== null && tokenVersion !== (user?.token_version ?? 0);
    if (!user || !user.is_active || outdated) {
      await refreshTokens.revokeFamily(familyId, outdated ? 'outdated_session' : 'inactive_user');
      throw new UnauthorizedError('Invalid refresh token', 'invalid_refresh_token');
    }
    const { pair, refreshExpiresAt } = await issuePair(user, familyId, authTime, { id: tokenId, token: refreshToken });
    await sessions.touch(familyId, refreshExpiresAt);
    return pair;
  }

  return { register, login, verifyCredentials, refresh, logout: refreshTokens.revoke, issueTokens };
}
export type AuthService = ReturnType<typeof createAuthService>;
