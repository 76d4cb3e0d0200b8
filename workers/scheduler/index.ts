import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import {
  createProducer,
  purgeTickJobOptions,
  quotaResetTickJobOptions,
  usageTickJobOptions,
  type UsageTickKind,
} from '../../queues/index.js';
import { floorToMinute } from '../../src/lib/dates.js';

export interface RunningScheduler {
  /** Enqueues the tick for `at` (exposed for tests and catch-up). */
  tick(at?: Date): Promise<string>;
  /** Enqueues the usage queue's upkeep for `at`: release expired reservations, or rebuild counters from the ledger. */
  usageTick(kind: UsageTickKind, at?: Date): Promise<string>;
  /** Enqueues the purge of expired and ended sign-in records for `at`. */
  purgeTick(at?: Date): Promise<string>;
  stop(): Promise<void>;
}

export async function startScheduler(config: Config, logger: Logger): Promise<RunningScheduler> {
  const redis = createRedis(redisTargetOf(config), { enableOfflineQueue: true });
  const producer = createProducer(redis, config.REDIS_PREFIX);
  async function tick(at: Date = new Date()): Promise<string> {
    const minute = floorToMinute(at);
    return producer.enqueue(
      'quota-reset',
      { mode: 'all-due', as_of: minute.toISOString() },
      quotaResetTickJobOptions(minute),
    );
  }
  async function usageTick(kind: UsageTickKind, at: Date = new Date()): Promise<string> {
    const minute = floorToMinute(at);
    return producer.enqueue('usage', { kind, as_of: minute.toISOString() }, usageTickJobOptions(kind, minute));
  }
  async function purgeTick(at: Date = new Date()): Promise<string> {
    const minute = floorToMinute(at);
    return producer.enqueue('maintenance', { kind: 'purge', as_of: minute.toISOString() }, purgeTickJobOptions(minute));
  }
  const purgeTask = cron.schedule(config.PURGE_CRON, () => {
    purgeTick().catch((error: Error) => logger.error({ err: error.message }, 'purge tick failed'));
  });
  const task = cron.schedule(config.QUOTA_RESET_CRON, () => {
    tick().catch((error: Error) => logger.error({ err: error.message }, 'quota-reset tick failed'));
  });
  const usageTasks = (
    [
      ['release-expired', config.USAGE_RELEASE_EXPIRED_CRON],
      ['reconcile', config.QUOTA_RECONCILE_CRON],
    ] as const
  ).map(([kind, expression]) =>
    cron.schedule(expression, () => {
      usageTick(kind).catch((error: Error) => logger.error({ err: error.message, kind }, 'usage tick failed'));
    }),
  );
  logger.info(
    {
      cron: config.QUOTA_RESET_CRON,
      release_cron: config.USAGE_RELEASE_EXPIRED_CRON,
      reconcile_cron: config.QUOTA_RECONCILE_CRON,
      purge_cron: config.PURGE_CRON,
    },
    'scheduler started',
  );
  return {
    tick,
    usageTick,
    purgeTick,
    async stop() {
      await task.stop();
      await purgeTask.stop();
      for (const usageTask of usageTasks) await usageTask.stop();
      await producer.close();
      redis.disconnect();
    },
  };
}
