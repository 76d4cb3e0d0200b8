import { randomUUID } from 'node:crypto';
import { mailJobId } from '../../../queues/index.js';
import { setVerified } from '../../lib/verified-write.js';
import { UserModel } from '../../models/user.js';
import { findUserByAddress } from '../../models/user-addresses.js';
import type { MailOutbox } from '../../domain/mail/outbox.js';
import type { MailTokenRecord, MailTokens } from '../../domain/mail/tokens.js';
import type { AccountRevocation } from '../users/revocation.js';
import type { FirstEmailProof } from '../users/first-email-proof.js';
import { invalidToken } from './mail-token-errors.js';
import { bcryptClient, type PasswordHasher } from './passwords.js';

interface Deps {
  tokens: MailTokens;
  outbox: MailOutbox;
  passwords: PasswordHasher;
  revocation: Pick<AccountRevocation, 'endSessions'>;
  emailProof: FirstEmailProof;
  /** Throws 429 once an address had its share of mails in the window (counted whether or not it has an account). */
  limitAddress(email: string): Promise<void>;
}

/**
 * Forgot password and reset by a link sent to the account's address. The answer to a request is the same whether
 * or not the address has an account; only an active account that signs in by itself (not a sub-user, whose
 * password its parent account sets) gets a mail.
 */
export function createPasswordReset({ tokens, outbox, passwords, revocation, emailProof, limitAddress }: Deps) {
  async function requestReset(email: string): Promise<void> {
    outbox.assertEnabled();
    await limitAddress(email);
    const user = await findUserByAddress(email);
    if (!user || !user.is_active || user.is_sub_user) return;
    const userId = user._id.toString();
    await outbox.send({ kind: 'password_reset', user_id: userId }, mailJobId.passwordReset(userId, randomUUID()));
  }

  /** The token's account, when the token is still good for it: same address, no password change or revocation since. */
  async function accountOf(record: MailTokenRecord) {
    const user = await UserModel.findById(record.user_id);
    const current =
      user && user.is_active && user.email === record.email && (user.token_version ?? 0) === record.token_version;
    return current ? user : null;
  }

  /** Read-only: whether the link of a reset page still works (the GET of a link changes nothing). */
  async function isLive(token: string): Promise<boolean> {
    const record = await tokens.find(token, ['password_reset']);
    return record !== null && (await accountOf(record)) !== null;
  }

  /**
   * Sets the new password, ends every session and access token (API keys stay, as with a password change), and
   * proves the address: on an account whose address was never proven this is its first proof, so whatever the
   * account held before (recordFirstEmailProof) is cleared first.
   */
  async function reset(token: string, newPassword: string): Promise<void> {
    const record = await tokens.find(token, ['password_reset']);
    const user = record && (await accountOf(record));
    if (!record || !user) throw invalidToken();
    // Hashed before the token is spent: a refusal for load (503 server_busy) leaves the link usable.
    const hash = await passwords.hash(newPassword, bcryptClient.account(user._id));
    if (!(await tokens.claim(record))) throw invalidToken();
    const userId = user._id.toString();
    if (!user.is_verified) await emailProof.recordFirstEmailProof(userId);
    await setVerified(UserModel, user._id, { password_hash: hash });
    await revocation.endSessions(user._id, 'password_reset');
    await outbox.send(
      { kind: 'password_changed', user_id: userId, how: 'reset' },
      mailJobId.passwordChanged(userId, `reset-${record._id.toString()}`),
    );
  }

  return { requestReset, isLive, reset };
}
export type PasswordReset = ReturnType<typeof createPasswordReset>;
