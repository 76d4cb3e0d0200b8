import type { z } from 'zod';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import type { AuthService, TokenPair } from '../auth/service.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import type { PasswordHasher } from '../auth/passwords.js';
import type { SuperadminGuard } from '../admin/superadmin-guard.js';
import type { AccountRevocation } from './revocation.js';
import type { SessionClient } from '../auth/sessions.js';
import type { updateMeBodySchema } from './schemas.js';

interface Deps {
  passwords: PasswordHasher;
  loginLimiter: LoginLimiter;
  issueTokens: AuthService['issueTokens'];
  revocation: AccountRevocation;
  superadmins: SuperadminGuard;
}

type UpdateMe = z.infer<typeof updateMeBodySchema>;
type Session = Pick<Principal, 'user' | 'authTime'>;

/** How recent a sign-in must be to set a first password without any other proof. */
const RECENT_SIGN_IN_SECONDS = 600;

/** MongoDB reports 11000; FerretDB reports a unique violation on *update* as InternalError (code 1) from PostgreSQL. */
/** The signed-in user's own account: profile, email, password, deactivation. */
export function createAccountService({ passwords, loginLimiter, issueTokens, revocation, superadmins }: Deps) {
  /** Password confirmation counts as a sign-in attempt, so a stolen access token cannot brute-force the password. */
  async function confirmPassword(user: UserDoc, password: string | undefined, ip: string, param: string): Promise<void> {
    if (!user.password_hash) {
      throw new BadRequestError('This account has no password yet; set one with POST /users/me/password', { code: 'password_not_set', param });
    }
    if (!password) throw new BadRequestError('Your current password is required for this change', { code: 'password_required', param });
    await loginLimiter.begin(user.email, ip);
    let matches: boolean;
    try {
      matches = await passwords.verify(password, user.password_hash);
    } catch (error) {
      // A check that never ran (bcrypt busy, a server error) is not a failed attempt.
      await loginLimiter.abandoned(user.email, ip).catch(() => undefined);
      throw error;
    }
    if (!matches) throw new BadRequestError('The password is incorrect', { code: 'invalid_password', param });
    await loginLimiter.succeeded(user.email, ip);
  }

  async function reload(user: UserDoc): Promise<UserDoc> {
    const fresh = await UserModel.findById(user._id);
    if (!fresh) throw new NotFoundError('User');
    return fresh;
  }

  async function update(user: UserDoc, body: UpdateMe, ip: string): Promise<UserDoc> {
    const set: Record<string, unknown> = {};
    if (body.name !== undefined) set.name = body.name;
    if (body.first_name !== undefined) set.first_name = body.first_name;
    if (body.last_name !== undefined) set.last_name = body.last_name;
    if (body.profile) set.profile = { ...((user.profile ?? {}) as object), ...body.profile };
    if (body.email !== undefined && body.email !== user.email) {
      await confirmPassword(user, body.current_password, ip, 'current_password');
      set.email = body.email;
      set.is_verified = false;
      set.email_verified_at = null;
    }
    if (Object.keys(set).length) {
      try {
        await UserModel.updateOne({ _id: user._id }, { $set: set });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new ConflictError('An account with this email already exists', 'email_taken');
        throw error;
      }
    }
    return reload(user);
  }

  /**
   * Proof that whoever holds this session is the person, for a change that needs one: the current password, or
   * (for an account without a password) a sign-in no older than RECENT_SIGN_IN_SECONDS. Returns the sign-in time
   * the new session keeps: now after a password check, the session's own otherwise.
   */
  async function proveIdentity(session: Session, currentPassword: string | undefined, ip: string): Promise<Date | null> {
    if (session.user.password_hash) {
      await confirmPassword(session.user, currentPassword, ip, 'current_password');
      return new Date();
    }
    const signedInAt = session.authTime === undefined ? null : new Date(session.authTime * 1000);
    if (!signedInAt || Date.now() - signedInAt.getTime() > RECENT_SIGN_IN_SECONDS * 1000) {
      throw new ForbiddenError(
        `Setting a first password needs a recent sign-in: sign in again (within ${RECENT_SIGN_IN_SECONDS / 60} minutes) and retry`,
        'reauthentication_required',
      );
    }
    return signedInAt;
  }

  /**
   * Every other session ends (access tokens, refresh families, dashboard sessions); this one gets fresh tokens.
   * API keys stay: they are separate credentials, revoked on their own (as GitHub and Stripe do).
   */
  async function changePassword(session: Session, currentPassword: string | undefined, newPassword: string, client: SessionClient): Promise<TokenPair> {
    const authTime = await proveIdentity(session, currentPassword, client.ip ?? 'unknown');
    await UserModel.updateOne({ _id: session.user._id }, { $set: { password_hash: await passwords.hash(newPassword) } });
    await revocation.endSessions(session.user._id, 'password_change');
    return issueTokens(await reload(session.user), { authTime, client });
  }

  async function deactivate(user: UserDoc, password: string, ip: string): Promise<void> {
    await confirmPassword(user, password, ip, 'password');
    const run = () => revocation.deactivate(user._id, 'account_deactivated');
    await (user.role === 'superadmin' ? superadmins.keepingOneSuperadmin(user._id, run) : run());
  }

  return { update, changePassword, deactivate };
}
export type AccountService = ReturnType<typeof createAccountService>;
