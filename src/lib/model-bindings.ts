import { authEpochsBinding, createAuthEpochs, type EpochBumps } from './auth-epochs.js';
import { documentLocksBinding, type DocumentLocks } from './document-locks.js';
import { createLocks } from './locks.js';
import type { RedisClient } from './redis.js';

/**
 * The two process-global registries behind the mongoose plugins, bound together, once per process, before its
 * first model write: the per-document locks (src/lib/document-locks.ts) and the auth epochs
 * (src/lib/auth-epochs.ts). docs/architecture.md, "Model write bindings", says why they exist and who binds them.
 */
interface ModelWriteBindings {
  locks: DocumentLocks;
  epochs: EpochBumps;
}

function bind({ locks, epochs }: ModelWriteBindings): void {
  documentLocksBinding.bind(locks);
  authEpochsBinding.bind(epochs);
}

const onRedis = ({ redis, prefix }: { redis: RedisClient; prefix: string }): ModelWriteBindings => ({
  locks: createLocks({ redis, prefix }),
  epochs: createAuthEpochs({ redis, prefix }),
});

/** Binds both to the service's Redis: every role (roles/run.ts), and a script that may write beside the service. */
export function bindModelWrites(target: { redis: RedisClient; prefix: string }): void {
  bind(onRedis(target));
}

/**
 * Unlocked: this script runs alone, before the service's first start or with every role stopped, and has no Redis.
 * Nothing else writes, so there is nothing to lock against, and no process holds a cache, so there is nothing to
 * invalidate: writes run unlocked and bump no epoch. Never for a role, nor for a script that may run beside one.
 */
const SCRIPT_RUNS_ALONE: ModelWriteBindings = Object.freeze({
  locks: Object.freeze({ acquire: async () => async () => undefined }),
  epochs: Object.freeze({ bump: async () => undefined }),
});

export function bindModelWritesForScriptAlone(): void {
  bind(SCRIPT_RUNS_ALONE);
}

const swapBoth = (next: Partial<ModelWriteBindings>): Partial<ModelWriteBindings> => ({
  locks: documentLocksBinding.swap(next.locks),
  epochs: authEpochsBinding.swap(next.epochs),
});

/**
 * Test processes only (test/helpers/harness.ts): a test file builds apps one after another, each with its own Redis
 * prefix and connection, so each replaces the binding and puts the previous one back when it stops. A role or a
 * script never calls it: there the binding is once per process.
 */
export function rebindModelWritesForTests(target: { redis: RedisClient; prefix: string }): () => void {
  const mine = onRedis(target);
  const previous = swapBoth(mine);
  return () => {
    const current = swapBoth(previous);
    // An app started after this one and still running keeps its own binding.
    if (current.locks !== mine.locks) swapBoth(current);
  };
}
