import { UnauthorizedError } from '../../lib/errors.js';
import { UserModel, type UserDoc } from '../../models/user.js';

/**
 * Refuses a write made by a request authenticated before the account's address was first proven (its
 * credential_generation moved on since). Call it under the lock the first-proof clean-up also takes, so a delegation
 * (a sub-user, an organization member) is either made before the clean-up and removed by it, or not made at all.
 */
export async function assertCredentialsCurrent(user: Pick<UserDoc, '_id' | 'credential_generation'>): Promise<void> {
  const fresh = await UserModel.findById(user._id, { credential_generation: 1 }).lean();
  if ((fresh?.credential_generation ?? 0) !== (user.credential_generation ?? 0)) {
    throw new UnauthorizedError('Your session has ended; sign in again', 'session_ended');
  }
}
