import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../../../lib/redis.js';
import { adminSessionKey } from '../../../../queues/index.js';

export interface AdminSession {
  user_id: string;
  /** The user's token_version at sign-in: a password change or deactivation ends the session. */
  ver: number;
  /** The user-visible session (GET /auth/sessions) this sign-in is; ending it there signs the browser out. */
  sid?: string;
}

/** Dashboard sessions live in Redis (any API process can serve the next request); the cookie holds a random id only. */
export function createAdminSessions({
  redis,
  prefix,
  ttlSeconds,
}: {
  redis: RedisClient;
  prefix: string;
  ttlSeconds: number;
}) {
  const key = (id: string) => adminSessionKey(prefix, createHash('sha256').update(id).digest('hex'));

  async function create(session: AdminSession): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await redis.set(key(id), JSON.stringify(session), 'EX', ttlSeconds);
    return id;
  }

  async function read(id: string | undefined): Promise<AdminSession | null> {
    if (!id || id.length > 100) return null;
    const raw = await redis.get(key(id));
    return raw ? (JSON.parse(raw) as AdminSession) : null;
  }

  async function destroy(id: string | undefined): Promise<void> {
    if (id && id.length <= 100) await redis.del(key(id));
  }

  return { create, read, destroy, ttlSeconds };
}
export type AdminSessions = ReturnType<typeof createAdminSessions>;
