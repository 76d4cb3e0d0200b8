import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Principal } from '../../lib/http/principal.js';

interface Entry<T> {
  value: T;
  expires: number;
}

/** A small time-bounded cache (insertion-ordered Map: the oldest entries go first when it is full). */
export function createTtlCache<T>(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string): T | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key: string, value: T): void {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: Date.now() + ttlMs });
    },
    clear: () => entries.clear(),
  };
}

/**
 * The shared credential layer with a short memory for the LLM hot path: a credential seen in the last `ttlMs`
 * is not looked up again (on FerretDB a user lookup costs ~20 ms). A revoked token or key therefore keeps
 * working on these routes for at most `ttlMs`. Credentials are keyed by their SHA-256, never kept in clear.
 */
export function createCachedAuthenticate(authenticate: RequestHandler, ttlMs: number): RequestHandler {
  const cache = createTtlCache<Principal>(ttlMs);
  return async (req, res, next) => {
    const header = req.get('authorization');
    const key = header && ttlMs > 0 ? createHash('sha256').update(header).digest('base64url') : undefined;
    const hit = key ? cache.get(key) : undefined;
    if (hit) {
      req.principal = hit;
      return next();
    }
    let passed = false;
    await authenticate(req, res, (error?: unknown) => {
      if (error) throw error;
      passed = true;
    });
    if (!passed) return;
    if (key && req.principal) cache.set(key, req.principal);
    next();
  };
}
