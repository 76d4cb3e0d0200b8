import calculateSlot from 'cluster-key-slot';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A connection to a single Redis or to a Redis Cluster; every module takes this, never one of the two. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a URL, and the cluster's nodes when it is a cluster (REDIS_URL then lends credentials and TLS). */
export interface RedisTarget {
  url: string;
  clusterNodes: string[];
}

export const redisTargetOf = (config: { REDIS_URL: string; REDIS_CLUSTER_NODES: string[] }): RedisTarget => ({
  url: config.REDIS_URL,
  clusterNodes: config.REDIS_CLUSTER_NODES,
});

export const isCluster = (redis: RedisClient): redis is Cluster => redis.isCluster;

/** Credentials, database and TLS of a redis:// URL, as options every cluster node connection gets. */
function urlOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function connect(target: RedisTarget, options: RedisOptions, cluster: Partial<ClusterOptions> = {}): RedisClient {
  if (!target.clusterNodes.length) return new Redis(target.url, options);
  const { enableOfflineQueue, enableAutoPipelining, ...nodeOptions } = options;
  return new Cluster(
    target.clusterNodes.map((node) => {
      const at = node.lastIndexOf(':');
      return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    }),
    {
      redisOptions: { ...urlOptions(target.url), ...nodeOptions },
      // Reads go to masters: a replica lags, and quotas, epochs and streams must read what was just written.
      scaleReads: 'master',
      enableOfflineQueue: enableOfflineQueue ?? true,
      enableAutoPipelining: enableAutoPipelining ?? false,
      // A promoted replica is found by the periodic slot refresh even when no command was redirected yet.
      slotsRefreshInterval: 1000,
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      clusterRetryStrategy: (times) => Math.min(times * 200, 2000),
      ...cluster,
    },
  );
}

/**
 * Commands connection for the API: fails fast when Redis is down so a route can answer 503 instead of hanging.
 * Blocking connections (BullMQ workers, stream readers) use `createBlockingRedis`.
 */
export function createRedis(target: RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
    ...extra,
  });
}

export function createBlockingRedis(target: RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(target, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...extra,
  });
}

/** A subscriber for sharded channels: on a cluster each channel is heard on the master that owns its slot. */
export function createShardedSubscriber(target: RedisTarget, extra: RedisOptions = {}): RedisClient {
  return connect(
    target,
    { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 200, 2000), ...extra },
    { shardedSubscribers: true },
  );
}

/** The masters of a cluster (each once), or the single connection itself: what a key scan or a flush must visit. */
export function masters(redis: RedisClient): Redis[] {
  return isCluster(redis) ? redis.nodes('master') : [redis];
}

/** Calls `visit` with every key matching `pattern`, a page at a time, on every master. */
export async function scanKeys(
  redis: RedisClient,
  pattern: string,
  visit: (keys: string[]) => Promise<void> | void,
): Promise<void> {
  for (const node of masters(redis)) {
    let cursor = '0';
    do {
      const [next, page] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (page.length) await visit(page);
    } while (cursor !== '0');
  }
}

/**
 * GET of many keys in one go: one MGET on a single Redis; on a cluster, where MGET needs one slot, one GET per key
 * (an auto-pipelined connection still sends each master's share in one write).
 */
export async function getMany(redis: RedisClient, keys: string[]): Promise<Array<string | null>> {
  if (!keys.length) return [];
  return isCluster(redis) ? Promise.all(keys.map((key) => redis.get(key))) : redis.mget(keys);
}

/**
 * On a cluster, waits (WAIT, at most `timeoutMs`) until a replica of the master owning `key`'s slot has every write
 * this process sent on its connection to that master, and returns how many replicas acknowledged; null on a single
 * Redis (nothing to wait for). Replication is asynchronous: a write a master acknowledged and then lost in a
 * failover is gone, so a write whose loss would go unnoticed (a settlement) waits for a copy before it is reported
 * done. The connection is the cluster's own to that master, the one the write went over.
 */
export async function waitForReplica(redis: RedisClient, key: string, timeoutMs: number): Promise<number | null> {
  if (!isCluster(redis)) return null;
  const [owner] = redis.slots[calculateSlot(key)] ?? [];
  const node = redis.nodes('master').find(({ options }) => `${options.host}:${options.port}` === owner);
  // A master without a replica (its replica was just promoted, or is down) would make every write wait in vain.
  if (!node || (unackedUntil.get(node) ?? 0) > Date.now()) return 0;
  const acks = await node.wait(1, timeoutMs);
  if (acks === 0) unackedUntil.set(node, Date.now() + UNACKED_PAUSE_MS);
  return acks;
}

/** After a WAIT no replica answered, writes to that master do not wait for a while (they count as unreplicated). */
const UNACKED_PAUSE_MS = 5000;
const unackedUntil = new WeakMap<Redis, number>();
