import http from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { createProducer } from '../../queues/index.js';
import type { IndexReadiness } from '../../src/ops/index-readiness.js';
import type { TestApp } from './harness.js';

/**
 * Another API process in all but the OS process: its own Redis connections, producer, app and socket, sharing
 * the first one's Redis prefix and database. Whatever one instance caches only in memory, the other cannot see.
 * With `indexes`, it answers 503 service_not_ready until they are ready (as a starting process does).
 */
export async function startSecondInstance(app: TestApp, options: { indexes?: IndexReadiness } = {}) {
  const redis = createRedis(redisTargetOf(app.config));
  // The API's connection fails fast while it is not ready (no offline queue); serve only once it is.
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const producer = createProducer(redis, app.config.REDIS_PREFIX);
  const handle = createApp({
    config: app.config,
    logger: createLogger('silent'),
    redis,
    producer,
    indexes: options.indexes,
  });
  const server = http.createServer(handle.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    request: supertest(url),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
      await producer.close();
      redis.disconnect();
    },
  };
}
