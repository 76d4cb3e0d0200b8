import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RedisClient } from '../../../lib/redis.js';
import { oauthStateKey } from '../../../../queues/index.js';
import { sha256 } from '../../../lib/hash.js';
import { ONE_TIME_TTL_MS } from './one-time-store.js';

const pendingSignInSchema = z.object({
  provider: z.string(),
  code_challenge: z.string(),
  redirect_uri: z.string(),
  client_state: z.string(),
});
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

/**
 * Pending sign-ins (our OAuth `state`) in RedisClient, keyed by the state's SHA-256 and expiring on their own: an
 * anonymous sign-in start writes nothing to MongoDB. Spending one is a DEL, which exactly one caller wins.
 */
export function createOAuthStateStore({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const key = (state: string) => oauthStateKey(prefix, sha256(state));

  async function create(pending: PendingSignIn): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await redis.set(key(state), JSON.stringify(pending), 'PX', ONE_TIME_TTL_MS);
    return state;
  }

  /** The pending sign-in of a state, or null when unknown, expired or already used. */
  async function find(state: string): Promise<PendingSignIn | null> {
    const raw = await redis.get(key(state));
    const parsed = raw ? pendingSignInSchema.safeParse(JSON.parse(raw)) : undefined;
    return parsed?.success ? parsed.data : null;
  }

  /** True for exactly one caller per state, however many race. */
  async function spend(state: string): Promise<boolean> {
    return (await redis.del(key(state))) === 1;
  }

  return { create, find, spend };
}
export type OAuthStateStore = ReturnType<typeof createOAuthStateStore>;
