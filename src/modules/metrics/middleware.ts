import type { RequestHandler } from 'express';
import { httpRequestDuration, httpRequestsTotal } from '../../lib/metrics.js';

/**
 * Counts and times every request by its matched route pattern (`/llm/requests/:id`, never the raw URL, so
 * the label set stays bounded); requests that match no route are labelled `unmatched`.
 */
export function httpMetrics(): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer();
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const path = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      end(labels);
      httpRequestsTotal.inc(labels);
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
