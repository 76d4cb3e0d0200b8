import type { z } from 'zod';
import { mailJobId } from '../../../queues/index.js';
import type { MailOutbox } from '../../domain/mail/outbox.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import type { AuthService, TokenPair } from '../auth/service.js';
import { bcryptClient, type PasswordHasher } from '../auth/passwords.js';
import type { SuperadminGuard } from '../admin/superadmin-guard.js';
import type { AccountRevocation } from './revocation.js';
import type { SessionClient } from '../auth/sessions.js';
import type { ConfirmPassword } from './password-confirmation.js';
import type { EmailChange } from './email-change.js';
import { NO_PENDING_EMAIL_CHANGE } from './pending-email-change.js';
import type { updateMeBodySchema } from './schemas.js';

interface Deps {
  passwords: PasswordHasher;
  confirmPassword: ConfirmPassword;
  /** Security notices. */
  outbox: MailOutbox;
  emailChange: Pick<EmailChange, 'start' | 'record' | 'announce'>;
  issueTokens: AuthService['issueTokens'];
  revocation: AccountRevocation;
  superadmins: SuperadminGuard;
}

type UpdateMe = z.infer<typeof updateMeBodySchema>;
type Session = Pick<Principal, 'user' | 'authTime'>;

/** How recent a sign-in must be to set a first password without any other proof. */
const RECENT_SIGN_IN_SECONDS = 600;

/** The signed-in user's own account: profile, email, password, deactivation. */
export function createAccountService({
  passwords,
  confirmPassword,
  outbox,
  emailChange,
  issueTokens,
  revocation,
  superadmins,
}: Deps) {
  async function reload(user: UserDoc): Promise<UserDoc> {
    const fresh = await UserModel.findById(user._id);
    if (!fresh) throw new NotFoundError('User');
    return fresh;
  }

  /** Returns the account and whether an address change is now pending (the route answers 202 then). */
  async function update(
    user: UserDoc,
    body: UpdateMe,
    ip: string,
  ): Promise<{ user: UserDoc; emailChangePending: boolean }> {
    const set: Record<string, unknown> = {};
    if (body.name !== undefined) set.name = body.name;
    if (body.first_name !== undefined) set.first_name = body.first_name;
    if (body.last_name !== undefined) set.last_name = body.last_name;
    if (body.email_alerts !== undefined) set.email_alerts = body.email_alerts;
    if (body.profile) set.profile = { ...((user.profile ?? {}) as object), ...body.profile };
    const changing = body.email !== undefined && body.email !== user.email;
    const changeId = changing ? await emailChange.start(user, body.email!, body.current_password, ip) : null;
    if (changeId) Object.assign(set, { pending_email: body.email, pending_email_change_id: changeId });
    else if (body.email !== undefined && !changing && user.pending_email) Object.assign(set, NO_PENDING_EMAIL_CHANGE);
    if (changeId) await emailChange.record(user, set);
    else if (Object.keys(set).length) await UserModel.updateOne({ _id: user._id }, { $set: set });
    if (changeId) await emailChange.announce(user, body.email!, changeId);
    return { user: await reload(user), emailChangePending: changing };
  }

  /**
   * Proof that whoever holds this session is the person, for a change that needs one: the current password, or
   * (for an account without a password) a sign-in no older than RECENT_SIGN_IN_SECONDS. Returns the sign-in time
   * the new session keeps: now after a password check, the session's own otherwise.
   */
  async function proveIdentity(
    session: Session,
    currentPassword: string | undefined,
    ip: string,
  ): Promise<Date | null> {
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
  async function changePassword(
    session: Session,
    currentPassword: string | undefined,
    newPassword: string,
    client: SessionClient,
  ): Promise<TokenPair> {
    const authTime = await proveIdentity(session, currentPassword, client.ip ?? 'unknown');
    await UserModel.updateOne(
      { _id: session.user._id },
      { $set: { password_hash: await passwords.hash(newPassword, bcryptClient.account(session.user._id)) } },
    );
    await revocation.endSessions(session.user._id, 'password_change');
    const user = await reload(session.user);
    const userId = user._id.toString();
    await outbox.send(
      { kind: 'password_changed', user_id: userId, how: 'changed' },
      mailJobId.passwordChanged(userId, `v${user.token_version ?? 0}`),
    );
    return issueTokens(user, { authTime, client });
  }

  async function deactivate(user: UserDoc, password: string, ip: string): Promise<void> {
    await confirmPassword(user, password, ip, 'password');
    const run = () => revocation.deactivate(user._id, 'account_deactivated', 'self');
    await (user.role === 'superadmin' ? superadmins.keepingOneSuperadmin(user._id, run) : run());
  }

  return { update, changePassword, deactivate };
}
export type AccountService = ReturnType<typeof createAccountService>;
