import { randomUUID } from 'node:crypto';
import { mailJobId } from '../../../queues/index.js';
import { ConflictError } from '../../lib/errors.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { setVerified } from '../../lib/verified-write.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import { isAddressTaken } from '../../models/user-addresses.js';
import type { MailOutbox } from '../../domain/mail/outbox.js';
import type { MailTokenRecord, MailTokens } from '../../domain/mail/tokens.js';
import type { FirstEmailProof } from '../users/first-email-proof.js';
import type { ConfirmPassword } from '../users/password-confirmation.js';
import { invalidToken } from './mail-token-errors.js';
import { atTokenVersion, isPendingChange } from '../users/email-change.js';
import { NO_PENDING_EMAIL_CHANGE } from '../users/pending-email-change.js';

interface Deps {
  tokens: MailTokens;
  outbox: MailOutbox;
  emailProof: FirstEmailProof;
  confirmPassword: ConfirmPassword;
  limitAddress(email: string): Promise<void>;
}

/** What a verification page shows before anything changes. */
export interface PendingProof {
  purpose: 'verify_email' | 'email_change';
  email: string;
  /** Confirming an account's first address needs its password too (see confirm). */
  needsPassword: boolean;
}

const emailTaken = () => new ConflictError('An account with this email already exists', 'email_taken');

/**
 * Proof of addresses by link: the registration address (verify_email) and a requested new address
 * (email_change), both confirmed by POST /auth/verify-email {token}. Reading a link changes nothing.
 */
/** Sends a verification link to an unproven address (registration, resend); `occasion` makes its job id. */
export function createVerificationMailer(outbox: Pick<MailOutbox, 'send'>) {
  return async function sendVerification(user: Pick<UserDoc, '_id' | 'is_verified'>, occasion: string): Promise<void> {
    if (user.is_verified) return;
    const userId = user._id.toString();
    await outbox.send({ kind: 'verify_email', user_id: userId }, mailJobId.verifyEmail(userId, occasion));
  };
}
export type SendVerification = ReturnType<typeof createVerificationMailer>;

export function createEmailVerification({ tokens, outbox, emailProof, confirmPassword, limitAddress }: Deps) {
  const sendVerification = createVerificationMailer(outbox);

  async function resend(user: UserDoc): Promise<void> {
    outbox.assertEnabled();
    if (user.is_verified) throw new ConflictError('Your address is already verified', 'already_verified');
    await limitAddress(user.email);
    await sendVerification(user, randomUUID());
  }

  /**
   * The token's account and what it proves, when it is still good: the same address, or the very change it was
   * minted for (same change id and token_version: a cancelled, replaced or cleaned-up change's link is dead).
   */
  async function resolve(token: string): Promise<{ record: MailTokenRecord; user: UserDoc } | null> {
    const record = await tokens.find(token, ['verify_email', 'email_change']);
    if (!record) return null;
    const user = await UserModel.findById(record.user_id);
    if (!user || !user.is_active) return null;
    const current =
      record.purpose === 'verify_email'
        ? user.email === record.email
        : user.pending_email === record.email && isPendingChange(user, record);
    return current ? { record, user } : null;
  }

  /**
   * Whoever asked holds the password; only the address's owner reads the link. Confirming needs both, so a
   * stranger's click cannot hand anyone an address: an address change always (the requesting account's password),
   * a registration address while the account is unproven and has a password (its registrant set it).
   */
  const needsPassword = (record: MailTokenRecord, user: UserDoc) =>
    record.purpose === 'email_change' || (!user.is_verified && Boolean(user.password_hash));

  async function describe(token: string): Promise<PendingProof | null> {
    const found = await resolve(token);
    if (!found) return null;
    return {
      purpose: found.record.purpose as PendingProof['purpose'],
      email: found.record.email,
      needsPassword: needsPassword(found.record, found.user),
    };
  }

  /**
   * Registration address: whoever registered it set the password, and only the address's owner reads the link. If
   * they are not the same person, a plain click would hand the registrant a verified account in the owner's name
   * (and OAuth would then join the owner to it). So confirming needs the password as well; an owner who did not
   * register uses "forgot password" instead, which is the address's first proof and clears the account first. An
   * unproven account without a password has nothing of the registrant's to keep: the click is its first proof.
   */
  async function confirmAddress(
    record: MailTokenRecord,
    user: UserDoc,
    password: string | undefined,
    ip: string,
  ): Promise<void> {
    if (needsPassword(record, user)) await confirmPassword(user, password, ip, 'password');
    if (!(await tokens.claim(record))) throw invalidToken();
    if (user.is_verified) return;
    if (!user.password_hash) await emailProof.recordFirstEmailProof(user._id.toString());
    else await setVerified(UserModel, user._id, { is_verified: true, email_verified_at: new Date() });
  }

  /**
   * A requested change: the address moves only now, with the requesting account's password typed on the page, proven
   * from this moment; the old address hears of it.
   */
  async function confirmChange(record: MailTokenRecord, user: UserDoc, password: string | undefined, ip: string) {
    await confirmPassword(user, password, ip, 'password');
    if (await isAddressTaken(record.email)) throw emailTaken();
    if (!(await tokens.claim(record))) throw invalidToken();
    const changeId = user.pending_email_change_id ?? record._id.toString();
    let moved: number;
    try {
      // Only while the change is still the pending one: a reset, a first proof or a cancel during the password
      // check has ended it.
      ({ matchedCount: moved } = await UserModel.updateOne(
        { _id: user._id, pending_email_change_id: record.change_id, ...atTokenVersion(record.token_version) },
        { $set: { email: record.email, is_verified: true, email_verified_at: new Date(), ...NO_PENDING_EMAIL_CHANGE } },
      ));
    } catch (error) {
      // Taken meanwhile (another account confirmed the same address first): the unique index decides.
      if (isDuplicateKeyError(error)) throw emailTaken();
      throw error;
    }
    if (moved === 0) throw invalidToken();
    const userId = user._id.toString();
    await outbox.send(
      { kind: 'email_changed', user_id: userId, old_email: user.email, new_email: record.email },
      mailJobId.emailChanged(userId, changeId),
    );
  }

  async function confirm(token: string, password: string | undefined, ip: string): Promise<{ email: string }> {
    const found = await resolve(token);
    if (!found) throw invalidToken();
    const { record, user } = found;
    if (record.purpose === 'email_change') await confirmChange(record, user, password, ip);
    else await confirmAddress(record, user, password, ip);
    return { email: record.email };
  }

  return { resend, describe, confirm };
}
export type EmailVerification = ReturnType<typeof createEmailVerification>;
