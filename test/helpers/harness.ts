import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import supertest from 'supertest';
import type { Config } from '../../src/config/index.js';
import { createApp, type AppHandle } from '../../src/app.js';
import type { DestinationStream } from 'pino';
import { createLogger } from '../../src/lib/logger.js';
import { connectMongo } from '../../src/lib/mongo.js';
import { rebindModelWritesForTests } from '../../src/lib/model-bindings.js';
import { createRedis, redisTargetOf, scanKeys, type RedisClient } from '../../src/lib/redis.js';
import { initCollections } from '../../src/models/index.js';
import { createProducer, type Producer } from '../../queues/index.js';
import { testConfig } from './config.js';

export interface TestApp {
  config: Config;
  handle: AppHandle;
  server: http.Server;
  url: string;
  redis: RedisClient;
  producer: Producer;
  request: ReturnType<typeof supertest>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Receives every log line (JSON) instead of stdout, e.g. to check that no secret is logged. */
  logStream?: DestinationStream;
}

/**
 * Connects this test file to its own database, creates collections, binds model writes (document locks, auth
 * epochs) to the app's Redis and prefix, and serves the real app on a real socket.
 * PUBLIC_URL is the socket's own URL (unless overridden), so redirects built from it (OAuth) come back here.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = testConfig({ PUBLIC_URL: url, ...overrides });
  await connectMongo(config.DATABASE_URL);
  await initCollections();
  const redis = createRedis(redisTargetOf(config));
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  // What a role's entry does once per process (roles/run.ts), per app here: a test file may build several.
  const unbind = rebindModelWritesForTests({ redis, prefix: config.REDIS_PREFIX });
  const producer = createProducer(redis, config.REDIS_PREFIX);
  const logger = createLogger(config.LOG_LEVEL, {}, options.logStream);
  const handle = createApp({ config, logger, redis, producer });
  server.on('request', handle.app);
  return {
    config,
    handle,
    server,
    url,
    redis,
    producer,
    request: supertest(url),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
      await producer.close();
      await deleteKeys(redis, `${config.REDIS_PREFIX}:*`);
      unbind();
      redis.disconnect();
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
}

/** Deletes every key matching `pattern` on every master, one key per command (keys of many slots). */
export async function deleteKeys(redis: RedisClient, pattern: string): Promise<void> {
  await scanKeys(redis, pattern, async (keys) => {
    await Promise.all(keys.map((key) => redis.unlink(key)));
  });
}
