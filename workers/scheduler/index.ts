import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import { createRedis } from '../../src/lib/redis.js';
import { createProducer } from '../../queues/index.js';
import { minuteStamp } from '../../src/lib/dates.js';

export interface RunningScheduler {
  /** Enqueues the tick for `at` (exposed for tests and catch-up). */
  tick(at?: Date): Promise<string>;
  /** Enqueues the usage queue's upkeep for `at`: release expired reservations, or rebuild counters from the ledger. */
  usageTick(kind: UsageTickKind, at?: Date): Promise<string>;
  /** Enqueues the purge of expired and ended sign-in records for `at`. */
  purgeTick(at?: Date): Promise<string>;
  stop(): Promise<void>;
}

/** The job id is derived from the tick's minute, so any number of schedulers enqueue each tick once. */
export const quotaResetTickJobId = (at: Date) => `quota-reset-tick-${minuteStamp(at)}`;

export type UsageTickKind = 'release-expired' | 'reconcile';

/** One job per kind and minute, whatever the number of schedulers. */
export const usageTickJobId = (kind: UsageTickKind, at: Date) => `usage-${kind}-${minuteStamp(at)}`;

/** One purge per minute slot, whatever the number of schedulers. */
export const purgeTickJobId = (at: Date) => `maintenance-purge-${minuteStamp(at)}`;

const floorToMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

export async function startScheduler(config: Config, logger: Logger): Promise<RunningScheduler> {
  const redis = createRedis(config.REDIS_URL, { enableOfflineQueue: true });
  const producer = createProducer(redis, config.REDIS_PREFIX);
  async function tick(at: Date = new Date()): Promise<string> {
    const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    return producer.enqueue('quota-reset', { mode: 'all-due', as_of: minute.toISOString() }, {
      jobId: quotaResetTickJobId(minute),
      removeOnComplete: { age: 7 * 24 * 3600 },
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
    });
  }
  async function usageTick(kind: UsageTickKind, at: Date = new Date()): Promise<string> {
    const minute = floorToMinute(at);
    return producer.enqueue('usage', { kind, as_of: minute.toISOString() }, {
      jobId: usageTickJobId(kind, minute),
      removeOnComplete: { age: 3600 },
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
    });
  }
  async function purgeTick(at: Date = new Date()): Promise<string> {
    const minute = floorToMinute(at);
    return producer.enqueue('maintenance', { kind: 'purge', as_of: minute.toISOString() }, {
      jobId: purgeTickJobId(minute),
      removeOnComplete: { age: 3600 },
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
    });
  }
  const purgeTask = cron.schedule(config.PURGE_CRON, () => {
    purgeTick().catch((error: Error) => logger.error({ err: error.message }, 'purge tick failed'));
  });
  const task = cron.schedule(config.QUOTA_RESET_CRON, () => {
    tick().catch((error: Error) => logger.error({ err: error.message }, 'quota-reset tick failed'));
  });
  const usageTasks = ([['release-expired', config.USAGE_RELEASE_EXPIRED_CRON], ['reconcile', config.QUOTA_RECONCILE_CRON]] as const).map(([kind, expression]) =>
    cron.schedule(expression, () => {
      usageTick(kind).catch((error: Error) => logger.error({ err: error.message, kind }, 'usage tick failed'));
    }),
  );
  logger.info({
    cron: config.QUOTA_RESET_CRON, release_cron: config.USAGE_RELEASE_EXPIRED_CRON, reconcile_cron: config.QUOTA_RECONCILE_CRON, purge_cron: config.PURGE_CRON,
  }, 'scheduler started');
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
