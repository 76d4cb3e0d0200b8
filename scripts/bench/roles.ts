// The benchmark's processes, run from compiled JavaScript (as in production): `web`, `llm-worker` (only the llm
// queue, so the usage queue is left for the token audit) and `upstream` (the fake OpenAI-compatible server).
// Each prints one line {"ready":true,"port":N} when it is ready and stops on SIGTERM.
import type { AddressInfo } from 'node:net';
import { getConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { disconnectMongo } from '../../src/lib/mongo.js';
import http from 'node:http';
import { Worker } from 'bullmq';
import { createApp } from '../../src/app.js';
import { connectMongo } from '../../src/lib/mongo.js';
import { createRedis } from '../../src/lib/redis.js';
import { createProducer } from '../../queues/index.js';
import { startWorkers } from '../../workers/index.js';
import { FakeUpstream, type UpstreamScript } from '../../test/helpers/fake-upstream.js';

const role = process.argv[2];
let stop: () => Promise<void>;
let port: number | undefined;
if (role === 'floor-worker') {
  // The queue hop alone, for reference: a BullMQ worker that answers each job with one XADD.
  const config = getConfig();
  const connection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  const writer = createRedis(config.REDIS_URL, { enableOfflineQueue: true });
  const worker = new Worker('floor', async (job) => {
    await writer.xadd(`${config.REDIS_PREFIX}:floor:${job.id}`, '*', 'd', '1');
  }, { connection, prefix: `${config.REDIS_PREFIX}:bull`, concurrency: 64 });
  await worker.waitUntilReady();
  stop = async () => {
    await worker.close();
    writer.disconnect();
    connection.disconnect();
  };
} else if (role === 'upstream') {
  const upstream = new FakeUpstream();
  upstream.record = false;
  // `repeat`: the route's tokens sent this many times over (a long answer without a long command line).
  for (const [marker, { repeat, ...script }] of Object.entries(JSON.parse(process.argv[3] ?? '{}') as Record<string, UpstreamScript & { repeat?: number }>)) {
    upstream.when(marker, repeat ? { ...script, tokens: Array.from({ length: repeat }, () => script.tokens ?? []).flat() } : script);
  }
  await upstream.start();
  port = Number(new URL(upstream.url).port);
  stop = () => upstream.close();
} else {
  const config = getConfig();
  const logger = createLogger(config.LOG_LEVEL, { role });
  if (role === 'web') {
    // startWeb as in production, but listening with a deep accept queue: thousands of clients connect at once
    // (Node's default backlog of 511 overflows and the kernel resets connections). See BENCHMARKS.md.
    await connectMongo(config.DATABASE_URL);
    const redis = createRedis(config.REDIS_URL);
    const producer = createProducer(redis, config.REDIS_PREFIX);
    const handle = createApp({ config, logger, redis, producer });
    const server = http.createServer(handle.app);
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen({ port: config.PORT, host: config.HOST, backlog: 4096 }, resolve));
    port = (server.address() as AddressInfo).port;
    stop = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
      await producer.close();
      redis.disconnect();
      await disconnectMongo();
    };
  } else if (role === 'llm-worker') {
    const workers = await startWorkers(config, logger, ['llm']);
    stop = async () => {
      await workers.stop();
      await disconnectMongo();
    };
  } else {
    throw new Error(`unknown role ${role}`);
  }
}
process.on('SIGTERM', () => {
  stop().finally(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
