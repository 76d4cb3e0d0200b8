import mongoose from 'mongoose';
import { ConfigError, getConfig, type Config } from '../../src/config/index.js';
import { bindModelWrites, bindModelWritesForScriptAlone } from '../../src/lib/model-bindings.js';
import { connectMongo, disconnectMongo } from '../../src/lib/mongo.js';
import { createRedis, redisTargetOf, type RedisClient } from '../../src/lib/redis.js';

/**
 * How a database script's model writes are bound (src/lib/model-bindings.ts), said by each script:
 * - `service-redis`: it may run beside the service, so it takes the service's document locks and bumps its auth
 *   epochs, on the service's Redis (which must answer);
 * - `service-redis-when-up`: as `service-redis` when the service's Redis answers (the script may run beside the
 *   service, as db:init after a deploy); otherwise it runs alone, unlocked: no role can write a model without that
 *   Redis (every such write takes a document lock or bumps an epoch there), so there is nothing to lock against;
 * - `runs-alone`: it runs before the service's first start or with every role stopped, without Redis: unlocked.
 */
export type ScriptWrites = 'service-redis' | 'service-redis-when-up' | 'runs-alone';

/** Runs a database script: validated config, one connection, its writes bound, a one-line message on failure. */
export function runDatabaseScript(
  name: string,
  writes: 'service-redis',
  main: (config: Config, redis: RedisClient) => Promise<void>,
): void;
export function runDatabaseScript(
  name: string,
  writes: 'service-redis-when-up' | 'runs-alone',
  main: (config: Config) => Promise<void>,
): void;
export function runDatabaseScript(
  name: string,
  writes: ScriptWrites,
  main: (config: Config, redis: RedisClient) => Promise<void>,
): void {
  const run = async () => {
    const config = getConfig();
    // Commands wait for the connection instead of failing while it is made; the ping says at once if none answers.
    const redis = writes === 'runs-alone' ? null : createRedis(redisTargetOf(config), { enableOfflineQueue: true });
    // The ping says whether it answers; reconnection attempts are not worth a line each.
    redis?.on('error', () => undefined);
    try {
      const answers = await redis?.ping().then(
        () => true,
        (error: unknown) => {
          if (writes === 'service-redis') throw error;
          return false;
        },
      );
      if (redis && answers) bindModelWrites({ redis, prefix: config.REDIS_PREFIX });
      else {
        if (redis) {
          redis.disconnect();
          process.stdout.write(`${name}: Redis does not answer, so no role can write: running alone\n`);
        }
        bindModelWritesForScriptAlone();
      }
      await connectMongo(config.DATABASE_URL);
      try {
        // Host and database only: DATABASE_URL may carry credentials.
        process.stdout.write(
          `${name}: database "${mongoose.connection.name}" on ${mongoose.connection.host}:${mongoose.connection.port}\n`,
        );
        // Null only when the script's main takes the config alone.
        await main(config, redis as RedisClient);
      } finally {
        await disconnectMongo();
      }
    } finally {
      redis?.disconnect();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  });
}
