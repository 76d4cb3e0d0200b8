import type { IncomingHttpHeaders } from 'node:http';

/** What a client is told to wait when a rate-limited upstream named no wait of its own. */
export const DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS = 5;
const MAX_RETRY_AFTER_SECONDS = 3600;

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** OpenAI's `x-ratelimit-reset-*` durations: `1s`, `6m0s`, `20ms`, `1h2m3.5s`. */
function durationSeconds(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return undefined;
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 } as const;
  return parts.reduce((sum, [, amount, u]) => sum + Number(amount) * unit[u as keyof typeof unit], 0);
}

function retryAfterHeader(text: string | undefined, now: number): number | undefined {
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  // An HTTP date names its day and month (Date.parse would also take "-5" as a year).
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : (date - now) / 1000;
}

/**
 * The seconds a 429 from an upstream asks callers to wait, from its `retry-after-ms`, `retry-after` (seconds or an
 * HTTP date) or OpenAI's `x-ratelimit-reset-requests` / `-tokens` (the longer one), else a default; whole seconds,
 * at least 1.
 */
export function upstreamRetryAfter(headers: IncomingHttpHeaders, now = Date.now()): number {
  const ms = Number(header(headers, 'retry-after-ms'));
  const resets = [header(headers, 'x-ratelimit-reset-requests'), header(headers, 'x-ratelimit-reset-tokens')]
    .map(durationSeconds)
    .filter((s): s is number => s !== undefined);
  const seconds =
    (Number.isFinite(ms) && ms > 0 ? ms / 1000 : undefined) ??
    retryAfterHeader(header(headers, 'retry-after'), now) ??
    (resets.length ? Math.max(...resets) : undefined) ??
    DEFAULT_UPSTREAM_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}
