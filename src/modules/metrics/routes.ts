import { Router } from 'express';
import { z } from 'zod';
import { UnauthorizedError } from '../../lib/errors.js';
import { route } from '../../lib/http/route.js';
import { metricsAuthorized, type MetricsCollector } from '../../ops/metrics-collector.js';

interface Deps {
  collector: MetricsCollector;
  token: string | undefined;
}

export function createMetricsRouter({ collector, token }: Deps): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics (Bearer METRICS_TOKEN when configured)',
      tags: ['ops'],
      auth: 'metricsToken',
      ops: true,
      errors: ['invalid_metrics_token'],
      responses: { 200: { description: 'Prometheus text exposition', schema: z.string(), contentType: 'text/plain' } },
    },
    async (req, res) => {
      if (!metricsAuthorized(token, req.get('authorization')))
        throw new UnauthorizedError('Metrics need the metrics token', 'invalid_metrics_token');
      const body = await collector.render();
      res.setHeader('Content-Type', collector.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(body);
    },
  );
  return router;
}
