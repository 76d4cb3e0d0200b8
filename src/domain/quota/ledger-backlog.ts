import { ALL_GROUPS, ledgerRowSchema, quotaKeys, type LedgerRow } from '../../../queues/index.js';
import type { RedisClient } from '../../lib/redis.js';

/** A settled row waiting in the backlog: its slot group and stream entry id, the settlement's Redis time, and the row. */
export interface BacklogEntry {
  group: number;
  id: string;
  settledTs: number;
  /** Null when the entry does not parse (never written by the settlement script): left in place, and logged. */
  row: LedgerRow | null;
}

const READ_PAGE = 1000;

function parseEntry(group: number, [id, fields]: [string, string[]]): BacklogEntry {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i]!, fields[i + 1]!);
  let row: LedgerRow | null = null;
  try {
    const parsed = ledgerRowSchema.safeParse(JSON.parse(values.get('d') ?? 'null'));
    row = parsed.success ? parsed.data : null;
  } catch {
    row = null;
  }
  return { group, id, settledTs: Number(values.get('t')), row };
}

/**
 * The ledger backlog: one Redis Stream per slot group of settled rows not yet in token_usage. The settlement's
 * Lua script appends to its payer's group (SETTLE, in the same script that charges the counters); the
 * `flush-ledger` job reads the oldest entries of every group, writes them with insertMany and deletes them only
 * after the database has acknowledged the write.
 */
export function createLedgerBacklog({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const key = (group: number) => quotaKeys(prefix, group).ledgerBacklog;

  /** The group's oldest `count` entries (or those after `after`, exclusive). */
  async function read(group: number, count: number, after?: string): Promise<BacklogEntry[]> {
    const replies = (await redis.xrange(key(group), after ? `(${after}` : '-', '+', 'COUNT', count)) as Array<
      [string, string[]]
    >;
    return replies.map((reply) => parseEntry(group, reply));
  }

  /** Every entry of the group, read page by page (counter rebuilds: it holds about one flush window of rows). */
  async function all(group: number): Promise<BacklogEntry[]> {
    const entries: BacklogEntry[] = [];
    for (let page = await read(group, READ_PAGE); page.length; page = await read(group, READ_PAGE, page.at(-1)!.id)) {
      entries.push(...page);
      if (page.length < READ_PAGE) break;
    }
    return entries;
  }

  async function remove(group: number, ids: string[]): Promise<number> {
    return ids.length ? redis.xdel(key(group), ...ids) : 0;
  }

  /** How many rows wait in every group, and how long the oldest has waited (seconds, by its entry id: Redis time in ms). */
  async function stats(now = Date.now()): Promise<{ length: number; oldestAgeSeconds: number }> {
    const groups = await Promise.all(
      ALL_GROUPS.map((group) =>
        Promise.all([
          redis.xlen(key(group)),
          redis.xrange(key(group), '-', '+', 'COUNT', 1) as Promise<Array<[string, string[]]>>,
        ]),
      ),
    );
    const length = groups.reduce((sum, [count]) => sum + count, 0);
    const firsts = groups.flatMap(([, oldest]) => (oldest[0] ? [Number(oldest[0][0].split('-')[0])] : []));
    const oldestAgeSeconds = firsts.length ? Math.max(0, now - Math.min(...firsts)) / 1000 : 0;
    return { length, oldestAgeSeconds };
  }

  return { key, read, all, remove, stats };
}
export type LedgerBacklog = ReturnType<typeof createLedgerBacklog>;
