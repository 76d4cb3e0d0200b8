import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../../lib/errors.js';
import { luaScript } from '../../lib/lua.js';
import { llmKeys } from './keys.js';

const WINDOW_MS = 60_000;

/**
 * Requests per minute (a sliding window of request ids) and open streams per user, checked and taken in one
 * atomic script, so the limits hold across any number of API processes. A stream slot carries its own
 * expiry, so a slot whose request was lost frees itself.
 * KEYS[1] rpm set, KEYS[2] active set. ARGV now, window, rpm limit, request id, is stream, stream limit, slot ttl.
 * Returns {verdict, count, reset ms}.
 */
const ADMIT = luaScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local reset = window
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then reset = tonumber(oldest[2]) + window - now end
if count >= limit then return {'rpm', count, reset} end
if ARGV[5] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  local open = redis.call('ZCARD', KEYS[2])
  if open >= tonumber(ARGV[6]) then return {'streams', open, reset} end
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[7]), ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {'ok', count + 1, reset}
`);

export interface Admission {
  headers: Record<string, string>;
}

export interface AdmitInput {
  userId: string;
  requestId: string;
  requestsPerMinute: number;
  /** Set for streaming requests: the user's open-stream limit. */
  concurrentStreams: number | null;
}

export function createLimits({ redis, prefix, slotTtlMs }: { redis: Redis; prefix: string; slotTtlMs: number }) {
  const keys = llmKeys(prefix);

  function rateHeaders(limit: number, remaining: number, resetMs: number): Record<string, string> {
    return {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': String(Math.max(0, remaining)),
      'RateLimit-Reset': String(Math.max(1, Math.ceil(resetMs / 1000))),
      'RateLimit-Policy': `${limit};w=60`,
    };
  }

  /** Counts the request and takes a stream slot, or throws 429 with Retry-After and RateLimit headers. */
  async function admit({ userId, requestId, requestsPerMinute, concurrentStreams }: AdmitInput): Promise<Admission> {
    const [verdict, count, reset] = (await ADMIT.run(redis, [keys.rpm(userId), keys.active(userId)], [
      Date.now(), WINDOW_MS, requestsPerMinute, requestId, concurrentStreams === null ? 0 : 1, concurrentStreams ?? 0, slotTtlMs,
    ])) as [string, number, number];
    if (verdict === 'rpm') {
      throw new TooManyRequestsError(
        `Rate limit reached: ${requestsPerMinute} requests per minute. Retry after the time in Retry-After.`,
        'rate_limit_exceeded', reset / 1000, rateHeaders(requestsPerMinute, 0, reset),
      );
    }
    if (verdict === 'streams') {
      throw new TooManyRequestsError(
        `Too many open streams: at most ${concurrentStreams} at a time. Finish or cancel one first.`,
        'concurrency_limit_exceeded', 1, {
          'RateLimit-Limit': String(concurrentStreams), 'RateLimit-Remaining': '0', 'RateLimit-Reset': '1', 'RateLimit-Policy': `${concurrentStreams};concurrency`,
        },
      );
    }
    return { headers: rateHeaders(requestsPerMinute, requestsPerMinute - Number(count), Number(reset)) };
  }

  /** Frees a stream slot (idempotent: the request id leaves the set once). */
  async function release(userId: string, requestId: string): Promise<void> {
    await redis.zrem(keys.active(userId), requestId);
  }

  async function openStreams(userId: string): Promise<number> {
    return redis.zcount(keys.active(userId), Date.now(), '+inf');
  }

  return { admit, release, openStreams };
}
export type Limits = ReturnType<typeof createLimits>;
