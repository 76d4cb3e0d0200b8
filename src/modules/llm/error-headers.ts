import { ERROR_CODES, type ErrorCode } from '../../lib/error-codes.js';
import { retryHeader } from '../../lib/errors.js';

interface ErrorEvent {
  error?: { code?: string; details?: { retry_after_seconds?: unknown } };
}

/**
 * The headers of an error a request ended with, answered as its HTTP status (the worker wrote it to the stream,
 * so it bypasses the error handler): `x-should-retry` as everywhere, and `Retry-After` when the upstream set a wait.
 */
export function errorEntryHeaders(data: string, status: number): Record<string, string> {
  let event: ErrorEvent;
  try {
    event = JSON.parse(data) as ErrorEvent;
  } catch {
    return {};
  }
  const code = event.error?.code;
  const headers: Record<string, string> = code && code in ERROR_CODES ? retryHeader(code as ErrorCode, status) : {};
  const wait = event.error?.details?.retry_after_seconds;
  if (typeof wait === 'number' && wait > 0) headers['Retry-After'] = String(Math.ceil(wait));
  return headers;
}
