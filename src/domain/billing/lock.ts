import type { RedisClient } from '../../lib/redis.js';
import { createLocks } from '../../lib/locks.js';
import { payerName, type PayerRef } from './payers.js';

/**
 * The per-payer mutex of billing (a Redis lock, lib/locks.ts). Every change to a payer's billing state runs under
 * it: Stripe events, resets, checkout's customer creation, cancel/resume. So the read-then-write updates FerretDB
 * allows never interleave for one payer, across any number of processes. Held across a Stripe call at most.
 */
export function createPayerLock({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const locks = createLocks({ redis, prefix, ttlMs: 30_000, waitMs: 20_000 });
  return {
    withLock: <T>(payer: PayerRef, work: () => Promise<T>) => locks.withLock(`billing:${payerName(payer)}`, work),
  };
}
export type PayerLock = ReturnType<typeof createPayerLock>;
