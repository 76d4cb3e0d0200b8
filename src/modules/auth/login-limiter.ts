import { TooManyRequestsError } from '../../lib/errors.js';
import { ipLimitBuckets } from '../../lib/ip.js';
import { luaScript } from '../../lib/lua.js';
import type { RedisClient } from '../../lib/redis.js';
import { sha256 } from '../../lib/hash.js';
import { loginLimitKeys } from '../../../queues/index.js';

interface Options {
  redis: RedisClient;
  prefix: string;
  maxPerAccountIp: number;
  maxPerAccount: number;
  maxPerIp: number;
  /** Failures allowed per window through one known-client token, in place of the account-wide counter. */
  maxPerKnownClient: number;
  windowSeconds: number;
  /** Successful sign-ins allowed per account, and per IP, in each `successWindowSeconds`. */
  maxSuccessesPerAccount: number;
  maxSuccessesPerIp: number;
  successWindowSeconds: number;
  /** An IPv6 /48 may make this many times each per-IP limit (its /64s each make the limit). */
  wideMultiplier: number;
}

/**
 * Refuses the attempt when any counter is at its limit (returns {its index, its ttl}); otherwise counts it in the
 * first ARGV[1] counters (the failure counters; the rest, successes, are only checked). One script, so a burst of
 * parallel attempts cannot slip past a check-then-increment gap. ARGV: count of failure counters, every max, then
 * the failure window.
 */
const BEGIN = luaScript(
  'login-begin',
  `
local counted = tonumber(ARGV[1])
local window = tonumber(ARGV[#KEYS + 2])
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 0 then redis.call('EXPIRE', KEYS[i], window); ttl = window end
    return {i, ttl}
  end
end
for i = 1, counted do
  redis.call('INCR', KEYS[i])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], window) end
end
return {0, 0}`,
);

/**
 * Settles an attempt: deletes the first ARGV[1] counters, takes one back from the next ARGV[2] (never creating a
 * counter without an expiry), and counts one success in the rest (expiring after ARGV[3] seconds).
 */
const SETTLE = luaScript(
  'login-settle',
  `
local deleted = tonumber(ARGV[1])
local released = deleted + tonumber(ARGV[2])
for i = 1, #KEYS do
  if i <= deleted then
    redis.call('DEL', KEYS[i])
  elseif i <= released then
    if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('DECR', KEYS[i]) end
  else
    redis.call('INCR', KEYS[i])
    if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[3]) end
  end
end
return 0`,
);

/**
 * Sign-in limits in RedisClient, shared by every API process, in fixed windows that expire on their own. Failures:
 * - account+IP (strict): a stranger guessing from their IP blocks only that IP for that account;
 * - account (looser): distributed guessing needs several IPs before the account is paused, and only for one window;
 * - IP: one address spraying many accounts.
 * Successes, per account and per IP: a client signing in with the right password in a loop would otherwise keep
 * the bcrypt slots busy for everyone (a correct password never counts as a failure).
 * Every per-IP counter counts an IPv6 client per /64 and, `wideMultiplier` times as loosely, per /48.
 * A sign-in from a known client (`knownClient`, the hash of a recognized known-client token) is counted on that
 * token's own counter instead of the account-wide one: strangers who fill the account counter from many addresses
 * do not lock the owner out of a client they signed in from before, and a stolen token is locked by its own count.
 * An attempt counts as a failure from the moment it starts; success clears the account+IP (and known-client)
 * counters, takes the attempt back from the others and counts a success; an attempt that ends in a server error is
 * taken back everywhere.
 */
export function createLoginLimiter({
  redis,
  prefix,
  maxPerAccountIp,
  maxPerAccount,
  maxPerIp,
  maxPerKnownClient,
  windowSeconds,
  maxSuccessesPerAccount,
  maxSuccessesPerIp,
  successWindowSeconds,
  wideMultiplier,
}: Options) {
  const key = loginLimitKeys(prefix);
  const perIp = (ip: string, max: number, key: (bucket: string) => string) =>
    ipLimitBuckets(ip, max, wideMultiplier).map((c) => ({ key: key(c.bucket), max: c.max }));

  function counters(email: string, ip: string, knownClient: string | null) {
    const account = sha256(email);
    return {
      accountIp: perIp(ip, maxPerAccountIp, (bucket) => key.failedFromAccountIp(account, bucket)),
      account: knownClient
        ? { key: key.failedThroughKnownClient(knownClient), max: maxPerKnownClient }
        : { key: key.failedForAccount(account), max: maxPerAccount },
      ip: perIp(ip, maxPerIp, key.failedFromIp),
      successes: [
        { key: key.succeededForAccount(account), max: maxSuccessesPerAccount },
        ...perIp(ip, maxSuccessesPerIp, key.succeededFromIp),
      ],
    };
  }

  /** The failure counters' Redis keys (for tests and operators). */
  function keys(email: string, ip: string, knownClient: string | null = null) {
    const c = counters(email, ip, knownClient);
    return { accountIp: c.accountIp.map((x) => x.key), account: c.account.key, ip: c.ip.map((x) => x.key) };
  }

  /** Counts the attempt, or throws 429 with Retry-After when a limit is reached. */
  async function begin(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const c = counters(email, ip, knownClient);
    const failures = [...c.accountIp, c.account, ...c.ip];
    const all = [...failures, ...c.successes];
    const [blocked, ttl] = (await BEGIN.run(
      redis,
      all.map((x) => x.key),
      [failures.length, ...all.map((x) => x.max), windowSeconds],
    )) as [number, number];
    if (blocked > 0) {
      // One body whichever counter is full: the answer must not tell whether the password was ever right.
      throw new TooManyRequestsError(
        'Too many sign-in attempts; try again later',
        'too_many_login_attempts',
        ttl > 0 ? ttl : windowSeconds,
      );
    }
  }

  async function succeeded(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const c = counters(email, ip, knownClient);
    const cleared = knownClient ? [...c.accountIp, c.account] : c.accountIp;
    const released = knownClient ? c.ip : [c.account, ...c.ip];
    await SETTLE.run(
      redis,
      [...cleared, ...released, ...c.successes].map((x) => x.key),
      [cleared.length, released.length, successWindowSeconds],
    );
  }

  /** The attempt never reached a verdict (database down, server busy, …): it should not count against anyone. */
  async function abandoned(email: string, ip: string, knownClient: string | null = null): Promise<void> {
    const c = counters(email, ip, knownClient);
    const released = [...c.accountIp, c.account, ...c.ip];
    await SETTLE.run(
      redis,
      released.map((x) => x.key),
      [0, released.length, successWindowSeconds],
    );
  }

  return { begin, succeeded, abandoned, keys };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
