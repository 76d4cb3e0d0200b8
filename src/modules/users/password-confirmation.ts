import { BadRequestError } from '../../lib/errors.js';
import type { ErrorDecl } from '../../lib/http/error-responses.js';
import type { UserDoc } from '../../models/user.js';
import type { LoginLimiter } from '../auth/login-limiter.js';
import { bcryptClient, type PasswordHasher } from '../auth/passwords.js';

/** What a confirmation can answer: no password, a wrong one, too many tries, bcrypt busy. */
export const CONFIRM_PASSWORD_ERRORS = [
  'password_not_set',
  'password_required',
  'invalid_password',
  'too_many_login_attempts',
  'server_busy',
] as const satisfies readonly ErrorDecl[];

/**
 * A password typed to confirm a change counts as a sign-in attempt, so whoever holds a stolen access token (or a
 * verification link) cannot use the confirmation to guess the password.
 */
export function createPasswordConfirmation({
  passwords,
  loginLimiter,
}: {
  passwords: PasswordHasher;
  loginLimiter: LoginLimiter;
}) {
  return async function confirmPassword(
    user: Pick<UserDoc, 'email' | 'password_hash'>,
    password: string | undefined,
    ip: string,
    param: string,
  ): Promise<void> {
    if (!user.password_hash) {
      throw new BadRequestError('This account has no password yet; set one with POST /users/me/password', {
        code: 'password_not_set',
        param,
      });
    }
    if (!password)
      throw new BadRequestError('Your current password is required for this change', {
        code: 'password_required',
        param,
      });
    await loginLimiter.begin(user.email, ip);
    let matches: boolean;
    try {
      matches = await passwords.verify(password, user.password_hash, bcryptClient.ip(ip));
    } catch (error) {
      // A check that never ran (bcrypt busy, a server error) is not a failed attempt.
      await loginLimiter.abandoned(user.email, ip).catch(() => undefined);
      throw error;
    }
    if (!matches) throw new BadRequestError('The password is incorrect', { code: 'invalid_password', param });
    await loginLimiter.succeeded(user.email, ip);
  };
}
export type ConfirmPassword = ReturnType<typeof createPasswordConfirmation>;
