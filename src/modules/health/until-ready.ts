import type { RequestHandler } from 'express';
import { ServiceUnavailableError } from '../../lib/errors.js';
import type { IndexReadiness } from '../../ops/index-readiness.js';

/** What answers while the unique indexes are missing: liveness, readiness, metrics and the docs. */
const ALWAYS_SERVED = /^\/(healthz|readyz|metrics|openapi\.json|docs)(\/|$)/;

/**
 * Until every unique index exists, the API takes no work: a sign-in, a code exchange or a chat request made then
 * could be claimed twice. They get a quick 503 (load balancers should already route by /readyz).
 */
export function untilIndexesReady(indexes: Pick<IndexReadiness, 'status'>): RequestHandler {
  return (req, _res, next) => {
    if (indexes.status().ready || ALWAYS_SERVED.test(req.path)) return next();
    throw new ServiceUnavailableError(
      'The service is starting and not ready to take requests yet; retry shortly',
      'service_not_ready',
      5,
    );
  };
}
