import type { Types } from 'mongoose';
import { UserModel } from '../../models/user.js';

/** The fields that hold a requested address change; `$set` these to cancel it (its links die with it). */
export const NO_PENDING_EMAIL_CHANGE = { pending_email: null, pending_email_change_id: null } as const;

/**
 * Cancels the account's pending address change, if any. Every clean-up that takes an account back from whoever
 * else held it (the address's first proof, a password reset or change, ending sessions, deactivation) calls it: a
 * change requested by that someone must not complete afterwards.
 */
export async function cancelPendingEmailChange(userId: Types.ObjectId | string): Promise<void> {
  await UserModel.updateOne({ _id: userId }, { $set: NO_PENDING_EMAIL_CHANGE });
}
