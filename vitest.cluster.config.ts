import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:cluster`: the tests whose guarantees live in Redis, run again with REDIS_CLUSTER_NODES set (the
 * services script starts a local 3-master cluster): streams, quota races, organization pools, settlement with a
 * worker killed, resume, cancel, resets, revocation, Redis data loss, and a master failover under traffic.
 */
export const CLUSTER_SUITE = [
  'test/integration/quota.test.ts',
  'test/integration/quota-rebuild.test.ts',
  'test/integration/quota-reset.test.ts',
  'test/integration/who-pays.test.ts',
  'test/integration/organization-free-pools.test.ts',
  'test/integration/usage-settlement.test.ts',
  'test/e2e/usage-worker-killed.test.ts',
  'test/integration/ledger-batching.test.ts',
  'test/integration/llm-lifecycle.test.ts',
  'test/integration/llm-limits.test.ts',
  'test/integration/llm-money-attacks.test.ts',
  'test/integration/llm-resume-limits.test.ts',
  'test/integration/llm-stop.test.ts',
  'test/integration/llm-stream-hub.test.ts',
  'test/integration/cancel-listener.test.ts',
  'test/integration/auth-epochs.test.ts',
  'test/integration/login-limiter.test.ts',
  'test/integration/llm-auth-cache.test.ts',
  'test/e2e/llm-multiprocess.test.ts',
  'test/e2e/redis-cluster-failover.test.ts',
];

/** It kills a master: the whole cluster stops answering for seconds, so it runs alone, after the others. */
const FAILOVER = 'test/e2e/redis-cluster-failover.test.ts';

// The projects extend the shared options; a file list of the root would be added to each project's own.
const { include: _include, exclude: _exclude, ...shared } = base.test!;

export default defineConfig({
  ...base,
  test: {
    ...shared,
    projects: [
      {
        extends: true,
        test: {
          name: 'cluster',
          include: CLUSTER_SUITE.filter((file) => file !== FAILOVER),
          exclude: [],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'cluster-failover', include: [FAILOVER], exclude: [], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
