import type { RedisClient } from './redis.js';
import { randomUUID } from 'node:crypto';
import { ServiceUnavailableError } from './errors.js';
import { luaScript } from './lua.js';
import { lockKey } from '../../queues/index.js';

/** Deletes the lock only if this holder still owns it (a holder that outlived its TTL must not free another's). */
const RELEASE = luaScript(
  'release-lock',
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
);

export interface HoldOptions {
  /** A holder that dies keeps the lock at most this long. */
  ttlMs?: number;
  /** How long a caller waits for the lock before giving up (0: a single try). */
  waitMs?: number;
  /** What a caller that gave up throws; 503 `resource_busy` unless the operation has its own answer. */
  busy?: () => Error;
}

interface Options extends Omit<HoldOptions, 'busy'> {
  redis: RedisClient;
  prefix: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const resourceBusy = () =>
  new ServiceUnavailableError('This resource is busy with another change; retry shortly', 'resource_busy', 1);

/**
 * Mutual exclusion across every process (SET NX PX with a token per holder), for multi-step changes that
 * MongoDB-wire servers without transactions cannot make atomic (e.g. an ownership transfer touching two members).
 * The only lock implementation: every Redis lock in the service is taken here, under `lockKey`.
 */
export function createLocks({ redis, prefix, ttlMs = 15_000, waitMs = 10_000 }: Options) {
  /** Waits for the lock and returns its release (which frees it only while this holder still owns it). */
  async function acquire(name: string, options: HoldOptions = {}): Promise<() => Promise<void>> {
    const key = lockKey(prefix, name);
    const token = randomUUID();
    const ttl = options.ttlMs ?? ttlMs;
    const deadline = Date.now() + (options.waitMs ?? waitMs);
    while ((await redis.set(key, token, 'PX', ttl, 'NX')) !== 'OK') {
      if (Date.now() >= deadline) throw (options.busy ?? resourceBusy)();
      await sleep(5 + Math.random() * 25);
    }
    return async () => {
      await RELEASE.run(redis, [key], [token]).catch(() => undefined);
    };
  }

  async function withLock<T>(name: string, work: () => Promise<T>, options?: HoldOptions): Promise<T> {
    const release = await acquire(name, options);
    try {
      return await work();
    } finally {
      await release();
    }
  }
  return { acquire, withLock };
}
export type Locks = ReturnType<typeof createLocks>;
