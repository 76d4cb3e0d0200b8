import type { Logger } from 'pino';
import { ConfigError, getConfig, warnIfDevelopmentSecret, type Config } from '../src/config/index.js';
import { createRoleLogger } from '../src/lib/logger.js';
import { disconnectMongo } from '../src/lib/mongo.js';
import { onShutdown } from '../src/lib/shutdown.js';

/** One part of a role (the web server, the workers, the scheduler): started in order, stopped in the same order. */
export type RolePart = (config: Config, logger: Logger) => Promise<{ stop(): Promise<void> }>;

/**
 * Runs a role in this process, what every entry in roles/ does: the configuration, the role's logger, the
 * development-secret warning, then each part. SIGTERM or SIGINT stops the parts, then MongoDB. A start that fails
 * exits 78 on a configuration error, 1 otherwise. Resolves once every part has started.
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
  const stops: Array<() => Promise<void>> = [];
  // Installed before anything starts, so a signal during start-up still stops what is already running.
  onShutdown(logger, async () => {
    for (const stop of stops) await stop();
    await disconnectMongo();
  });
  const several = Object.keys(parts).length > 1;
  for (const [component, startPart] of Object.entries(parts))
    stops.push((await startPart(config, several ? logger.child({ component }) : logger)).stop);
}
