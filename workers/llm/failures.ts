import type { ClientError } from '../../queues/index.js';

export type FailureKind =
  | 'connect'
  | 'status'
  | 'first_token_timeout'
  | 'idle_timeout'
  | 'malformed'
  | 'upstream_error'
  | 'cut'
  | 'no_provider';

/** Why one upstream attempt failed, classified for retry, fallback and the client's error. */
export class UpstreamFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly httpStatus?: number,
    /** The upstream's own error message (only ever shown for requests it judged invalid). */
    readonly upstreamMessage?: string,
    /** For a 429: how long the upstream asked callers to wait (passed on to the client as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }

  /**
   * Worth another try on the same provider (before the first token). Never a 429: the upstream asked to be left
   * alone, and the client gets the 429 with its Retry-After instead (another provider may still be tried).
   */
  get retrySameProvider(): boolean {
    if (this.kind === 'connect') return true;
    return this.kind === 'status' && (this.httpStatus === 408 || (this.httpStatus ?? 0) >= 500);
  }

  /** Another provider may do better; false when the request itself was refused as invalid. */
  get tryNextProvider(): boolean {
    return !(this.kind === 'status' && (this.httpStatus === 400 || this.httpStatus === 413 || this.httpStatus === 422));
  }
}

/** Abort reasons of one attempt's own timers. */
export class AttemptTimeout {
  constructor(readonly which: 'first_token' | 'idle') {}
}

const scrub = (text: string, secrets: string[]) =>
  secrets.reduce((out, secret) => (secret ? out.split(secret).join('[redacted]') : out), text);

/** The client-facing error for a failure: OpenAI-style, no upstream internals, never a key. */
export function clientErrorFor(failure: UpstreamFailure, secrets: string[]): ClientError {
  switch (failure.kind) {
    case 'connect':
      return {
        status: 502,
        type: 'upstream_error',
        code: 'upstream_unavailable',
        message: 'The model provider could not be reached. Try again shortly.',
      };
    case 'first_token_timeout':
    case 'idle_timeout':
      return {
        status: 504,
        type: 'upstream_error',
        code: 'upstream_timeout',
        message: 'The model provider did not answer in time.',
      };
    case 'malformed':
      return {
        status: 502,
        type: 'upstream_error',
        code: 'upstream_malformed_response',
        message: 'The model provider sent a response this API could not read.',
      };
    case 'no_provider':
      return {
        status: 503,
        type: 'service_unavailable',
        code: 'no_provider',
        message: 'No model provider serves this model right now.',
      };
    case 'cut':
      return {
        status: 502,
        type: 'upstream_error',
        code: 'upstream_stream_interrupted',
        message: 'The model provider closed the stream before it ended.',
      };
    case 'upstream_error':
      return {
        status: 502,
        type: 'upstream_error',
        code: 'upstream_error',
        message: 'The model provider reported an error while generating.',
      };
    case 'status': {
      const status = failure.httpStatus ?? 502;
      if (status === 429)
        return {
          status: 429,
          type: 'rate_limit_error',
          code: 'upstream_rate_limited',
          message: 'The model provider is rate limiting requests. Try again after Retry-After seconds.',
          retryAfterSeconds: failure.retryAfterSeconds,
        };
      if (status === 400 || status === 413 || status === 422) {
        const detail = failure.upstreamMessage ? `: ${scrub(failure.upstreamMessage, secrets).slice(0, 300)}` : '';
        return {
          status: 400,
          type: 'invalid_request_error',
          code: 'upstream_invalid_request',
          message: `The model provider refused the request${detail}`,
        };
      }
      if (status === 401 || status === 403)
        return {
          status: 502,
          type: 'upstream_error',
          code: 'upstream_auth_error',
          message: "The model provider refused this service's credentials.",
        };
      return {
        status: 502,
        type: 'upstream_error',
        code: 'upstream_error',
        message: `The model provider returned an error (HTTP ${status}).`,
      };
    }
  }
}

export const STREAM_INTERRUPTED: ClientError = {
  status: 502,
  type: 'upstream_error',
  code: 'stream_interrupted',
  message: 'The worker serving this request stopped; the answer is incomplete and only what was sent is billed.',
};
export const WORKER_SHUTDOWN: ClientError = {
  status: 503,
  type: 'service_unavailable',
  code: 'worker_shutdown',
  message: 'The worker serving this request shut down.',
};
export const RESERVATION_RELEASED: ClientError = {
  status: 503,
  type: 'service_unavailable',
  code: 'reservation_expired',
  message: 'The request waited too long and its quota reservation was released; nothing was billed. Send it again.',
};
