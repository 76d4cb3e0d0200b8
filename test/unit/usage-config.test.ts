import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';

describe('usage and metrics configuration', () => {
  it('has defaults for the usage queue, its scheduler ticks and the metrics cache', () => {
    expect(parseConfig({})).toMatchObject({
      WORKER_CONCURRENCY_USAGE: 16,
      WORKER_LOCK_DURATION_MS: 30_000,
      WORKER_STALLED_INTERVAL_MS: 30_000,
      USAGE_RELEASE_EXPIRED_CRON: '* * * * *',
      QUOTA_RECONCILE_CRON: '17 * * * *',
      METRICS_CACHE_MS: 5000,
      USAGE_SETTLE_STEP_DELAY_MS: 0,
    });
    expect(parseConfig({}).WORKER_METRICS_PORT).toBeUndefined();
  });

  it('refuses the test-only settlement pause in production, and bad numbers anywhere', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.split(':')[0]);
      }
    };
    expect(
      problems({
        NODE_ENV: 'production',
        JWT_SECRET_KEY: 'x'.repeat(40),
        A4F_API_KEY: 'upstream-key',
        METRICS_TOKEN: 'm',
        MAIL_DISABLED: 'true',
        USAGE_SETTLE_STEP_DELAY_MS: '100',
      }),
    ).toEqual(['USAGE_SETTLE_STEP_DELAY_MS']);
    expect(
      problems({ WORKER_METRICS_PORT: '70000', METRICS_CACHE_MS: '-1', WORKER_CONCURRENCY_USAGE: '0' }).sort(),
    ).toEqual(['METRICS_CACHE_MS', 'WORKER_CONCURRENCY_USAGE', 'WORKER_METRICS_PORT']);
  });
});
