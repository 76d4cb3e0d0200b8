import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../../lib/errors.js';
import { ipBucket } from '../../lib/ip.js';
import { redisKey } from '../../lib/redis.js';
import { sha256 } from '../../lib/hash.js';

interface Options {
  redis: Redis;
  prefix: string;
  maxPerAccountIp: number;
  maxPerAccount: number;
  maxPerIp: number;
  /** Failures allowed per window through one known-client token, in place of the account-wide counter. */
  maxPerKnownClient: number;
  windowSeconds: number;
}

/**
 * Checks every counter and, when all are under their limit, counts this attempt in each; all in one script so
 * that a burst of parallel guesses cannot slip past a check-then-increment gap. Returns {blocked index, ttl}.
 */
const BEGIN = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 0 then redis.call('EXPIRE', KEYS[i], ARGV[#KEYS + 1]); ttl = tonumber(ARGV[#KEYS + 1]) end
    return {i, ttl}
  end
end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[#KEYS + 1]) end
end
return {0, 0}`;

/** Takes back one counted attempt from each existing counter (never creating a counter without an expiry). */
const RELEASE = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('DECR', KEYS[i]) end
end
return 0`;

/**
 * Failed-sign-in limits in Redis, shared by every API process, in fixed windows that expire on their own:
 * - account+IP (strict): a stranger guessing from their IP blocks only that IP for that account;
 * - account (looser): distributed guessing needs several IPs before the account is paused, and only for one window;
 * - IP: one address spraying many accounts.
 * A sign-in from a known client (`knownClient`, the hash of a recognized known-client token) is counted on that
 * token's own counter instead of the account-wide one: strangers who fill the account counter from many addresses
 * do not lock the owner out of a client they signed in from before, and a stolen token is locked by its own count.
 * An attempt counts as a failure from the moment it starts; success clears the account+IP (and known-client)
 * counter and takes the attempt back from the others, and an attempt that ends in a server error is taken back
 * everywhere.
 */
export function createLoginLimiter({
  redis,
  prefix,
  maxPerAccountIp,
  maxPerAccount,
  maxPerIp,
  maxPerKnownClient,
  windowSeconds,
}: Options) {
  const keys = (email: string, ip: string, knownClient: string | null = null) => {
    const account = sha256(email);
    const bucket = ipBucket(ip);
    return {
      accountIp: redisKey(prefix, 'login-fail', 'acct-ip', account, bucket),
      account: knownClient
        ? redisKey(prefix, 'login-fail', 'client', knownClient)
        : redisKey(prefix, 'login-fail', 'acct', account),
      ip: redisKey(prefix, 'login-fail', 'ip', bucket),
    };
  };

  /** Counts the attempt, or throws 429 with Retry-After when a limit is reached. */
  async function begin(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const k = keys(email, ip, knownClient);
    const maxShared = knownClient ? maxPerKnownClient : maxPerAccount;
    const [blocked, ttl] = (await redis.eval(
      BEGIN,
      3,
      k.accountIp,
      k.account,
      k.ip,
      maxPerAccountIp,
      maxShared,
      maxPerIp,
      windowSeconds,
    )) as [number, number];
    if (blocked > 0) {
      throw new TooManyRequestsError(
        'Too many failed sign-in attempts; try again later',
        'too_many_login_attempts',
        ttl > 0 ? ttl : windowSeconds,
      );
    }
  }

  async function succeeded(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const k = keys(email, ip, knownClient);
    if (knownClient) {
      await redis.del(k.accountIp, k.account);
      await redis.eval(RELEASE, 1, k.ip);
      return;
    }
    await redis.del(k.accountIp);
    await redis.eval(RELEASE, 2, k.account, k.ip);
  }

  /** The attempt never reached a verdict (database down, server busy, …): it should not count against anyone. */
  async function abandoned(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const k = keys(email, ip, knownClient);
    await redis.eval(RELEASE, 3, k.accountIp, k.account, k.ip);
  }

  return { begin, succeeded, abandoned, keys };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
