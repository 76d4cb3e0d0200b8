import { hostname } from 'node:os';
import type { RedisClient } from '../src/lib/redis.js';
import { luaScript } from '../src/lib/lua.js';
import type { NewEntry } from './llm-stream.js';
import { llmKeys } from './redis-keys.js';
import { RECORD, endFields, parseRecord, type RecordEnd, type RequestRecord } from './request-record.js';

/**
 * Every read and write of a request record (fields and transitions in queues/request-record.ts), for both roles.
 * The transitions that write the request's stream check the writer's run token in the same script, so a worker
 * that lost its job (stalled, then retried elsewhere) can never write after the new owner. Each script's keys are
 * the request's own (one slot group), and the caller's stream slots, which share it (queues/slot-groups.ts).
 */

/**
 * KEYS[1] record. ARGV a hash command and its arguments. Runs it only while the record exists: a write to an
 * expired record would leave a hash without an expiry behind.
 */
const IF_PRESENT = luaScript(
  'record-if-present',
  `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call(ARGV[1], KEYS[1], unpack(ARGV, 2)) end return false`,
);

/**
 * The API's record of a new request. Written concurrently with the enqueue (on another connection), so it may
 * land after the worker's claim: it never overwrites what the worker set.
 * KEYS[1] record. ARGV user id, model, stream, created ms, ttl seconds.
 */
const CREATE = luaScript(
  'create',
  `
redis.call('HSET', KEYS[1], '${RECORD.userId}', ARGV[1], '${RECORD.model}', ARGV[2], '${RECORD.stream}', ARGV[3], '${RECORD.created}', ARGV[4])
redis.call('HSETNX', KEYS[1], '${RECORD.status}', 'queued')
redis.call('HINCRBY', KEYS[1], '${RECORD.watchers}', 1)
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
`,
);

/**
 * Claims the request for a worker run; reports what an earlier run left behind. A record the API has not
 * written yet is created from the job; one gone because the job waited longer than its expiry is `missing`.
 * KEYS[1] record, KEYS[2] stream, KEYS[3] cancel. ARGV run, now ms, worker, user id, model, stream, created ms, ttl s.
 */
const CLAIM = luaScript(
  'claim',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if tonumber(ARGV[2]) - tonumber(ARGV[7]) > tonumber(ARGV[8]) * 1000 then return {'missing', 0, ''} end
  redis.call('HSET', KEYS[1], '${RECORD.userId}', ARGV[4], '${RECORD.model}', ARGV[5], '${RECORD.stream}', ARGV[6], '${RECORD.created}', ARGV[7])
  redis.call('EXPIRE', KEYS[1], ARGV[8])
end
redis.call('HSET', KEYS[1], '${RECORD.run}', ARGV[1], '${RECORD.worker}', ARGV[3])
if redis.call('HEXISTS', KEYS[1], '${RECORD.finishedAt}') == 1 then return {'final', 0, ''} end
redis.call('HSETNX', KEYS[1], '${RECORD.startedAt}', ARGV[2])
redis.call('HSET', KEYS[1], '${RECORD.status}', 'running')
return {'ok', redis.call('XLEN', KEYS[2]), redis.call('GET', KEYS[3]) or ''}
`,
);

/**
 * Appends chunks (ARGV[4..]) if the caller still owns the request; keeps stream and record alive (their
 * expiry is pushed back on the first append and then about every 100 chunks).
 * KEYS[1] stream, KEYS[2] record. ARGV run, max length, ttl seconds, chunks.
 */
const APPEND = luaScript(
  'append',
  `
if redis.call('HGET', KEYS[2], '${RECORD.run}') ~= ARGV[1] then return false end
local id
for i = 4, #ARGV do id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 't', 'c', 'd', ARGV[i]) end
local n = #ARGV - 3
local total = redis.call('HINCRBY', KEYS[2], '${RECORD.chunks}', n)
if total == n or (total % 100) < n then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return id
`,
);

/**
 * Ends the request once: appends the last entries, records the end fields, frees the user's stream slot. With
 * ARGV[5] = 1 the caller takes the record over first (its run token replaces any earlier run's).
 * KEYS[1] stream, KEYS[2] record, KEYS[3] the user's open streams. ARGV run, max length, ttl seconds, request id,
 * take over, entry count, entries (type, data, status), end fields.
 * Returns 1 when it finalized, 0 when it was already final, -1 when the caller does not own the request.
 */
const FINALIZE = luaScript(
  'finalize',
  `
if ARGV[5] == '1' then redis.call('HSET', KEYS[2], '${RECORD.run}', ARGV[1]) end
if redis.call('HGET', KEYS[2], '${RECORD.run}') ~= ARGV[1] then return -1 end
if redis.call('HEXISTS', KEYS[2], '${RECORD.finishedAt}') == 1 then return 0 end
local n = tonumber(ARGV[6])
local i = 7
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

/** Who and what a request is, as its job says (the worker's claim creates a record from it). */
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

/** The end of a request, written once by its owner. */
export interface Finalize {
  id: string;
  run: string;
  userId: string;
  /** The last stream entries (a usage chunk, an error event, the end record). */
  entries: NewEntry[];
  end: RecordEnd;
  /** The API ends a request it removed from the queue: its run replaces any earlier (dead) run's. */
  takeOver?: boolean;
}

export interface RequestRecordsOptions {
  redis: RedisClient;
  prefix: string;
  /** Stream length kept (approximately). */
  maxLen: number;
  /** How long a request's record and stream live after their last write. */
  ttlSeconds: number;
}

export function createRequestRecords({ redis, prefix, maxLen, ttlSeconds }: RequestRecordsOptions) {
  const keys = llmKeys(prefix);

  /** The record, or null when there is none (expired, or never written). */
  async function read(id: string): Promise<RequestRecord | null> {
    return parseRecord(await redis.hgetall(keys.meta(id)));
  }

  /** Records a new request (owner, model) so any API process can answer for it; its client is attached. */
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

  async function finalize({ id, run, userId, entries, end, takeOver = false }: Finalize): Promise<-1 | 0 | 1> {
    const args: Array<string | number> = [run, maxLen, ttlSeconds, id, takeOver ? '1' : '0', entries.length];
    for (const entry of entries) args.push(entry.type, entry.data, entry.status ?? '');
    args.push(...endFields(end));
    return (await FINALIZE.run(redis, [keys.stream(id), keys.meta(id), keys.active(userId)], args)) as -1 | 0 | 1;
  }

  async function markFirstToken(id: string, provider: string, ttftMs: number): Promise<void> {
    await IF_PRESENT.run(redis, [keys.meta(id)], ['hset', RECORD.provider, provider, RECORD.ttftMs, ttftMs]);
  }

  /** A client left the request. Sent on the caller's connection, so a cancel sent after it sees the client gone. */
  async function leave(id: string): Promise<void> {
    await IF_PRESENT.run(redis, [keys.meta(id)], ['hincrby', RECORD.watchers, -1]);
  }

  return { read, create, claim, append, finalize, markFirstToken, leave };
}
export type RequestRecords = ReturnType<typeof createRequestRecords>;
