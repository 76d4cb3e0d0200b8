import type { RedisClient } from './redis.js';
import { luaScript } from './lua.js';

/** One counter of a fixed-window limit: its Redis key and the most hits it allows per window. */
export interface WindowCounter {
  key: string;
  max: number;
}

/**
 * Counts one hit on every counter, each in a fixed window that expires on its own; returns 0 when all are within
 * their max, else the most seconds left among those over it. Refused hits count too, which cannot stretch a
 * window (its expiry is set once). KEYS counters. ARGV the max of each, then the window in seconds.
 */
const HIT = luaScript(
  'hit-windows',
  `
local window = tonumber(ARGV[#KEYS + 1])
local wait = 0
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  local ttl = redis.call('TTL', KEYS[i])
  if ttl < 0 then
    redis.call('EXPIRE', KEYS[i], window)
    ttl = window
  end
  if count > tonumber(ARGV[i]) and ttl > wait then wait = ttl end
end
return wait`,
);

/** Seconds to wait when a counter is over its max (the Retry-After), else 0. */
export async function hitWindows(
  redis: RedisClient,
  counters: WindowCounter[],
  windowSeconds: number,
): Promise<number> {
  return Number(
    await HIT.run(
      redis,
      counters.map((c) => c.key),
      [...counters.map((c) => c.max), windowSeconds],
    ),
  );
}
