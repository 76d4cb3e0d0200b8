/**
 * `npm run db:migrate [-- --dry-run]`: takes over a database written by the Python system (see the README,
 * "Moving from the Python system"). Safe to run again, and while the service runs.
 */
import { createAuthEpochs } from '../src/lib/auth-epochs.js';
import { createLocks } from '../src/lib/locks.js';
import { createRedis, redisTargetOf } from '../src/lib/redis.js';
import { collisionCount, collisionSummary } from '../src/migrations/legacy/report.js';
import { runLegacyMigration } from '../src/migrations/legacy/run.js';
import { createQuotaService } from '../src/shared/quota/service.js';
import { runDatabaseScript } from './lib/run-script.js';

const dryRun = process.argv.includes('--dry-run');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run');

runDatabaseScript('db:migrate', async (config) => {
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --dry-run is understood)`);
  // Redis: the per-document locks the running service takes, its credential caches, and its live quota counters.
  const redis = createRedis(redisTargetOf(config), { enableOfflineQueue: true });
  try {
    await redis.ping();
    const prefix = config.REDIS_PREFIX;
    const { reports, text } = await runLegacyMigration({
      plans: config.plans,
      dryRun,
      now: new Date(),
      batchSize: config.DB_MIGRATE_BATCH_SIZE,
      batchDelayMs: config.DB_MIGRATE_BATCH_DELAY_MS,
      locks: dryRun ? null : createLocks({ redis, prefix }),
      epochs: dryRun ? null : createAuthEpochs({ redis, prefix }),
      quota: dryRun ? null : createQuotaService({ redis, prefix }),
      redis: dryRun ? null : redis,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${text}\n`);
    // One machine-readable line for scripts and tests.
    process.stdout.write(`db:migrate summary ${JSON.stringify({ dry_run: dryRun, collections: reports })}\n`);
    // Loud: a collision needs the operator, so a script chaining db:migrate and the start stops here.
    const collisions = collisionCount(reports);
    if (collisions) {
      process.stderr.write(`${collisionSummary(collisions)}\n`);
      process.exitCode = 2;
    }
  } finally {
    redis.disconnect();
  }
});
