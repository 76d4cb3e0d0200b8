import type { RedisClient } from '../../src/lib/redis.js';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../../src/config/index.js';
import type { JobPayload, Producer, QueueName } from '../../queues/index.js';
import type { QuotaService } from '../../src/domain/quota/service.js';

/** What every processor may use; built once in the worker's composition root (workers/index.ts). */
export interface WorkerContext {
  config: Config;
  logger: Logger;
  /** Non-blocking commands connection. */
  redis: RedisClient;
  producer: Producer;
  /** Quota counters in Redis (reservations, settlements, rebuilds). */
  quota: QuotaService;
  /** Registers cleanup (extra connections, HTTP pools) run when the worker role stops, after its Workers closed. */
  onClose(cleanup: () => Promise<void> | void): void;
}

export type Processor<Q extends QueueName> = ((
  payload: JobPayload<Q>,
  job: Job,
  signal?: AbortSignal,
) => Promise<unknown>) & {
  /** Called once BullMQ has given up on a job (attempts exhausted, or stalled more than allowed). */
  onGaveUp?: (payload: JobPayload<Q>, job: Job) => Promise<void>;
};

export type ProcessorFactory<Q extends QueueName> = (ctx: WorkerContext) => Processor<Q>;
