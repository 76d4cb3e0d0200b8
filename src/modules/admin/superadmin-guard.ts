import { randomUUID } from 'node:crypto';
import mongoose, { type Types } from 'mongoose';
import { ConflictError, ServiceUnavailableError } from '../../lib/errors.js';
import { redisKey, type RedisClient } from '../../lib/redis.js';
import { UserModel } from '../../models/user.js';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const LOCK_MS = 10_000;
const WAIT_MS = 5_000;

/**
 * Keeps at least one active superadmin. Every change that could remove one (demotion, deactivation) runs under
 * one Redis lock shared by all API processes, and counts the others after taking it, so two superadmins demoting
 * each other at the same moment cannot both succeed. FerretDB has no transactions; the lock is the serialisation.
 */
export function createSuperadminGuard({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const lockKey = redisKey(prefix, 'lock', 'superadmins');

  async function acquire(): Promise<string> {
    const token = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      if ((await redis.set(lockKey, token, 'PX', LOCK_MS, 'NX')) === 'OK') return token;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
    throw new ServiceUnavailableError('Another role change is in progress; try again', 'role_change_busy', 1);
  }

  /** Runs `change` (which demotes or deactivates `userId`) unless it would leave no active superadmin. */
  async function keepingOneSuperadmin<T>(userId: Types.ObjectId | string, change: () => Promise<T>): Promise<T> {
    const token = await acquire();
    try {
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
      return await change();
    } finally {
      await redis.eval(RELEASE, 1, lockKey, token);
    }
  }

  return { keepingOneSuperadmin };
}
export type SuperadminGuard = ReturnType<typeof createSuperadminGuard>;
