import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_LIST, shouldRetry, statusesOf, type ErrorCode } from '../../src/lib/error-codes.js';
import { AppError, BadRequestError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../src/lib/errors.js';
import { SseParser } from '../../src/lib/sse.js';

describe('the error catalog', () => {
  it('lists every code once, in snake_case, each with a description and HTTP error statuses', () => {
    expect(new Set(ERROR_CODE_LIST).size).toBe(ERROR_CODE_LIST.length);
    for (const code of ERROR_CODE_LIST) {
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      expect(ERROR_CODES[code].description.length, code).toBeGreaterThan(3);
      for (const status of statusesOf(code)) {
        expect(status, code).toBeGreaterThanOrEqual(400);
        expect(status, code).toBeLessThan(600);
      }
    }
  });

  it.each([
    ['validation_error', 400, false],
    ['invalid_token', 401, false],
    ['forbidden', 403, false],
    ['not_found', 404, false],
    ['conflict', 409, false],
    ['payload_too_large', 413, false],
    ['rate_limit_exceeded', 429, true],
    ['upstream_rate_limited', 429, true],
    ['insufficient_quota', 429, false],
    ['internal_error', 500, true],
    ['upstream_error', 502, true],
    ['upstream_auth_error', 502, false],
    ['service_unavailable', 503, true],
    ['billing_not_configured', 503, false],
    ['mail_disabled', 503, false],
    ['upstream_timeout', 504, true],
  ] as const)('%s (%i) is retryable: %s', (code, status, retry) => {
    expect(statusesOf(code)).toContain(status);
    expect(shouldRetry(code, status)).toBe(retry);
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [599, true],
    [400, false],
    [404, false],
    [499, false],
  ])('a code without its own rule is retryable at %i: %s', (status, retry) => {
    expect(shouldRetry('internal_error', status)).toBe(retry);
  });

  it('marks as not retryable only codes a client retries by status (429, 5xx)', () => {
    for (const code of ERROR_CODE_LIST) {
      const spec: { status: readonly number[]; retry?: boolean } = ERROR_CODES[code];
      if (spec.retry === false)
        expect(
          spec.status.every((s) => s === 429 || s >= 500),
          code,
        ).toBe(true);
    }
  });

  it.each([
    [() => new BadRequestError('x'), 400, 'invalid_request'],
    [() => new BadRequestError('x', { code: 'invalid_range' }), 400, 'invalid_range'],
    [() => new UnauthorizedError(), 401, 'invalid_credentials'],
    [() => new UnauthorizedError('expired', 'token_expired'), 401, 'token_expired'],
    [() => new ForbiddenError(), 403, 'forbidden'],
    [() => new ForbiddenError('no', 'admin_required'), 403, 'admin_required'],
    [() => new NotFoundError('Organization'), 404, 'not_found'],
  ] as const)('typed error %# answers a status its catalog code allows', (make, status, code) => {
    const error: AppError = make();
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(ERROR_CODES[error.code as ErrorCode].status).toContain(error.status);
  });

  it('names what was not found, and asks for a bearer token on 401', () => {
    expect(new NotFoundError('Organization').message).toBe('Organization not found');
    expect(new UnauthorizedError().extra.headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
    expect(new ForbiddenError().name).toBe('ForbiddenError');
  });
});

describe('SSE framing', () => {
  const parse = (text: string) => {
    const parser = new SseParser();
    return [...parser.push(text), ...parser.end()];
  };

  it.each([
    ['a plain event', 'data: hi\n\n', [{ data: 'hi' }]],
    ['no space after the colon', 'data:hi\n\n', [{ data: 'hi' }]],
    ['only one leading space is removed', 'data:  hi\n\n', [{ data: ' hi' }]],
    ['an empty data line', 'data\n\n', [{ data: '' }]],
    ['data: with nothing after', 'data:\n\n', [{ data: '' }]],
    ['several data lines join with newlines', 'data: a\ndata: b\ndata: c\n\n', [{ data: 'a\nb\nc' }]],
    ['a colon inside the value is kept', 'data: {"a":"b:c"}\n\n', [{ data: '{"a":"b:c"}' }]],
    [
      'an event name applies to its event only',
      'event: x\ndata: 1\n\ndata: 2\n\n',
      [{ data: '1', event: 'x' }, { data: '2' }],
    ],
    [
      'an id applies to later events too',
      'id: 7\ndata: 1\n\ndata: 2\n\n',
      [
        { data: '1', id: '7' },
        { data: '2', id: '7' },
      ],
    ],
    ['an id with NUL is ignored', 'id: 1\0\ndata: x\n\n', [{ data: 'x' }]],
    ['an event without data dispatches nothing', 'event: ping\n\ndata: x\n\n', [{ data: 'x' }]],
    ['comments are ignored', ': keep-alive\n\n: again\ndata: x\n\n', [{ data: 'x' }]],
    ['unknown fields are ignored', 'retry: 100\nfoo: bar\ndata: x\n\n', [{ data: 'x' }]],
    ['a field name is case-sensitive', 'Data: x\n\n', []],
    ['blank lines alone dispatch nothing', '\n\n\r\n\r\r', []],
    ['an empty body has no events', '', []],
    ['a last event without its blank line still counts', 'data: last', [{ data: 'last' }]],
    ['a CR at the very end of the body ends its line', 'data: x\r', [{ data: 'x' }]],
  ])('%s', (_name, text, events) => {
    expect(parse(text)).toEqual(events);
  });

  it('waits for a CR split from its LF, so CRLF is one line end', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\ndata: b\r\n\r\n')).toEqual([{ data: 'a\nb' }]);
  });

  it('dispatches nothing for data after the last blank line until the body ends', () => {
    const parser = new SseParser();
    expect(parser.push('data: 1\n\ndata: 2\n')).toEqual([{ data: '1' }]);
    expect(parser.end()).toEqual([{ data: '2' }]);
  });
});
