import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import { createRedis } from '../../src/lib/redis.js';
import { createProducer } from '../../queues/index.js';

export interface RunningScheduler {
  /** Enqueues the tick for `at` (exposed for tests and catch-up). */
  tick(at?: Date): Promise<string>;
  stop(): Promise<void>;
}

/** The job id is derived from the tick's minute, so any number of schedulers enqueue each tick once. */
export const quotaResetTickJobId = (at: Date) => `quota-reset-tick-${at.toISOString().slice(0, 16).replace(/[:T]/g, '-')}`;

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
  const task = cron.schedule(config.QUOTA_RESET_CRON, () => {
    tick().catch((error: Error) => logger.error({ err: error.message }, 'quota-reset tick failed'));
  });
  logger.info({ cron: config.QUOTA_RESET_CRON }, 'scheduler started');
  return {
    tick,
    async stop() {
      await task.stop();
      await producer.close();
      redis.disconnect();
    },
  };
}
