import type { RedisClient } from '../lib/redis.js';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Queue } from 'bullmq';
import type { Config } from '../config/index.js';
import { createMetricsCollector, metricsAuthorized } from './metrics-collector.js';

interface Deps {
  config: Config;
  redis: RedisClient;
  queues: Record<string, Queue>;
  port: number;
}

/** A bare /metrics server for roles without the API (the worker), guarded by the same METRICS_TOKEN. */
export async function startMetricsServer({ config, redis, queues, port }: Deps): Promise<http.Server> {
  const collector = createMetricsCollector({
    redis,
    prefix: config.REDIS_PREFIX,
    queues,
    cacheMs: config.METRICS_CACHE_MS,
  });
  const server = http.createServer((req, res) => {
    res.setHeader('X-Request-Id', randomUUID());
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Not found', type: 'not_found_error', code: 'route_not_found' } }));
      return;
    }
    if (!metricsAuthorized(config.METRICS_TOKEN, req.headers.authorization)) {
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }).end(
        JSON.stringify({
          error: {
            message: 'Metrics need the metrics token',
            type: 'authentication_error',
            code: 'invalid_metrics_token',
          },
        }),
      );
      return;
    }
    collector.render().then(
      (body) => res.writeHead(200, { 'Content-Type': collector.contentType, 'Cache-Control': 'no-store' }).end(body),
      () =>
        res.writeHead(500, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            error: { message: 'Internal server error', type: 'server_error', code: 'internal_error' },
          }),
        ),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, config.HOST, resolve));
  return server;
}
