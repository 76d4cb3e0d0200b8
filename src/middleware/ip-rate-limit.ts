import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../lib/errors.js';
import { ipBucket } from '../lib/ip.js';
import { luaScript } from '../lib/lua.js';
import { redisKey } from '../lib/redis.js';

/**
 * Counts one request in a fixed window that expires on its own; returns 0 when under the limit, else the
 * seconds left in the window. Refused requests count too, which cannot stretch the window (its expiry is set
 * once). KEYS[1] counter. ARGV max, window seconds.
 */
const HIT = luaScript(
  'hit',
  `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
if count > tonumber(ARGV[1]) then return ttl end
return 0`,
);

export interface IpLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Per-client-IP limits in Redis (so they hold across every API process), for anonymous endpoints that cost the
 * server something: registration, OAuth sign-in starts, anything that sends mail. An IPv6 client counts per /64,
 * as sign-in failures do. Over the limit: 429 `rate_limit_exceeded` with Retry-After, before any work is done.
 */
export function createIpRateLimits({ redis, prefix }: { redis: Redis; prefix: string }) {
  /** Middleware counting requests to one endpoint (`name` keys its counters) per client IP. */
  function limit(name: string, { max, windowSeconds }: IpLimit): RequestHandler {
    return async (req, _res, next) => {
      const key = redisKey(prefix, 'ip-limit', name, ipBucket(req.ip ?? 'unknown'));
      const retryAfter = Number(await HIT.run(redis, [key], [max, windowSeconds]));
      if (retryAfter > 0) {
        throw new TooManyRequestsError(
          'Too many requests from your network; try again later',
          'rate_limit_exceeded',
          retryAfter,
        );
      }
      next();
    };
  }

  /**
   * A limit counted per key of the caller's choosing (an email address), checked inside a handler: `check(key)`
   * throws 429 `rate_limit_exceeded` once the key had `max` requests in the window. Keys are hashed in Redis.
   */
  function perKey(name: string, { max, windowSeconds }: IpLimit): (key: string) => Promise<void> {
    return async (key) => {
      const counter = redisKey(prefix, 'key-limit', name, createHash('sha256').update(key).digest('hex').slice(0, 32));
      const retryAfter = Number(await HIT.run(redis, [counter], [max, windowSeconds]));
      if (retryAfter > 0) {
        throw new TooManyRequestsError(
          'Too many requests for this address; try again later',
          'rate_limit_exceeded',
          retryAfter,
        );
      }
    };
  }

  return { limit, perKey };
}
export type IpRateLimits = ReturnType<typeof createIpRateLimits>;
