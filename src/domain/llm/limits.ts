import type { RedisClient } from '../../lib/redis.js';
import { randomUUID } from 'node:crypto';
import { TooManyRequestsError } from '../../lib/errors.js';
import { luaScript } from '../../lib/lua.js';
import { RECORD, llmKeys } from '../../../queues/index.js';

const WINDOW_MS = 60_000;

/**
 * Requests per minute (a sliding window of request ids) and open streams per user, checked and taken in one
 * atomic script, so the limits hold across any number of API processes. A stream slot carries its own
 * expiry, so a slot whose request was lost frees itself.
 * KEYS[1] rpm set, KEYS[2] active set. ARGV now, window, rpm limit, request id, is stream, stream limit, slot ttl.
 * Returns {verdict, count, reset ms}.
 */
const ADMIT = luaScript(
  'admit',
  `
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
`,
);

/**
 * Opens a resume connection (GET /llm/requests/{id}/stream) on the user's open-stream limit. A request that is
 * still running has its own slot, which covers the connection that started it and one more: a client
 * reconnecting after a network blip is never refused, even before this server noticed that its old connection
 * died. Any other connection (a third one on the same request, or any replay of a finished one) takes a slot of
 * its own, refused at the limit, and freed when the connection ends.
 * KEYS[1] active set, KEYS[2] request record. ARGV now, request id, connection id, limit, slot ttl, connections per
 * request slot. Returns {verdict ('own' | 'slot' | 'streams' | 'gone'), running (1|0)}.
 */
const OPEN_CONNECTION = luaScript(
  'open-connection',
  `
if redis.call('EXISTS', KEYS[2]) == 0 then return {'gone', 0} end
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local running = redis.call('HEXISTS', KEYS[2], '${RECORD.finishedAt}') == 0
local watchers = tonumber(redis.call('HGET', KEYS[2], '${RECORD.watchers}') or '0')
if running and redis.call('ZSCORE', KEYS[1], ARGV[2]) and watchers < tonumber(ARGV[6]) then
  redis.call('HINCRBY', KEYS[2], '${RECORD.watchers}', 1)
  return {'own', 1}
end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return {'streams', running and 1 or 0} end
local ttl = tonumber(ARGV[5])
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
if running then redis.call('HINCRBY', KEYS[2], '${RECORD.watchers}', 1) end
return {'slot', running and 1 or 0}
`,
);

/**
 * Keeps a resume connection's own slot alive while the connection lasts (its expiry only frees the slots of API
 * processes that died). A slot already gone is not brought back.
 * KEYS[1] active set. ARGV now, slot ttl, slot. Returns 1 if kept.
 */
const KEEP_SLOT = luaScript(
  'keep-slot',
  `
if not redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 0 end
local ttl = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + ttl, ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`,
);

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

function tooManyStreams(limit: number): TooManyRequestsError {
  return new TooManyRequestsError(
    `Too many open streams: at most ${limit} at a time. Finish or cancel one first.`,
    'concurrency_limit_exceeded',
    1,
    {
      'RateLimit-Limit': String(limit),
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '1',
      'RateLimit-Policy': `${limit};concurrency`,
    },
  );
}

/** How a resume connection counts: on its request's own slot, on a slot of its own (`slot` names it), or refused. */
export interface ResumeConnection {
  /** The request had not finished when the connection opened. */
  running: boolean;
  /** The connection's own slot, to free when it ends; null when it rides on its request's slot. */
  slot: string | null;
}

/** Connections that share a running request's own stream slot: the one that started it and one reconnect. */
const CONNECTIONS_PER_REQUEST_SLOT = 2;

export function createLimits({ redis, prefix, slotTtlMs }: { redis: RedisClient; prefix: string; slotTtlMs: number }) {
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
    const [verdict, count, reset] = (await ADMIT.run(
      redis,
      [keys.rpm(userId), keys.active(userId)],
      [
        Date.now(),
        WINDOW_MS,
        requestsPerMinute,
        requestId,
        concurrentStreams === null ? 0 : 1,
        concurrentStreams ?? 0,
        slotTtlMs,
      ],
    )) as [string, number, number];
    if (verdict === 'rpm') {
      throw new TooManyRequestsError(
        `Rate limit reached: ${requestsPerMinute} requests per minute. Retry after the time in Retry-After.`,
        'rate_limit_exceeded',
        reset / 1000,
        rateHeaders(requestsPerMinute, 0, reset),
      );
    }
    if (verdict === 'streams') throw tooManyStreams(concurrentStreams ?? 0);
    return { headers: rateHeaders(requestsPerMinute, requestsPerMinute - Number(count), Number(reset)) };
  }

  /** Frees a stream slot (idempotent: the request id leaves the set once). */
  async function release(userId: string, requestId: string): Promise<void> {
    await redis.zrem(keys.active(userId), requestId);
  }

  /**
   * Counts a resume connection of `requestId` on the user's open-stream limit (see OPEN_CONNECTION); throws 429
   * over the limit. Null when the request's record is gone.
   */
  async function openResume(
    userId: string,
    requestId: string,
    concurrentStreams: number,
  ): Promise<ResumeConnection | null> {
    const slot = `resume:${requestId}:${randomUUID()}`;
    const [verdict, running] = (await OPEN_CONNECTION.run(
      redis,
      [keys.active(userId), keys.meta(requestId)],
      [Date.now(), requestId, slot, concurrentStreams, slotTtlMs, CONNECTIONS_PER_REQUEST_SLOT],
    )) as [string, number];
    if (verdict === 'streams') throw tooManyStreams(concurrentStreams);
    if (verdict === 'gone') return null;
    return { running: running === 1, slot: verdict === 'slot' ? slot : null };
  }

  /** Pushes back the expiry of open resume connections' own slots. */
  async function keepResumeSlots(slots: Array<{ userId: string; slot: string }>): Promise<void> {
    const now = Date.now();
    await Promise.all(
      slots.map(({ userId, slot }) => KEEP_SLOT.run(redis, [keys.active(userId)], [now, slotTtlMs, slot])),
    );
  }

  return { admit, release, openResume, keepResumeSlots, slotTtlMs };
}
export type Limits = ReturnType<typeof createLimits>;
