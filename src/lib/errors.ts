import { shouldRetry, type ErrorCode } from './error-codes.js';

/** Typed errors; the one error handler maps them to the contract's `{error: {...}}` shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { param?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, extra: { code?: ErrorCode; param?: string; details?: unknown } = {}) {
    super(400, 'invalid_request_error', extra.code ?? 'invalid_request', message, extra);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Invalid or missing credentials', code: ErrorCode = 'invalid_credentials') {
    super(401, 'authentication_error', code, message, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this', code: ErrorCode = 'forbidden') {
    super(403, 'permission_error', code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'Resource', code: ErrorCode = 'not_found') {
    super(404, 'not_found_error', code, `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code: ErrorCode = 'conflict') {
    super(409, 'conflict_error', code, message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, code: ErrorCode, retryAfterSeconds: number, headers: Record<string, string> = {}) {
    super(429, code === 'insufficient_quota' ? 'insufficient_quota' : 'rate_limit_error', code, message, {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))), ...headers },
    });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string, code: ErrorCode = 'service_unavailable', retryAfterSeconds?: number) {
    super(
      503,
      'service_unavailable',
      code,
      message,
      retryAfterSeconds ? { headers: { 'Retry-After': String(retryAfterSeconds) } } : {},
    );
  }
}

export class UpstreamError extends AppError {
  constructor(status: 502 | 503 | 504, message: string, code: ErrorCode = 'upstream_error') {
    super(status, 'upstream_error', code, message);
  }
}

export interface ErrorBody {
  error: { message: string; type: string; code: ErrorCode; param?: string; details?: unknown };
}

/**
 * `x-should-retry` on every error answer: the openai SDKs (and clients following them) retry 408, 409, 429 and
 * 5xx unless told otherwise, so answers no retry can fix (an exhausted quota, a bad request, a refused credential,
 * a conflict) say `false`; rate limits and transient 5xx say `true`.
 */
export const retryHeader = (code: ErrorCode, status: number) => ({
  'x-should-retry': String(shouldRetry(code, status)),
});

export function errorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { message: error.message, type: error.type, code: error.code } };
  if (error.extra.param !== undefined) body.error.param = error.extra.param;
  if (error.extra.details !== undefined) body.error.details = error.extra.details;
  return body;
}

/** JSON is read as UTF-8 only (RFC 8259 §8.1): the body parser and the JSON depth check refuse any other charset alike. */
export const unsupportedCharset = () =>
  new AppError(415, 'invalid_request_error', 'unsupported_charset', 'Unsupported charset: JSON bodies must be UTF-8');
