import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAMES, parsePayload, type JobPayload, type QueueName } from './registry.js';

/** Retention keeps Redis bounded: completed jobs vanish quickly, failed ones stay a day for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600, count: 5000 },
};

export interface Producer {
  queues: Record<QueueName, Queue>;
  enqueue<Q extends QueueName>(queue: Q, payload: JobPayload<Q>, options?: JobsOptions): Promise<string>;
  close(): Promise<void>;
}

/** BullMQ queue prefix derived from the deployment's Redis prefix. */
export const bullPrefix = (redisPrefix: string) => `${redisPrefix}:bull`;

export function createProducer(connection: Redis, redisPrefix: string): Producer {
  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix: bullPrefix(redisPrefix), defaultJobOptions: DEFAULT_JOB_OPTIONS })]),
  ) as Record<QueueName, Queue>;
  return {
    queues,
    async enqueue(queue, payload, options) {
      const data = parsePayload(queue, payload);
      const job = await queues[queue].add(queue, data, options);
      return job.id ?? '';
    },
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
