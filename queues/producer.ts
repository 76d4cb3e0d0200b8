import type { RedisClient } from '../src/lib/redis.js';
import { Queue, type JobsOptions } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from './jobs.js';
import { bullPrefix } from './redis-keys.js';
import { QUEUE_NAMES, parsePayload, type JobPayload, type QueueName } from './registry.js';

export interface Producer {
  queues: Record<QueueName, Queue>;
  /**
   * The connection every queue sends on. A command sent on it runs in Redis before any job added afterwards
   * exists (one connection's commands run in order; it is not auto-pipelined, so each command goes out when it is
   * called), which is how the API stores a prompt and adds its job in one round trip.
   */
  connection: RedisClient;
  enqueue<Q extends QueueName>(queue: Q, payload: JobPayload<Q>, options?: JobsOptions): Promise<string>;
  close(): Promise<void>;
}

export function createProducer(connection: RedisClient, redisPrefix: string): Producer {
  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name) => [
      name,
      new Queue(name, { connection, prefix: bullPrefix(redisPrefix, name), defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    ]),
  ) as Record<QueueName, Queue>;
  return {
    queues,
    connection,
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
