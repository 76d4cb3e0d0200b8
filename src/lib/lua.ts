import type { RedisClient } from './redis.js';
import { createHash } from 'node:crypto';

export interface LuaScript {
  run(redis: RedisClient, keys: string[], args: Array<string | number>): Promise<unknown>;
}

/**
 * A Lua script sent by SHA (one short command per call), loaded on the first NOSCRIPT. The name opens the source
 * as a comment, so SCRIPT and MONITOR output (and the benchmark's counts) say which script ran.
 */
export function luaScript(name: string, body: string): LuaScript {
  const source = `-- ${name}\n${body}`;
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        return redis.eval(source, keys.length, ...keys, ...args);
      }
    },
  };
}
