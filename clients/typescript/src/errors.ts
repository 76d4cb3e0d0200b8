import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

/**
 * The error codes the API documents: its `ErrorCode` enum when the document has one, else the type of
 * `Error.error.code` (a plain string while the document does not enumerate them).
 */
export type DocumentedErrorCode = Schemas extends { ErrorCode: infer Code extends string }
  ? Code
  : Schemas['Error']['error']['code'];

/** Codes the client retries after `Retry-After` (rate limits, a busy or starting server). */
export const RETRYABLE_CODES = [
  'rate_limit_exceeded',
  'concurrency_limit_exceeded',
  'upstream_rate_limited',
  'server_busy',
  'service_not_ready',
  'queue_unavailable',
  'usage_backlog_full',
] as const;

/** Codes that end the stored session: the client forgets it and the user signs in again. */
export const SESSION_ENDED_CODES = [
  'refresh_token_revoked',
  'refresh_token_expired',
  'refresh_token_reused',
  'invalid_refresh_token',
  'session_ended',
] as const;

/** Codes of a refused access token: the client refreshes once and sends the request again. */
export const REFRESH_CODES = ['token_expired', 'invalid_token'] as const;

/** The codes this client acts on itself (besides `insufficient_quota`, never retried). */
export type HandledErrorCode =
  | (typeof RETRYABLE_CODES)[number]
  | (typeof SESSION_ENDED_CODES)[number]
  | (typeof REFRESH_CODES)[number]
  | 'insufficient_quota';

/** Errors raised by the client itself, with status 0: the server never sends these. */
export type ClientErrorCode =
  /** No answer: the connection failed before a response (DNS, refused, reset). */
  | 'network_error'
  /** An answer that is not the API's (not JSON, or not the shape documented). */
  | 'invalid_response'
  /** The token store holds no session: sign in first. */
  | 'not_signed_in'
  /** A stream dropped and could not be resumed within `maxResumes` attempts. */
  | 'stream_resume_failed'
  /** The OAuth redirect carried another sign-in's state (or none). */
  | 'oauth_state_mismatch'
  /** The OAuth redirect reported a failure (`error=` in the redirect). */
  | 'oauth_access_denied'
  | 'oauth_server_error'
  | 'oauth_invalid_request';

/**
 * Every code an `AiCoderError` can carry: the documented ones, the ones the client handles, its own. Written so that
 * the literal codes stay visible to editors while the document types codes as plain strings.
 */
export type ErrorCode = HandledErrorCode | ClientErrorCode | (DocumentedErrorCode & {});

/** Fails to compile when a code the client handles is missing from the document's enum (once it has one). */
type Undocumented = Exclude<HandledErrorCode, DocumentedErrorCode>;
const assertDocumented = <Missing extends never>(): Missing[] => [];
assertDocumented<Undocumented>();

export interface ErrorDetails {
  type?: string;
  param?: string;
  details?: unknown;
  /** The `X-Request-Id` of the answer (for an LLM request, its id). */
  requestId?: string;
  /** `Retry-After`, in milliseconds. */
  retryAfterMs?: number;
  /** `x-should-retry` of the answer, when it had one. */
  shouldRetry?: boolean;
  cause?: unknown;
}

/** An error answer of the API (`{"error": {code, message, ...}}`), or one of the client's own (status 0). */
export class AiCoderError extends Error {
  override readonly name = 'AiCoderError';
  readonly type: string | undefined;
  readonly param: string | undefined;
  readonly details: unknown;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly shouldRetry: boolean | undefined;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    extra: ErrorDetails = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.type = extra.type;
    this.param = extra.param;
    this.details = extra.details;
    this.requestId = extra.requestId;
    this.retryAfterMs = extra.retryAfterMs;
    this.shouldRetry = extra.shouldRetry;
  }

  /** Whether the session ended: sign in again. */
  get sessionEnded(): boolean {
    return includes(SESSION_ENDED_CODES, this.code);
  }
}

export const includes = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Narrows an unknown error to an `AiCoderError`, optionally of one of the given codes. */
export function isAiCoderError<C extends ErrorCode>(
  error: unknown,
  ...codes: C[]
): error is AiCoderError & { code: C } {
  return error instanceof AiCoderError && (codes.length === 0 || includes(codes, error.code));
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && value.trim() !== '') return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface ErrorBody {
  error: { message?: unknown; type?: unknown; code?: unknown; param?: unknown; details?: unknown };
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).error === 'object' &&
  (value as ErrorBody).error !== null &&
  typeof (value as ErrorBody).error.code === 'string';

/** The error of a parsed `{"error": {...}}` body (also what a stream sends when it fails after it started). */
export function errorFromBody(status: number, body: unknown, extra: ErrorDetails = {}): AiCoderError {
  if (!isErrorBody(body)) {
    return new AiCoderError(status, 'invalid_response', `Unexpected answer (HTTP ${status})`, extra);
  }
  const { error } = body;
  return new AiCoderError(status, error.code as ErrorCode, String(error.message ?? error.code), {
    ...extra,
    type: typeof error.type === 'string' ? error.type : undefined,
    param: typeof error.param === 'string' ? error.param : undefined,
    details: error.details,
  });
}

/** The error of a non-2xx response, with its request id, `Retry-After` and `x-should-retry`. */
export async function errorFromResponse(response: Response, now: number): Promise<AiCoderError> {
  const shouldRetry = response.headers.get('x-should-retry');
  const extra: ErrorDetails = {
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
    shouldRetry: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
  };
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return errorFromBody(response.status, body, extra);
}
