import type { RedisClient } from '../../lib/redis.js';
import { llmKeys } from '../../../queues/index.js';

/**
 * Request bodies live in their own Redis key, not in the llm job: a job (kept a while after it completes, and
 * shown on the queue dashboard) carries who and what, never the prompt. The key lives while the request may
 * still run (a retried job reads it again) and is dropped when the request ends; its expiry outlives the
 * request's status by a margin, so while a status exists its prompt does too.
 */
export function createPromptStore({
  redis,
  prefix,
  ttlSeconds,
}: {
  redis: RedisClient;
  prefix: string;
  ttlSeconds: number;
}) {
  const keys = llmKeys(prefix);
  const ttl = ttlSeconds + 60;

  /** The body as stored, and its size in UTF-8 bytes (what a worker budgets before loading it). */
  function encode(body: Record<string, unknown>): { json: string; bytes: number } {
    const json = JSON.stringify(body);
    return { json, bytes: Buffer.byteLength(json) };
  }

  async function save(id: string, json: string): Promise<void> {
    await redis.set(keys.prompt(id), json, 'EX', ttl);
  }

  async function load(id: string): Promise<Record<string, unknown> | null> {
    const json = await redis.get(keys.prompt(id));
    return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
  }

  /** Pushes the expiry back for requests still running (called periodically by the worker). */
  async function keep(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await Promise.all(ids.map((id) => redis.expire(keys.prompt(id), ttl)));
  }

  async function drop(id: string): Promise<void> {
    await redis.del(keys.prompt(id));
  }

  return { encode, save, load, keep, drop, ttlSeconds: ttl };
}
export type PromptStore = ReturnType<typeof createPromptStore>;
