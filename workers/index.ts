import { Worker, type WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../src/config/index.js';
import { createBlockingRedis, createRedis } from '../src/lib/redis.js';
import { connectMongo } from '../src/lib/mongo.js';
import { QUEUE_NAMES, bullPrefix, createProducer, parsePayload, type QueueName } from '../queues/index.js';
import { processors } from './processors/index.js';
import type { WorkerContext } from './processors/types.js';

export interface RunningWorkers {
  workers: Worker[];
  stop(): Promise<void>;
}

const CONCURRENCY: Record<QueueName, (config: Config) => number> = {
  llm: (config) => config.WORKER_CONCURRENCY_LLM,
  usage: () => 16,
  'quota-reset': () => 1,
  'stripe-sync': () => 4,
};

/** The worker role's composition root: one Worker per queue; payloads are re-validated before processing. */
export async function startWorkers(config: Config, logger: Logger, only: QueueName[] = QUEUE_NAMES): Promise<RunningWorkers> {
  await connectMongo(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL);
  const producerConnection = createRedis(config.REDIS_URL);
  const blocking = createBlockingRedis(config.REDIS_URL);
  const producer = createProducer(producerConnection, config.REDIS_PREFIX);
  const ctx: WorkerContext = { config, logger, redis, producer };
  const workers = only.map((queue) => {
    const process = processors[queue](ctx as never) as (payload: unknown, job: unknown, signal?: AbortSignal) => Promise<unknown>;
    const options: WorkerOptions = {
      connection: blocking,
      prefix: bullPrefix(config.REDIS_PREFIX),
      concurrency: CONCURRENCY[queue](config),
      autorun: true,
    };
    const worker = new Worker(queue, async (job, _token, signal) => process(parsePayload(queue, job.data), job, signal), options);
    worker.on('failed', (job, error) => logger.warn({ queue, job_id: job?.id, err: error.message }, 'job failed'));
    worker.on('error', (error) => logger.error({ queue, err: error.message }, 'worker error'));
    return worker;
  });
  logger.info({ queues: only }, 'workers started');
  return {
    workers,
    async stop() {
      await Promise.all(workers.map((worker) => worker.close()));
      await producer.close();
      redis.disconnect();
      producerConnection.disconnect();
      blocking.disconnect();
    },
  };
}
