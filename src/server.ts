import http from 'node:http';
import type { Logger } from 'pino';
import { getConfig, type Config } from './config/index.js';
import { createLogger } from './lib/logger.js';
import { connectMongoInBackground } from './lib/mongo.js';
import { createRedis, redisTargetOf } from './lib/redis.js';
import { createProducer } from '../queues/index.js';
import { createApp } from './app.js';
import { startMetricsServer } from './ops/metrics-server.js';
import { createIndexReadiness } from './ops/index-readiness.js';

export interface RunningWeb {
  server: http.Server;
  stop(): Promise<void>;
}

/** The web role: connects, builds the app, listens; `stop` drains connections then closes clients. */
export async function startWeb(
  config: Config = getConfig(),
  logger: Logger = createLogger(config.LOG_LEVEL, { role: 'web' }),
): Promise<RunningWeb> {
  // Serve at once even when the database is not up yet: /readyz says 503 until it answers and every unique index
  // exists (created here when DB_AUTO_INIT, otherwise only checked: production runs `npm run db:init`).
  const mongo = connectMongoInBackground(config.DATABASE_URL, logger);
  const indexes = createIndexReadiness({ create: config.DB_AUTO_INIT, logger });
  void mongo.ready.then(() => indexes.start());
  await Promise.race([mongo.ready, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  const redis = createRedis(redisTargetOf(config));
  redis.on('error', (error) => logger.debug({ err: error.message }, 'redis error'));
  const producer = createProducer(redis, config.REDIS_PREFIX);
  const handle = createApp({ config, logger, redis, producer, indexes });
  const metricsServer =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer({ config, redis, queues: producer.queues, port: config.METRICS_PORT });
  if (metricsServer) logger.info({ port: (metricsServer.address() as { port: number }).port }, 'web metrics listening');
  const server = http.createServer(handle.app);
  server.keepAliveTimeout = 65_000;
  // A deep accept queue: with Node's default (511) a burst of clients is reset (ECONNRESET) before accept().
  await new Promise<void>((resolve) => server.listen({ port: config.PORT, host: config.HOST, backlog: 4096 }, resolve));
  logger.info({ port: (server.address() as { port: number }).port }, 'web listening');
  return {
    server,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      mongo.stop();
      indexes.stop();
      await handle.close();
      await producer.close();
      redis.disconnect();
    },
  };
}
