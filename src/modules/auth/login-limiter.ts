import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../../lib/errors.js';
import { redisKey } from '../../lib/redis.js';
import { sha256 } from './refresh-tokens.js';

interface Options {
  redis: Redis;
  prefix: string;
  maxPerAccount: number;
  maxPerIp: number;
  windowSeconds: number;
}

/**
 * Failed-login counters in Redis (shared by every API process). Fixed windows that expire on their own, so a
 * stranger can lock an account for at most one window; a correct password clears the account's counter.
 */
export function createLoginLimiter({ redis, prefix, maxPerAccount, maxPerIp, windowSeconds }: Options) {
  const accountKey = (email: string) => redisKey(prefix, 'login-fail', 'acct', sha256(email));
  const ipKey = (ip: string) => redisKey(prefix, 'login-fail', 'ip', ip);

  async function assertAllowed(email: string, ip: string): Promise<void> {
    const replies = (await redis
      .multi()
      .get(accountKey(email))
      .get(ipKey(ip))
      .ttl(accountKey(email))
      .ttl(ipKey(ip))
      .exec()) ?? [];
    const [account, byIp, accountTtl, ipTtl] = replies.map(([, value]) => value as string | number | null);
    if (Number(account ?? 0) >= maxPerAccount) {
      throw new TooManyRequestsError('Too many failed sign-in attempts; try again later', 'too_many_login_attempts', Number(accountTtl) > 0 ? Number(accountTtl) : windowSeconds);
    }
    if (Number(byIp ?? 0) >= maxPerIp) {
      throw new TooManyRequestsError('Too many failed sign-in attempts; try again later', 'too_many_login_attempts', Number(ipTtl) > 0 ? Number(ipTtl) : windowSeconds);
    }
  }

  async function recordFailure(email: string, ip: string): Promise<void> {
    await redis
      .multi()
      .incr(accountKey(email))
      .expire(accountKey(email), windowSeconds, 'NX')
      .incr(ipKey(ip))
      .expire(ipKey(ip), windowSeconds, 'NX')
      .exec();
  }

  async function recordSuccess(email: string): Promise<void> {
    await redis.del(accountKey(email));
  }

  return { assertAllowed, recordFailure, recordSuccess };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
