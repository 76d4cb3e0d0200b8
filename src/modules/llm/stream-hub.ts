import type { Logger } from 'pino';
import { once } from 'node:events';
import calculateSlot from 'cluster-key-slot';
import type { Cluster, Redis } from 'ioredis';
import { createBlockingRedis, isCluster, type RedisClient, type RedisTarget } from '../../lib/redis.js';
import { compareIds, parseEntry, type StreamEntry } from '../../../queues/index.js';

export type Deliver = (entries: StreamEntry[]) => void;

export interface StreamSubscription {
  /** Stops reading for this subscriber (e.g. its socket is full) until `resume`. */
  pause(): void;
  resume(): void;
  close(): void;
}

interface Sub {
  key: string;
  lastId: string;
  paused: boolean;
  closed: boolean;
  deliver: Deliver;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Past this many streams on one reader, reads are spaced out (20 µs per stream, at most 50 ms): each read then
 * carries more entries, and each client gets fewer, larger writes. Below it, every entry is relayed at once.
 */
const SPACING_FROM_KEYS = 64;
const SPACING_MS_PER_KEY = 0.02;
const MAX_SPACING_MS = 50;

/**
 * A reader's blocking connection, and how to interrupt its read: CLIENT UNBLOCK, sent by the control connection
 * to the server the read waits on, naming the reading connection's client id there.
 */
interface ReaderLink {
  conn: RedisClient;
  /** The client id of the connection that carries the next read (looked up again after a reconnect or a failover). */
  clientId(): Promise<number>;
  unblock(clientId: number): Promise<boolean>;
  /** Forgets the client id (the connection may have changed). */
  reset(): void;
}

/** A single Redis: one connection, its id until it reconnects. */
function singleLink(conn: Redis, control: Redis): ReaderLink {
  let id: number | null = null;
  conn.on('ready', () => {
    id = null;
  });
  return {
    conn,
    async clientId() {
      return (id ??= Number(await conn.client('ID')));
    },
    async unblock(clientId) {
      return (await control.client('UNBLOCK', clientId)) === 1;
    },
    reset() {
      id = null;
    },
  };
}

const nodeKey = (node: Redis) => `${node.options.host}:${node.options.port}`;

/**
 * A cluster: a reader follows the streams of one hash slot (one slot group), on a cluster connection of its own
 * whose XREAD ioredis sends to the slot's master and redirects after a failover. Its client id is the id of that
 * master's connection, and the control connection's link to the same master unblocks it.
 */
function clusterLink(conn: Cluster, control: Cluster, slot: number): ReaderLink {
  let known: { node: string; id: number } | null = null;
  const masterOf = (cluster: Cluster) => {
    const key = cluster.slots[slot]?.[0];
    return cluster.nodes('master').find((node) => nodeKey(node) === key) ?? null;
  };
  for (const event of ['ready', '+node', '-node', 'node error']) conn.on(event, () => (known = null));
  return {
    conn,
    async clientId() {
      // A new cluster connection learns the slots when it is ready: wait for that rather than fail the first read.
      if (conn.status !== 'ready') await Promise.race([once(conn, 'ready'), sleep(2000)]);
      const node = masterOf(conn);
      if (!node) throw new Error(`no master serves slot ${slot} yet`);
      if (known?.node !== nodeKey(node)) known = { node: nodeKey(node), id: Number(await node.client('ID')) };
      return known.id;
    },
    async unblock(clientId) {
      const node = known && control.nodes('master').find((candidate) => nodeKey(candidate) === known!.node);
      return node ? (await node.client('UNBLOCK', clientId)) === 1 : false;
    },
    reset() {
      known = null;
    },
  };
}

/**
 * One blocking connection that reads every stream its subscribers follow with a single XREAD BLOCK. A new
 * subscriber interrupts the current read (CLIENT UNBLOCK from the control connection) so its first entry is
 * not delayed by the block timeout.
 */
class Reader {
  private readonly groups = new Map<string, Set<Sub>>();
  private wake: (() => void) | undefined;
  private blocking = false;
  private generation = 0;
  private dirty = false;
  private unblocking = false;
  private clientId: number | null = null;
  private readonly conn: RedisClient;
  private closed = false;
  private lastReadAt = 0;
  size = 0;

  constructor(
    private readonly link: ReaderLink,
    private readonly options: { blockMs: number; count: number; log: Logger },
  ) {
    this.conn = link.conn;
    void this.loop();
  }

  add(sub: Sub): void {
    let group = this.groups.get(sub.key);
    if (!group) this.groups.set(sub.key, (group = new Set()));
    group.add(sub);
    this.size += 1;
    this.nudge();
  }

  remove(sub: Sub): void {
    const group = this.groups.get(sub.key);
    if (!group?.delete(sub)) return;
    this.size -= 1;
    if (group.size === 0) this.groups.delete(sub.key);
  }

  /** Makes the loop pick up a changed set of streams now. */
  nudge(): void {
    this.dirty = true;
    if (this.wake) {
      const wake = this.wake;
      this.wake = undefined;
      wake();
      return;
    }
    if (this.blocking && !this.unblocking) void this.unblock(this.generation);
  }

  private async unblock(generation: number): Promise<void> {
    this.unblocking = true;
    try {
      // The UNBLOCK may reach Redis before the XREAD it targets (two connections): retry until that read ends.
      for (
        let tries = 0;
        tries < 50 && this.blocking && this.dirty && this.generation === generation && !this.closed;
        tries += 1
      ) {
        if (this.clientId !== null && (await this.link.unblock(this.clientId))) return;
        await sleep(tries < 5 ? 0 : 2);
      }
    } catch {
      // The read ends by itself within the block timeout.
    } finally {
      this.unblocking = false;
    }
  }

  private streamsToRead(): { keys: string[]; ids: string[] } {
    const keys: string[] = [];
    const ids: string[] = [];
    for (const [key, group] of this.groups) {
      let from: string | null = null;
      for (const sub of group)
        if (!sub.paused && (from === null || compareIds(sub.lastId, from) < 0)) from = sub.lastId;
      if (from !== null) {
        keys.push(key);
        ids.push(from);
      }
    }
    return { keys, ids };
  }

  private dispatch(reply: Array<[string, Array<[string, string[]]>]>, readFrom: Map<string, string>): void {
    for (const [key, raw] of reply) {
      const group = this.groups.get(key);
      if (!group || raw.length === 0) continue;
      const entries = raw.map(parseEntry);
      const from = readFrom.get(key);
      for (const sub of [...group]) {
        if (sub.closed || sub.paused) continue;
        // XREAD returned only entries after `from`. A subscriber still behind `from` (it joined while this read was on
        // its way, e.g. a client resuming while its old connection lingers) would miss what lies between: it gets
        // nothing here, and the next read starts at its position. One at `from` takes them all.
        if (from === undefined || compareIds(sub.lastId, from) < 0) continue;
        const fresh = sub.lastId === from ? entries : entries.filter((entry) => compareIds(entry.id, sub.lastId) > 0);
        if (fresh.length === 0) continue;
        sub.lastId = fresh[fresh.length - 1]!.id;
        try {
          sub.deliver(fresh);
        } catch (error) {
          this.options.log.error({ err: (error as Error).message, key }, 'stream subscriber failed');
        }
      }
    }
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      const { keys, ids } = this.streamsToRead();
      this.dirty = false;
      if (keys.length === 0) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        continue;
      }
      // Reading thousands of streams costs Redis O(streams) per read: space the reads out so each carries more.
      if (keys.length > SPACING_FROM_KEYS) {
        const wait = this.lastReadAt + Math.min(MAX_SPACING_MS, keys.length * SPACING_MS_PER_KEY) - performance.now();
        if (wait >= 1) {
          await sleep(wait);
          continue;
        }
      }
      this.lastReadAt = performance.now();
      try {
        this.clientId = await this.link.clientId();
        if (this.dirty) continue;
        this.generation += 1;
        this.blocking = true;
        const reply = (await (this.conn.xread as (...args: unknown[]) => Promise<unknown>)(
          'COUNT',
          this.options.count,
          'BLOCK',
          this.options.blockMs,
          'STREAMS',
          ...keys,
          ...ids,
        )) as Array<[string, Array<[string, string[]]>]> | null;
        this.blocking = false;
        if (reply) this.dispatch(reply, new Map(keys.map((key, i) => [key, ids[i]!])));
      } catch (error) {
        this.blocking = false;
        this.link.reset();
        if (this.closed) break;
        this.options.log.warn({ err: (error as Error).message }, 'stream reader error; retrying');
        await sleep(250);
      }
    }
  }

  close(): void {
    this.closed = true;
    this.wake?.();
    this.conn.disconnect();
  }
}

export interface StreamHubOptions {
  redisTarget: RedisTarget;
  /** Non-blocking connection used to interrupt a reader's blocked XREAD. */
  control: RedisClient;
  readers: number;
  log: Logger;
  blockMs?: number;
  count?: number;
}

/**
 * A small pool of shared stream readers per API process: thousands of streams, a handful of connections. On a
 * cluster one XREAD may only name keys of one slot, so there is a reader per slot group in use instead.
 */
export function createStreamHub({ redisTarget, control, readers, log, blockMs = 5000, count = 512 }: StreamHubOptions) {
  const pool: Reader[] = [];
  const bySlot = new Map<number, Reader>();
  const readerOf = new Map<Sub, Reader>();

  function open(link: (conn: RedisClient) => ReaderLink): Reader {
    const conn = createBlockingRedis(redisTarget, { connectionName: 'llm-stream-reader' });
    conn.on('error', (error) => log.debug({ err: error.message }, 'stream reader redis error'));
    const reader = new Reader(link(conn), { blockMs, count, log });
    pool.push(reader);
    return reader;
  }

  function reader(key: string): Reader {
    if (isCluster(control)) {
      const slot = calculateSlot(key);
      let found = bySlot.get(slot);
      if (!found) bySlot.set(slot, (found = open((conn) => clusterLink(conn as Cluster, control, slot))));
      return found;
    }
    if (pool.length < readers) open((conn) => singleLink(conn as Redis, control));
    return pool.reduce((least, candidate) => (candidate.size < least.size ? candidate : least));
  }

  /** Delivers the entries of `key` after `fromId` ("0-0" for all) in order, each once, until closed. */
  function subscribe(key: string, fromId: string, deliver: Deliver): StreamSubscription {
    const sub: Sub = { key, lastId: fromId, paused: false, closed: false, deliver };
    const owner = reader(key);
    readerOf.set(sub, owner);
    owner.add(sub);
    return {
      pause() {
        sub.paused = true;
      },
      resume() {
        if (!sub.paused || sub.closed) return;
        sub.paused = false;
        owner.nudge();
      },
      close() {
        if (sub.closed) return;
        sub.closed = true;
        owner.remove(sub);
        readerOf.delete(sub);
      },
    };
  }

  return {
    subscribe,
    size: () => readerOf.size,
    close() {
      for (const r of pool) r.close();
      pool.length = 0;
      bySlot.clear();
    },
  };
}
export type StreamHub = ReturnType<typeof createStreamHub>;
