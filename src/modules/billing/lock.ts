import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../../lib/errors.js';

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export class LockTimeoutError extends ServiceUnavailableError {
  constructor(what: string) {
    super(`Another change to ${what} is in progress; try again`, 'busy', 2);
  }
}

interface Options {
  redis: Redis;
  prefix: string;
  /** How long a holder may keep the lock before it expires on its own (a crashed holder never blocks for long). */
  ttlMs?: number;
  /** How long a caller waits for the lock before giving up. */
  waitMs?: number;
}

/**
 * A per-payer mutex in Redis (SET NX PX with an owner token, released only by its owner). Every change to a
 * payer's billing state (Stripe events, resets, checkout's customer creation, cancel/resume) runs under it, so
 * the read-then-write updates FerretDB allows never interleave for one payer, across any number of processes.
 */
export function createPayerLock({ redis, prefix, ttlMs = 30_000, waitMs = 20_000 }: Options) {
  const key = (name: string) => `${prefix}:billing-lock:${name}`;

  async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    let delay = 10;
    while ((await redis.set(key(name), token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new LockTimeoutError(name);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 200);
    }
    try {
      return await work();
    } finally {
      await redis.eval(RELEASE, 1, key(name), token).catch(() => undefined);
    }
  }

  return { withLock };
}
export type PayerLock = ReturnType<typeof createPayerLock>;
