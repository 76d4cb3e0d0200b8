import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Needs a Redis Cluster: `npm run test:cluster` runs it (vitest.cluster.config.ts).
    exclude: ['**/node_modules/**', 'test/e2e/redis-cluster-failover.test.ts'],
    // The unit tier's guard: a file under test/unit that opens a connection fails (see the file).
    setupFiles: ['test/unit/setup/no-network.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
  },
});
