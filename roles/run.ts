import type { Logger } from 'pino';
import { ConfigError, getConfig, warnIfDevelopmentSecret, type Config } from '../src/config/index.js';
import { createRoleLogger } from '../src/lib/logger.js';
import { bindModelWrites } from '../src/lib/model-bindings.js';
import { disconnectMongo } from '../src/lib/mongo.js';
import { createRedis, redisTargetOf } from '../src/lib/redis.js';
import { onShutdown } from '../src/lib/shutdown.js';

/** One part of a role (the web server, the workers, the scheduler): started in order, stopped in the same order. */
export type RolePart = (config: Config, logger: Logger) => Promise<{ stop(): Promise<void> }>;

/**
 * Runs a role in this process, what every entry in roles/ does: the configuration, the role's logger, the
 * development-secret warning, the process's model write bindings (document locks and auth epochs on Redis, bound
 * once and shared by every part: see docs/architecture.md, "Model write bindings"), then each part. SIGTERM or SIGINT
 * stops the parts, then the bindings' connection and MongoDB. A start that fails exits 78 on a configuration error,
 * 1 otherwise. Resolves once every part has started.
 */
export function runRole(role: string, parts: Record<string, RolePart>): Promise<void> {
  return start(role, parts).catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${role} failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  });
}

async function start(role: string, parts: Record<string, RolePart>): Promise<void> {
  const config = getConfig();
  const logger = createRoleLogger(config, { role });
  warnIfDevelopmentSecret(config, logger);
  // Its own connection, which no readiness check waits for: a lock or an epoch bump made while it still connects
  // waits for it (the offline queue) instead of failing; once connected, an outage fails writes after one retry.
  const redis = createRedis(redisTargetOf(config), { enableOfflineQueue: true });
  redis.on('error', (error) => logger.debug({ err: error.message }, 'redis error'));
  bindModelWrites({ redis, prefix: config.REDIS_PREFIX });
  const stops: Array<() => Promise<void>> = [];
  // Installed before anything starts, so a signal during start-up still stops what is already running.
  onShutdown(logger, async () => {
    for (const stop of stops) await stop();
    redis.disconnect();
    await disconnectMongo();
  });
  const several = Object.keys(parts).length > 1;
  for (const [component, startPart] of Object.entries(parts))
    stops.push((await startPart(config, several ? logger.child({ component }) : logger)).stop);
}
