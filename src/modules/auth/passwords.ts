import bcrypt from 'bcrypt';
import { ServiceUnavailableError } from '../../lib/errors.js';
import { createBoundedSemaphore, SemaphoreFull } from '../../lib/bounded-semaphore.js';
import { ipBucket } from '../../lib/ip.js';
import { bcryptInFlight, bcryptOperationsTotal, bcryptWaiting } from '../../lib/metrics.js';

/** bcrypt reads only the first 72 bytes; longer passwords are refused at registration and never match. */
export const BCRYPT_MAX_BYTES = 72;

interface Options {
  cost: number;
  /** bcrypt operations at once (each holds a libuv thread for the whole hash). */
  concurrency: number;
  /** Callers allowed to wait for a slot; beyond them the answer is 503 server_busy at once. */
  queueMax: number;
  /** Slots (running and waiting) one client may hold; beyond, that client gets 503 server_busy at once. */
  maxPerClient?: number;
}

/** Who a bcrypt operation is done for, as the semaphore's fairness counts it. */
export const bcryptClient = {
  /** An anonymous caller: its address (an IPv6 /64), as the per-IP limits count it. */
  ip: (ip: string) => `ip:${ipBucket(ip)}`,
  /** A signed-in caller (a password change, a parent setting sub-user passwords). */
  account: (id: { toString(): string }) => `account:${id.toString()}`,
};

/** PHP's `$2y$` (which passlib may have written) is the same algorithm as `$2b$`, which node's bcrypt reads. */
const readableHash = (hash: string) => (hash.startsWith('$2y$') ? `$2b$${hash.slice(4)}` : hash);

/**
 * Hashes with the configured cost; a dummy hash lets an unknown email cost the same time as a wrong password.
 * Every hash and compare goes through one bounded semaphore per process, so a flood of sign-ins (which the
 * failure limiter never sees when the passwords are right) cannot fill libuv's pool or build an endless queue, and
 * each client (bcryptClient) holds at most `maxPerClient` of its slots, so one client cannot take them all.
 */
export function createPasswordHasher({ cost, concurrency, queueMax, maxPerClient }: Options) {
  const dummyHash = bcrypt.hashSync('dummy-password-for-timing', cost);
  const slots = createBoundedSemaphore({
    concurrency,
    queueMax,
    maxPerClient,
    onChange: (inFlight, waiting) => {
      bcryptInFlight.set(inFlight);
      bcryptWaiting.set(waiting);
    },
  });

  async function bounded<T>(op: 'hash' | 'compare', work: () => Promise<T>, client?: string): Promise<T> {
    try {
      const result = await slots.run(work, client ? [client] : []);
      bcryptOperationsTotal.inc({ op, outcome: 'done' });
      return result;
    } catch (error) {
      if (!(error instanceof SemaphoreFull)) throw error;
      bcryptOperationsTotal.inc({ op, outcome: 'refused' });
      throw new ServiceUnavailableError('The server is busy; try again in a moment', 'server_busy', 1);
    }
  }

  return {
    hash: (password: string, client?: string) => bounded('hash', () => bcrypt.hash(password, cost), client),
    async verify(password: string, hash: string | null | undefined, client?: string): Promise<boolean> {
      const tooLong = Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES;
      const matches = await bounded(
        'compare',
        () => bcrypt.compare(password, tooLong || !hash ? dummyHash : readableHash(hash)),
        client,
      );
      return matches && !tooLong && Boolean(hash);
    },
    /** A hash made with a lower cost or another variant (the Python system's): rehashed at the next successful sign-in. */
    needsRehash(hash: string): boolean {
      return !hash.startsWith('$2b$') || bcrypt.getRounds(readableHash(hash)) < cost;
    },
  };
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
