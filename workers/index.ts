import type { Server } from 'node:http';
import { UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import type { Config } from '../src/config/index.js';
import { createBlockingRedis, createRedis, redisTargetOf, type RedisClient } from '../src/lib/redis.js';
import { connectMongo } from '../src/lib/mongo.js';
import {
  QUEUE_NAMES,
  bullPrefix,
  createProducer,
  phaseOf,
  parsePayload,
  type JobPayload,
  type Producer,
  type QueueName,
} from '../queues/index.js';
import { jobDuration } from '../src/lib/metrics.js';
import { createQuotaService } from '../src/domain/quota/service.js';
import { startMetricsServer } from '../src/ops/metrics-server.js';
import { createIndexReadiness } from '../src/ops/index-readiness.js';
import { processors } from './processors/index.js';
import type { Processor, ProcessorFactory, WorkerContext } from './processors/types.js';

export interface RunningWorkers {
  workers: Worker[];
  /** The worker's own /metrics server, when WORKER_METRICS_PORT is set. */
  metricsServer?: Server;
  stop(): Promise<void>;
}

/** Per-queue Worker options beyond concurrency: llm jobs are long streams, with their own lock and stall checks. */
const EXTRA_OPTIONS: Partial<Record<QueueName, (config: Config) => Partial<WorkerOptions>>> = {
  llm: (config) => ({
    lockDuration: config.LLM_JOB_LOCK_MS,
    stalledInterval: config.LLM_STALLED_INTERVAL_MS,
    maxStalledCount: config.LLM_MAX_STALLED_COUNT,
  }),
};

const CONCURRENCY: Record<QueueName, (config: Config) => number> = {
  llm: (config) => config.WORKER_CONCURRENCY_LLM,
  usage: (config) => config.WORKER_CONCURRENCY_USAGE,
  'quota-reset': () => 1,
  'stripe-sync': () => 4,
  maintenance: () => 1,
  mail: () => 4,
};

/** Settlements are idempotent, so a job whose worker died keeps being retried instead of failing. */
const MAX_STALLED: Partial<Record<QueueName, number>> = { usage: 20 };

/** Times each job and counts it by outcome (queue_job_duration_seconds). */
function timed<T>(queue: QueueName, run: () => Promise<T>): Promise<T> {
  const end = jobDuration.startTimer({ queue });
  return run().then(
    (result) => {
      end({ outcome: 'completed' });
      return result;
    },
    (error: unknown) => {
      end({ outcome: 'failed' });
      throw error;
    },
  );
}

/** The processor of one queue, typed by it (an index by a generic key loses the pairing, hence the one cast). */
const processorFor = <Q extends QueueName>(queue: Q) => processors[queue] as unknown as ProcessorFactory<Q>;

/** A payload that fails its schema fails the same way on every retry: it is failed at once, never retried. */
function validPayload<Q extends QueueName>(queue: Q, data: unknown): JobPayload<Q> {
  try {
    return parsePayload(queue, data);
  } catch (error) {
    if (error instanceof ZodError)
      throw new UnrecoverableError(
        `invalid ${queue} payload: ${error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    throw error;
  }
}

interface QueueWorkerDeps {
  ctx: WorkerContext;
  producer: Producer;
  logger: Logger;
  connection: RedisClient;
}

/** One BullMQ Worker: its processor, the queue's options, and the end of jobs BullMQ gave up on. */
function createQueueWorker<Q extends QueueName>(
  queue: Q,
  { ctx, producer, logger, connection }: QueueWorkerDeps,
): Worker {
  const { config } = ctx;
  const processJob: Processor<Q> = processorFor(queue)(ctx);
  const options: WorkerOptions = {
    connection,
    prefix: bullPrefix(config.REDIS_PREFIX, queue),
    concurrency: CONCURRENCY[queue](config),
    lockDuration: config.WORKER_LOCK_DURATION_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED[queue] ?? 1,
    autorun: false,
    ...EXTRA_OPTIONS[queue]?.(config),
  };
  const worker = new Worker(
    queue,
    async (job, _token, signal) => timed(queue, () => processJob(validPayload(queue, job.data), job, signal)),
    options,
  );
  const gaveUp = async (job: Job | undefined) => {
    if (!job || !processJob.onGaveUp || phaseOf(await job.getState()) !== 'failed') return;
    await processJob.onGaveUp(validPayload(queue, job.data), job);
  };
  worker.on('failed', (job, error) => {
    logger.warn({ queue, job_id: job?.id, err: error.message }, 'job failed');
    gaveUp(job).catch((e: Error) =>
      logger.error({ queue, job_id: job?.id, err: e.message }, 'could not end a failed job'),
    );
  });
  // A job stalled more than maxStalledCount is failed by BullMQ's script without a 'failed' event here.
  worker.on('stalled', (jobId) => {
    logger.warn({ queue, job_id: jobId }, 'job stalled');
    producer.queues[queue]
      .getJob(jobId)
      .then(gaveUp)
      .catch((e: Error) => logger.error({ queue, job_id: jobId, err: e.message }, 'could not end a stalled job'));
  });
  worker.on('error', (error) => logger.error({ queue, err: error.message }, 'worker error'));
  return worker;
}

/** The worker role's composition root: one Worker per queue; payloads are re-validated before processing. */
export async function startWorkers(
  config: Config,
  logger: Logger,
  only: QueueName[] = QUEUE_NAMES,
): Promise<RunningWorkers> {
  await connectMongo(config.DATABASE_URL);
  const redis = createRedis(redisTargetOf(config));
  const producerConnection = createRedis(redisTargetOf(config));
  const blocking = createBlockingRedis(redisTargetOf(config));
  // These connections fail fast while not ready; take no job before they are, or its first attempt is wasted.
  await Promise.all(
    [redis, producerConnection].map((c) =>
      c.status === 'ready' ? undefined : new Promise((resolve) => c.once('ready', resolve)),
    ),
  );
  const producer = createProducer(producerConnection, config.REDIS_PREFIX);
  const quota = createQuotaService({ redis, prefix: config.REDIS_PREFIX });
  const cleanups: Array<() => Promise<void> | void> = [];
  const ctx: WorkerContext = { config, logger, redis, producer, quota, onClose: (cleanup) => cleanups.push(cleanup) };
  // No job before every unique index exists: settlements and Stripe events are claimed by unique inserts.
  const indexes = createIndexReadiness({ create: config.DB_AUTO_INIT, logger });
  indexes.start();
  const workers = only.map((queue) => createQueueWorker(queue, { ctx, producer, logger, connection: blocking }));
  let metricsServer: Server | undefined;
  if (config.WORKER_METRICS_PORT !== undefined) {
    metricsServer = await startMetricsServer({
      config,
      redis,
      queues: producer.queues,
      port: config.WORKER_METRICS_PORT,
    });
    logger.info({ port: (metricsServer.address() as { port: number }).port }, 'worker metrics listening');
  }
  let stopped = false;
  void indexes.ready.then(() => {
    if (stopped) return;
    for (const worker of workers)
      worker.run().catch((error: Error) => logger.error({ queue: worker.name, err: error.message }, 'worker stopped'));
    logger.info({ queues: only }, 'workers started');
  });
  return {
    workers,
    metricsServer,
    async stop() {
      stopped = true;
      indexes.stop();
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      await Promise.all(workers.map((worker) => worker.close()));
      for (const cleanup of cleanups) await cleanup();
      await producer.close();
      redis.disconnect();
      producerConnection.disconnect();
      blocking.disconnect();
    },
  };
}
