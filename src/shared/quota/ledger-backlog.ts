import type { Redis } from 'ioredis';
import { ledgerRowSchema, quotaKeys, type LedgerRow } from '../../../queues/index.js';

/** A settled row waiting in the backlog: its stream entry id, the settlement's Redis time, and the row. */
export interface BacklogEntry {
  id: string;
  settledTs: number;
  /** Null when the entry does not parse (never written by the settlement script): left in place, and logged. */
  row: LedgerRow | null;
}

const READ_PAGE = 1000;

function parseEntry([id, fields]: [string, string[]]): BacklogEntry {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!, fields[i + 1]!);
  let row: LedgerRow | null = null;
  try {
    const parsed = ledgerRowSchema.safeParse(JSON.parse(values.get('d') ?? 'null'));
    row = parsed.success ? parsed.data : null;
  } catch {
    row = null;
  }
  return { id, settledTs: Number(values.get('t')), row };
}

/**
 * The ledger backlog: a Redis Stream of settled rows not yet in token_usage. The settlement's Lua script appends
 * (SETTLE, in the same script that charges the counters); the `flush-ledger` job reads the oldest entries,
 * writes them with one insertMany and deletes them only after the database has acknowledged the write.
 */
export function createLedgerBacklog({ redis, prefix }: { redis: Redis; prefix: string }) {
  const key = quotaKeys(prefix).ledgerBacklog;

  /** The oldest `count` entries (or those after `after`, exclusive). */
  async function read(count: number, after?: string): Promise<BacklogEntry[]> {
    const replies = (await redis.xrange(key, after ? `(${after}` : '-', '+', 'COUNT', count)) as Array<
      [string, string[]]
    >;
    return replies.map(parseEntry);
  }

  /** Every entry, read page by page (counter rebuilds: the backlog holds about one flush window of rows). */
  async function all(): Promise<BacklogEntry[]> {
    const entries: BacklogEntry[] = [];
    for (let page = await read(READ_PAGE); page.length; page = await read(READ_PAGE, page.at(-1)!.id)) {
      entries.push(...page);
      if (page.length < READ_PAGE) break;
    }
    return entries;
  }

  async function remove(ids: string[]): Promise<number> {
    return ids.length ? redis.xdel(key, ...ids) : 0;
  }

  /** How many rows wait, and how long the oldest has waited (seconds, by its entry id: Redis time in ms). */
  async function stats(now = Date.now()): Promise<{ length: number; oldestAgeSeconds: number }> {
    const [length, oldest] = await Promise.all([
      redis.xlen(key),
      redis.xrange(key, '-', '+', 'COUNT', 1) as Promise<Array<[string, string[]]>>,
    ]);
    const first = oldest[0]?.[0];
    const oldestAgeSeconds = first ? Math.max(0, now - Number(first.split('-')[0])) / 1000 : 0;
    return { length, oldestAgeSeconds };
  }

  return { key, read, all, remove, stats };
}
export type LedgerBacklog = ReturnType<typeof createLedgerBacklog>;
