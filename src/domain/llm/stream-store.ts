import type { RedisClient } from '../../lib/redis.js';
import { llmKeys, parseEntry, type StreamEntry } from '../../../queues/index.js';

/**
 * Reads a request's event log in Redis (entry types in queues/llm-stream.ts). Its only writer is the request's
 * owner, through the record's fenced transitions (queues/request-records.ts); every API process and a worker
 * recovering a request read it.
 */
export function createStreamStore({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const keys = llmKeys(prefix);

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

  return { readAll, readPage, lastEntry };
}
export type StreamStore = ReturnType<typeof createStreamStore>;
