import { randomBytes } from 'node:crypto';
import { luaScript } from '../../lib/lua.js';
import type { RedisClient } from '../../lib/redis.js';
import { knownClientKey } from '../../../queues/index.js';
import { sha256 } from '../../lib/hash.js';

/** How the extension sends its token back (the JSON and form sign-ins also take a `known_client_token` field). */
export const KNOWN_CLIENT_HEADER = 'X-Known-Client-Token';
/** The dashboard's browser keeps its token in this httpOnly cookie. */
export const KNOWN_CLIENT_COOKIE = 'aic_known_client';

/** The newest tokens kept per account; an older one is forgotten (its client then counts as new). */
const KEPT_PER_ACCOUNT = 20;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * Adds or renews one token hash (score = its expiry in ms), drops expired ones and all but the newest kept,
 * and lets the whole set expire with its newest member. KEYS[1] set. ARGV now, expires at, member, kept, ttl ms.
 */
const REMEMBER = luaScript(
  'remember',
  `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 0`,
);

/**
 * Known-client tokens (OWASP's device cookies): a client that signed in successfully to an account gets a random
 * token; presenting it on a later sign-in to that account spares that attempt the account-wide failure counter,
 * which strangers rotating addresses can fill, and counts its failures on the token's own counter instead.
 * Stored per account as SHA-256 hashes in one Redis sorted set, each with its own expiry, renewed on use.
 */
export function createKnownClients({
  redis,
  prefix,
  ttlSeconds,
}: {
  redis: RedisClient;
  prefix: string;
  ttlSeconds: number;
}) {
  const setKey = (email: string) => knownClientKey(prefix, sha256(email));

  /** The token's hash when it is a live token of this account; null when absent, malformed, forged, expired or another account's. */
  async function recognize(email: string, token: string | undefined): Promise<string | null> {
    if (!token || !TOKEN_FORMAT.test(token)) return null;
    const hash = sha256(token);
    const expiresAt = await redis.zscore(setKey(email), hash);
    return expiresAt !== null && Number(expiresAt) > Date.now() ? hash : null;
  }

  /** After a successful sign-in: renews the token the client presented (when recognized) or issues a new one. */
  async function remember(email: string, presented: string | undefined, recognized: string | null): Promise<string> {
    const token = recognized && presented ? presented : randomBytes(32).toString('base64url');
    const now = Date.now();
    const ttlMs = ttlSeconds * 1000;
    await REMEMBER.run(redis, [setKey(email)], [now, now + ttlMs, sha256(token), KEPT_PER_ACCOUNT, ttlMs]);
    return token;
  }

  /** Every token of the account stops counting as known (its address just changed hands: see first-email-proof.ts). */
  async function forgetAll(email: string): Promise<void> {
    await redis.del(setKey(email));
  }

  return { recognize, remember, forgetAll, ttlSeconds };
}
export type KnownClients = ReturnType<typeof createKnownClients>;
