import type { RedisClient } from '../../lib/redis.js';
import { hostname } from 'node:os';
import { luaScript } from '../../lib/lua.js';
import { llmKeys, parseEntry, type NewEntry, type StreamEntry } from '../../../queues/index.js';

/**
 * The per-request event log in Redis (entry types in queues/llm-stream.ts), shared by the worker (the only writer)
 * and every API process (readers). Every write checks the writer's run token, so a worker that lost its job
 * (stalled, then retried elsewhere) can never write after the new owner.
 */

/**
 * The API's record of a new request. Written concurrently with the enqueue (on another connection), so it may
 * land after the worker's claim: it never overwrites what the worker set.
 * KEYS[1] meta. ARGV user id, model, stream, created ms, ttl seconds.
 */
const CREATE = luaScript(
  'create',
  `
redis.call('HSET', KEYS[1], 'user_id', ARGV[1], 'model', ARGV[2], 'stream', ARGV[3], 'created', ARGV[4])
redis.call('HSETNX', KEYS[1], 'status', 'queued')
redis.call('HINCRBY', KEYS[1], 'watchers', 1)
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
`,
);

/**
 * Claims the request for a worker run; reports what an earlier run left behind. A status the API has not
 * written yet is created from the job; one gone because the job waited longer than its expiry is `missing`.
 * KEYS[1] meta, KEYS[2] stream, KEYS[3] cancel. ARGV run, now ms, worker, user id, model, stream, created ms, ttl s.
 */
const CLAIM = luaScript(
  'claim',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if tonumber(ARGV[2]) - tonumber(ARGV[7]) > tonumber(ARGV[8]) * 1000 then return {'missing', 0, ''} end
  redis.call('HSET', KEYS[1], 'user_id', ARGV[4], 'model', ARGV[5], 'stream', ARGV[6], 'created', ARGV[7])
  redis.call('EXPIRE', KEYS[1], ARGV[8])
end
redis.call('HSET', KEYS[1], 'run', ARGV[1], 'worker', ARGV[3])
if redis.call('HEXISTS', KEYS[1], 'finished_at') == 1 then return {'final', 0, ''} end
redis.call('HSETNX', KEYS[1], 'started_at', ARGV[2])
redis.call('HSET', KEYS[1], 'status', 'running')
return {'ok', redis.call('XLEN', KEYS[2]), redis.call('GET', KEYS[3]) or ''}
`,
);

/**
 * Appends chunks (ARGV[4..]) if the caller still owns the request; keeps stream and status alive (their
 * expiry is pushed back on the first append and then about every 100 chunks).
 */
const APPEND = luaScript(
  'append',
  `
if redis.call('HGET', KEYS[2], 'run') ~= ARGV[1] then return false end
local id
for i = 4, #ARGV do id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 't', 'c', 'd', ARGV[i]) end
local n = #ARGV - 3
local total = redis.call('HINCRBY', KEYS[2], 'chunks', n)
if total == n or (total % 100) < n then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return id
`,
);

/**
 * Ends the request once: appends the last entries, records the outcome fields, frees the user's stream slot.
 * Returns 1 when it finalized, 0 when it was already final, -1 when the caller does not own the request.
 */
const FINALIZE = luaScript(
  'finalize',
  `
if redis.call('HGET', KEYS[2], 'run') ~= ARGV[1] then return -1 end
if redis.call('HEXISTS', KEYS[2], 'finished_at') == 1 then return 0 end
local n = tonumber(ARGV[5])
local i = 6
for _ = 1, n do
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 't', ARGV[i], 'd', ARGV[i + 1], 's', ARGV[i + 2])
  i = i + 3
end
local fields = {}
for j = i, #ARGV do fields[#fields + 1] = ARGV[j] end
if #fields > 0 then redis.call('HSET', KEYS[2], unpack(fields)) end
redis.call('ZREM', KEYS[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1
`,
);

export interface StreamStoreOptions {
  redis: RedisClient;
  prefix: string;
  maxLen: number;
  ttlSeconds: number;
}

export interface RequestIdentity {
  id: string;
  userId: string;
  model: string;
  stream: boolean;
  /** When the API accepted it (ms). */
  created: number;
}

export type ClaimResult =
  { state: 'missing' } | { state: 'final' } | { state: 'ok'; existingEntries: number; cancelReason: string | null };

export function createStreamStore({ redis, prefix, maxLen, ttlSeconds }: StreamStoreOptions) {
  const keys = llmKeys(prefix);

  /** Records a new request (owner, model) so any API process can answer for it. */
  async function create(request: RequestIdentity): Promise<void> {
    await CREATE.run(
      redis,
      [keys.meta(request.id)],
      [request.userId, request.model, request.stream ? '1' : '0', request.created, ttlSeconds],
    );
  }

  /** `worker` names the process serving the request (host:pid), for operators. */
  async function claim(
    request: RequestIdentity,
    run: string,
    worker = `${hostname()}:${process.pid}`,
  ): Promise<ClaimResult> {
    const { id } = request;
    const [state, entries, cancel] = (await CLAIM.run(
      redis,
      [keys.meta(id), keys.stream(id), keys.cancel(id)],
      [run, Date.now(), worker, request.userId, request.model, request.stream ? '1' : '0', request.created, ttlSeconds],
    )) as [string, number, string];
    if (state === 'missing') return { state };
    if (state === 'final') return { state };
    return { state: 'ok', existingEntries: Number(entries), cancelReason: cancel || null };
  }

  /** Appends chunk JSONs in order; resolves to false when this run no longer owns the request. */
  async function append(id: string, run: string, chunks: string[]): Promise<boolean> {
    if (chunks.length === 0) return true;
    const result = await APPEND.run(redis, [keys.stream(id), keys.meta(id)], [run, maxLen, ttlSeconds, ...chunks]);
    return result !== null;
  }

  async function finalize(
    id: string,
    run: string,
    userId: string,
    entries: NewEntry[],
    fields: Record<string, string | number>,
  ): Promise<-1 | 0 | 1> {
    const args: Array<string | number> = [run, maxLen, ttlSeconds, id, entries.length];
    for (const entry of entries) args.push(entry.type, entry.data, entry.status ?? '');
    for (const [name, value] of Object.entries(fields)) args.push(name, value);
    return (await FINALIZE.run(redis, [keys.stream(id), keys.meta(id), keys.active(userId)], args)) as -1 | 0 | 1;
  }

  async function readAll(id: string): Promise<StreamEntry[]> {
    const raw = (await redis.xrange(keys.stream(id), '-', '+')) as Array<[string, string[]]>;
    return raw.map(parseEntry);
  }

  /** At most `count` entries strictly after `fromId` ("0-0" for the first ones). */
  async function readPage(id: string, fromId: string, count: number): Promise<StreamEntry[]> {
    const raw = (await redis.xrange(
      keys.stream(id),
      fromId === '0-0' ? '-' : `(${fromId}`,
      '+',
      'COUNT',
      count,
    )) as Array<[string, string[]]>;
    return raw.map(parseEntry);
  }

  async function lastEntry(id: string): Promise<StreamEntry | null> {
    const raw = (await redis.xrevrange(keys.stream(id), '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    return raw[0] ? parseEntry(raw[0]) : null;
  }

  async function markFirstToken(id: string, provider: string, ttftMs: number): Promise<void> {
    await redis.hset(keys.meta(id), 'provider', provider, 'ttft_ms', ttftMs);
  }

  async function meta(id: string): Promise<Record<string, string>> {
    return redis.hgetall(keys.meta(id));
  }

  return { create, claim, append, finalize, readAll, readPage, lastEntry, markFirstToken, meta, keys };
}
export type StreamStore = ReturnType<typeof createStreamStore>;
