/**
 * `npm run db:migrate [-- --dry-run]`: takes over a database written by the Python system (see the README,
 * "Moving from the Python system"). Safe to run again, and while the service runs.
 */
import { collisionCount, collisionSummary } from '../src/migrations/legacy/report.js';
import { runLegacyMigration } from '../src/migrations/legacy/run.js';
import { createQuotaService } from '../src/domain/quota/service.js';
import { runDatabaseScript } from './lib/run-script.js';

const dryRun = process.argv.includes('--dry-run');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run');

// On the service's Redis (it runs beside the service): its per-document locks, its credential caches (auth epochs),
// and its live quota counters.
runDatabaseScript('db:migrate', 'service-redis', async (config, redis) => {
  if (unknown.length) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --dry-run is understood)`);
  const { reports, text } = await runLegacyMigration({
    plans: config.plans,
    dryRun,
    now: new Date(),
    batchSize: config.DB_MIGRATE_BATCH_SIZE,
    batchDelayMs: config.DB_MIGRATE_BATCH_DELAY_MS,
    quota: dryRun ? null : createQuotaService({ redis, prefix: config.REDIS_PREFIX }),
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
});
