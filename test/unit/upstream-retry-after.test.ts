import { describe, expect, it } from 'vitest';
import { DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS, upstreamRetryAfter } from '../../workers/llm/retry-after.js';

describe('the wait a rate-limited upstream asks for (passed on to the client as Retry-After)', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads retry-after-ms, then retry-after in seconds or as an HTTP date, in whole seconds of at least 1', () => {
    expect(upstreamRetryAfter({ 'retry-after-ms': '1500', 'retry-after': '9' }, now)).toBe(2);
    expect(upstreamRetryAfter({ 'retry-after': '17' }, now)).toBe(17);
    expect(upstreamRetryAfter({ 'retry-after': '0.2' }, now)).toBe(1);
    expect(upstreamRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:42 GMT' }, now)).toBe(42);
  });

  it("falls back on OpenAI's x-ratelimit-reset-* (the longer one), then on a default", () => {
    expect(upstreamRetryAfter({ 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s' }, now)).toBe(
      360,
    );
    expect(upstreamRetryAfter({ 'x-ratelimit-reset-tokens': '20ms' }, now)).toBe(1);
    expect(upstreamRetryAfter({}, now)).toBe(DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS);
  });

  it('ignores what it cannot read, and caps what it passes on at an hour', () => {
    expect(upstreamRetryAfter({ 'retry-after': 'soon', 'x-ratelimit-reset-requests': '3 minutes' }, now)).toBe(
      DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS,
    );
    expect(upstreamRetryAfter({ 'retry-after': '-5' }, now)).toBe(DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS);
    expect(upstreamRetryAfter({ 'retry-after': '86400' }, now)).toBe(3600);
    expect(upstreamRetryAfter({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, now)).toBe(1);
  });
});
