import { randomUUID } from 'node:crypto';
import { mailJobId } from '../../../queues/index.js';
import mongoose from 'mongoose';
import { ConflictError, UnauthorizedError } from '../../lib/errors.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { isAddressTaken } from '../../models/user-addresses.js';
import type { MailOutbox } from '../../domain/mail/outbox.js';
import type { MailTokenRecord, MailTokens } from '../../domain/mail/tokens.js';
import { invalidToken } from '../auth/mail-token-errors.js';
import type { ConfirmPassword } from './password-confirmation.js';
import { cancelPendingEmailChange } from './pending-email-change.js';

interface Deps {
  confirmPassword: ConfirmPassword;
  outbox: MailOutbox;
  tokens: MailTokens;
  /** Throws 429 once an address had its share of mails in the window (shared with forgot password and resend). */
  limitAddress(email: string): Promise<void>;
  /** Throws 429 once an account asked for its share of mails to other addresses in the window. */
  limitAccount(userId: string): Promise<void>;
}

/**
 * A requested address change, from the request to its cancel link. The change has an id
 * (`pending_email_change_id`); its confirmation and cancel links are bound to that id and to the account's
 * token_version, so they die with the change, with a newer change, and with any password change or revocation.
 */
export function createEmailChange({ confirmPassword, outbox, tokens, limitAddress, limitAccount }: Deps) {
  /**
   * Checks a request to move the account to `newEmail` and returns the new change's id, or null when that address
   * is already the pending one (nothing new is sent). Mail to an address that did not ask for it counts against
   * that address's limit and against the account's.
   */
  async function start(user: UserDoc, newEmail: string, password: string | undefined, ip: string) {
    outbox.assertEnabled();
    await confirmPassword(user, password, ip, 'current_password');
    if (await isAddressTaken(newEmail))
      throw new ConflictError('An account with this email already exists', 'email_taken');
    if (user.pending_email === newEmail && user.pending_email_change_id) return null;
    await limitAccount(user._id.toString());
    await limitAddress(newEmail);
    return randomUUID();
  }

  /**
   * Writes the change (with the request's other fields) only while the account is at the token_version the request
   * was authenticated under: a reset, password change or revocation that landed while the password was being
   * checked has ended this session, and must not be outlived by what it asked for.
   */
  async function record(user: UserDoc, fields: Record<string, unknown>): Promise<void> {
    const { matchedCount } = await UserModel.updateOne(
      { _id: user._id, ...atTokenVersion(user.token_version) },
      { $set: fields },
    );
    if (matchedCount === 0) throw new UnauthorizedError('Your session has ended; sign in again', 'session_ended');
  }

  /** The confirmation link to the new address, and the notice with a one-click cancel to the current one. */
  async function announce(user: UserDoc, newEmail: string, changeId: string): Promise<void> {
    const userId = user._id.toString();
    const change = {
      user_id: userId,
      new_email: newEmail,
      change_id: changeId,
      token_version: user.token_version ?? 0,
    };
    await outbox.send({ kind: 'email_change_confirm', ...change }, mailJobId.emailChangeConfirm(userId, changeId));
    await outbox.send(
      { kind: 'email_change_requested', ...change, old_email: user.email },
      mailJobId.emailChangeRequested(userId, changeId),
    );
  }

  /** A cancel link's record and account, while the change it was minted for is still the pending one. */
  async function resolveCancel(token: string): Promise<{ record: MailTokenRecord; user: UserDoc } | null> {
    const record = await tokens.find(token, ['email_change_cancel']);
    if (!record) return null;
    const user = await UserModel.findById(record.user_id);
    return user && isPendingChange(user, record) ? { record, user } : null;
  }

  /** The address the account asked to move to, while the link still works (the cancel page shows it). */
  async function describeCancel(token: string): Promise<{ email: string } | null> {
    const found = await resolveCancel(token);
    return found && { email: found.user.pending_email! };
  }

  async function cancelByLink(token: string): Promise<{ email: string }> {
    const found = await resolveCancel(token);
    if (!found || !(await tokens.claim(found.record))) throw invalidToken();
    await cancelPendingEmailChange(found.user._id);
    return { email: found.user.pending_email! };
  }

  return { start, record, announce, describeCancel, cancelByLink };
}
export type EmailChange = ReturnType<typeof createEmailChange>;

/** A filter on the account's token_version; documents written before the field existed hold none (0). */
export const atTokenVersion = (version: number | null | undefined) =>
  version ? { token_version: version } : { token_version: mongoose.trusted({ $in: [0, null] }) };

/** Whether a link's record belongs to the account's current pending change, under its current token_version. */
export function isPendingChange(
  user: Pick<UserDoc, 'pending_email' | 'pending_email_change_id' | 'token_version' | 'is_active'>,
  record: Pick<MailTokenRecord, 'email' | 'change_id' | 'token_version'>,
): boolean {
  return (
    user.is_active &&
    Boolean(user.pending_email) &&
    Boolean(record.change_id) &&
    user.pending_email_change_id === record.change_id &&
    (user.token_version ?? 0) === record.token_version
  );
}
