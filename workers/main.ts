import { ConfigError, getConfig, warnIfDevelopmentSecret } from '../src/config/index.js';
import { createRoleLogger } from '../src/lib/logger.js';
import { disconnectMongo } from '../src/lib/mongo.js';
import { onShutdown } from '../src/lib/shutdown.js';
import { startWeb } from '../src/server.js';
import { startWorkers } from './index.js';
import { startScheduler } from './scheduler/index.js';

const ROLES = ['worker', 'scheduler', 'all'] as const;
type Role = (typeof ROLES)[number];

/** Entry point of the worker and scheduler roles, and of `all` (web + worker + scheduler in one process). */
async function main(role: Role): Promise<void> {
  const config = getConfig();
  const logger = createRoleLogger(config, { role });
  warnIfDevelopmentSecret(config, logger);
  const stops: Array<() => Promise<void>> = [];
  // Installed before anything starts, so a signal during start-up still stops what is already running.
  onShutdown(logger, async () => {
    for (const stop of stops) await stop();
    await disconnectMongo();
  });
  if (role === 'all') stops.push((await startWeb(config, logger.child({ component: 'web' }))).stop);
  if (role === 'worker' || role === 'all')
    stops.push((await startWorkers(config, logger.child({ component: 'worker' }))).stop);
  if (role === 'scheduler' || role === 'all')
    stops.push((await startScheduler(config, logger.child({ component: 'scheduler' }))).stop);
}

const role = (process.argv[2] ?? 'worker') as Role;
if (!ROLES.includes(role)) {
  process.stderr.write(`unknown role "${role}"; expected one of ${ROLES.join(', ')}\n`);
  process.exit(64);
}
main(role).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`${role} failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
