import type { RedisClient } from '../../lib/redis.js';
import { Router } from 'express';
import { z } from 'zod';
import { route } from '../../lib/http/route.js';
import { pingMongo } from '../../lib/mongo.js';
import type { IndexReadiness } from '../../ops/index-readiness.js';

async function pingRedis(redis: RedisClient, timeoutMs = 1000): Promise<boolean> {
  try {
    const reply = await Promise.race([
      redis.ping(),
      new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return reply === 'PONG';
  } catch {
    return false;
  }
}

const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ mongodb: z.boolean(), redis: z.boolean(), indexes: z.boolean() }),
  /** Why the unique indexes are not ready (collections and indexes only; the log has the details). */
  reason: z.string().optional(),
});

interface Deps {
  redis: RedisClient;
  /** Absent when whoever built the app created the indexes before (tests, the bench). */
  indexes?: Pick<IndexReadiness, 'status'>;
}

export function createHealthRouter({ redis, indexes }: Deps): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/healthz',
      ops: true,
      summary: 'Liveness',
      tags: ['ops'],
      responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } },
    },
    (_req, res) => {
      res.json({ status: 'ok' });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/readyz',
      ops: true,
      summary: 'Readiness: MongoDB and Redis answer, and every unique index exists',
      tags: ['ops'],
      responses: {
        200: { description: 'Ready', schema: readinessSchema },
        503: { description: 'Not ready', schema: readinessSchema },
      },
    },
    async (_req, res) => {
      const [mongodb, redisOk] = await Promise.all([pingMongo(), pingRedis(redis)]);
      const schema = indexes?.status() ?? { ready: true, reason: null };
      const ready = mongodb && redisOk && schema.ready;
      res.status(ready ? 200 : 503).json({
        status: ready ? 'ready' : 'not_ready',
        checks: { mongodb, redis: redisOk, indexes: schema.ready },
        ...(schema.reason ? { reason: schema.reason } : {}),
      });
    },
  );
  return router;
}
