import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  AppError,
  NotFoundError,
  ServiceUnavailableError,
  errorBody,
  retryHeader,
  unsupportedCharset,
} from '../lib/errors.js';

interface HttpParserError {
  type?: string;
  status?: number;
  statusCode?: number;
}

/** Turns body-parser and other framework errors into typed ones. */
function fromFrameworkError(error: unknown): AppError | undefined {
  const e = error as HttpParserError;
  if (e?.type === 'entity.too.large')
    return new AppError(413, 'invalid_request_error', 'payload_too_large', 'Request body is too large');
  if (e?.type === 'entity.parse.failed')
    return new AppError(400, 'invalid_request_error', 'invalid_json', 'Request body is not valid JSON');
  if (e?.type === 'encoding.unsupported')
    return new AppError(415, 'invalid_request_error', 'unsupported_encoding', 'Unsupported content encoding');
  if (e?.type === 'charset.unsupported') return unsupportedCharset();
  if (e?.type === 'request.aborted')
    return new AppError(400, 'invalid_request_error', 'request_aborted', 'Request aborted');
  const status = e?.status ?? e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'invalid_request_error', 'bad_request', 'Bad request');
  }
  return undefined;
}

const MONGO_DOWN = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);
const REDIS_DOWN = /enableOfflineQueue options is false|Connection is closed|Reached the max retries per request/;

/** A database or Redis outage is the service being unavailable, not a bug: 503 with Retry-After. */
function fromDependencyOutage(error: unknown): AppError | undefined {
  if (!(error instanceof Error)) return undefined;
  const mongoDown =
    MONGO_DOWN.has(error.name) ||
    (error.name === 'MongooseError' && /initial connection|buffering timed out/.test(error.message));
  if (mongoDown)
    return new ServiceUnavailableError('The database is unavailable; try again shortly', 'database_unavailable', 5);
  if (REDIS_DOWN.test(error.message) || error.name === 'MaxRetriesPerRequestError') {
    return new ServiceUnavailableError('Redis is unavailable; try again shortly', 'redis_unavailable', 5);
  }
  return undefined;
}

interface DescribedOperation {
  id: string;
  /** `<code> <status>` pairs its OpenAPI entry lists (set by route()). */
  errors: Set<string>;
}

/** Clients switch on the documented codes: an answer outside them is a gap in /openapi.json, worth a log line. */
function warnIfUndocumented(
  req: Parameters<ErrorRequestHandler>[1],
  operation: DescribedOperation | undefined,
  error: AppError,
) {
  if (!operation || operation.errors.has(`${error.code} ${error.status}`)) return;
  req.log?.warn(
    { operation: operation.id, code: error.code, status: error.status },
    'error code not documented for this operation',
  );
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`Route ${req.method} ${req.path}`, 'route_not_found');
};

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = error instanceof AppError ? error : (fromFrameworkError(error) ?? fromDependencyOutage(error));
  const appError = known ?? new AppError(500, 'server_error', 'internal_error', 'Internal server error');
  if (!known) req.log?.error({ err: error }, 'unhandled error');
  else if (appError.status >= 500) req.log?.warn({ code: appError.code, msg: appError.message }, 'request failed');
  warnIfUndocumented(req, res.locals.operation as DescribedOperation | undefined, appError);
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(appError.extra.headers ?? {})) res.setHeader(name, value);
  for (const [name, value] of Object.entries(retryHeader(appError.code, appError.status))) res.setHeader(name, value);
  res.status(appError.status).json(errorBody(appError));
};
