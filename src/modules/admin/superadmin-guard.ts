import mongoose, { type Types } from 'mongoose';
import { ConflictError, ServiceUnavailableError } from '../../lib/errors.js';
import type { Locks } from '../../lib/locks.js';
import { UserModel } from '../../models/user.js';

const HOLD = {
  ttlMs: 10_000,
  waitMs: 5_000,
  busy: () => new ServiceUnavailableError('Another role change is in progress; try again', 'role_change_busy', 1),
};

/**
 * Keeps at least one active superadmin. Every change that could remove one (demotion, deactivation) runs under
 * one Redis lock shared by all API processes, and counts the others after taking it, so two superadmins demoting
 * each other at the same moment cannot both succeed. FerretDB has no transactions; the lock is the serialisation.
 */
export function createSuperadminGuard({ locks }: { locks: Pick<Locks, 'withLock'> }) {
  /** Runs `change` (which demotes or deactivates `userId`) unless it would leave no active superadmin. */
  async function keepingOneSuperadmin<T>(userId: Types.ObjectId | string, change: () => Promise<T>): Promise<T> {
    return locks.withLock(
      'superadmins',
      async () => {
        const target = await UserModel.findById(userId, { role: 1, is_active: 1 }).lean();
        if (target?.role === 'superadmin' && target.is_active) {
          const others = await UserModel.countDocuments({
            role: 'superadmin',
            is_active: true,
            _id: mongoose.trusted({ $ne: target._id }),
          });
          if (others === 0)
            throw new ConflictError('This is the last active superadmin; promote another one first', 'last_superadmin');
        }
        return change();
      },
      HOLD,
    );
  }

  return { keepingOneSuperadmin };
}
export type SuperadminGuard = ReturnType<typeof createSuperadminGuard>;
