import type { z } from 'zod';
import { declaredErrors, type ErrorDecl } from './error-responses.js';
import type { RouteSpec } from './route-spec.js';

/** The JSON and form body parsers run before every route (src/app.ts), whatever its method. */
const BODY_PARSER: readonly ErrorDecl[] = [
  'invalid_json',
  'json_too_deep',
  'bad_request',
  'request_aborted',
  'payload_too_large',
  'unsupported_charset',
  'unsupported_encoding',
];
/**
 * Before the unique indexes exist (until-ready), whenever MongoDB or Redis is away (the error handler), and while a
 * record another request is changing stays locked (document locks, quota accounts being loaded).
 */
const DEPENDENCIES: readonly ErrorDecl[] = [
  'service_not_ready',
  'database_unavailable',
  'redis_unavailable',
  'resource_busy',
  'quota_busy',
];

/** Every error an operation can answer with: its own, its middleware's, and those route() and the app add. */
export function operationErrors(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): ErrorDecl[] {
  const errors: ErrorDecl[] = ['internal_error'];
  if (!spec.rawBody) errors.push(...BODY_PARSER);
  if (!spec.ops) errors.push(...DEPENDENCIES);
  if (!spec.looseQuery) errors.push('unknown_parameter');
  if (spec.body || spec.query || spec.params) errors.push('validation_error');
  if (spec.body) errors.push('unsupported_media_type');
  for (const handler of spec.before ?? []) errors.push(...declaredErrors(handler));
  errors.push(...(spec.errors ?? []));
  return errors;
}
