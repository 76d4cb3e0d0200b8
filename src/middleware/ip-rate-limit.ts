import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { TooManyRequestsError } from '../lib/errors.js';
import { declareErrors } from '../lib/http/error-responses.js';
import { hitWindows } from '../lib/fixed-window.js';
import { ipLimitBuckets } from '../lib/ip.js';
import type { RedisClient } from '../lib/redis.js';
import { ipLimitKey, keyLimitKey } from '../../queues/index.js';

export interface IpLimit {
  max: number;
  windowSeconds: number;
}

interface Options {
  redis: RedisClient;
  prefix: string;
  /** An IPv6 /48 may make this many times a per-IP limit (its /64s each make the limit). */
  wideMultiplier: number;
}

/**
 * Per-client-IP limits in Redis (so they hold across every API process), for anonymous endpoints that cost the
 * server something: registration, OAuth sign-in starts, anything that sends mail. An IPv6 client counts per /64,
 * as sign-in failures do, and its /48 counts too, `wideMultiplier` times as loosely. Over the limit: 429
 * `rate_limit_exceeded` with Retry-After, before any work is done.
 */
export function createIpRateLimits({ redis, prefix, wideMultiplier }: Options) {
  /** Middleware counting requests to one endpoint (`name` keys its counters) per client IP. */
  function limit(name: string, { max, windowSeconds }: IpLimit): RequestHandler {
    return declareErrors<RequestHandler>(
      async (req, _res, next) => {
        const counters = ipLimitBuckets(req.ip ?? 'unknown', max, wideMultiplier).map((c) => ({
          key: ipLimitKey(prefix, name, c.bucket),
          max: c.max,
        }));
        const retryAfter = await hitWindows(redis, counters, windowSeconds);
        if (retryAfter > 0) {
          throw new TooManyRequestsError(
            'Too many requests from your network; try again later',
            'rate_limit_exceeded',
            retryAfter,
          );
        }
        next();
      },
      ['rate_limit_exceeded'],
    );
  }

  /**
   * A limit counted per key of the caller's choosing (an email address), checked inside a handler: `check(key)`
   * throws 429 `rate_limit_exceeded` once the key had `max` requests in the window. Keys are hashed in Redis.
   */
  function perKey(
    name: string,
    { max, windowSeconds }: IpLimit,
    message = 'Too many requests for this address; try again later',
  ): (key: string) => Promise<void> {
    return async (key) => {
      const counter = keyLimitKey(prefix, name, createHash('sha256').update(key).digest('hex').slice(0, 32));
      const retryAfter = await hitWindows(redis, [{ key: counter, max }], windowSeconds);
      if (retryAfter > 0) throw new TooManyRequestsError(message, 'rate_limit_exceeded', retryAfter);
    };
  }

  return { limit, perKey };
}
export type IpRateLimits = ReturnType<typeof createIpRateLimits>;
