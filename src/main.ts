import { getConfig, ConfigError, warnIfDevelopmentSecret } from './config/index.js';
import { createRoleLogger } from './lib/logger.js';
import { startWeb, type RunningWeb } from './server.js';
import { disconnectMongo } from './lib/mongo.js';
import { onShutdown } from './lib/shutdown.js';

/** Entry point of the web role alone (Procfile `web`). */
async function main(): Promise<void> {
  const config = getConfig();
  const logger = createRoleLogger(config, { role: 'web' });
  warnIfDevelopmentSecret(config, logger);
  const running: RunningWeb[] = [];
  // Installed before start-up, so a signal that arrives while connecting still ends the process cleanly.
  onShutdown(logger, async () => {
    for (const web of running) await web.stop();
    await disconnectMongo();
  });
  running.push(await startWeb(config, logger));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`web failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
