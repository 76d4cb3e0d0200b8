/**
 * `npm run db:init`: creates every collection and index (idempotent; safe on a live database), and on FerretDB over
 * PostgreSQL what makes its lookups use those indexes (scripts/lib/ferretdb-postgresql.ts).
 */
import mongoose from 'mongoose';
import type { Config } from '../src/config/index.js';
import { ALL_MODELS } from '../src/models/index.js';
import { findIndexProblems } from '../src/models/unique-indexes.js';
import { migrateEmbeddedMembers } from '../src/migrations/embedded-members.js';
import { runDatabaseScript } from './lib/run-script.js';
import {
  LOCAL_FERRETDB_POSTGRESQL_URL,
  describePostgresUrl,
  ensureCustomPlans,
  ensureGinMirrors,
} from './lib/ferretdb-postgresql.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The PostgreSQL database under FerretDB: configured, or the one scripts/services.ts uses for a local DATABASE_URL. */
function ferretdbPostgresUrl(config: Config): string | undefined {
  if (config.FERRETDB_POSTGRESQL_URL) return config.FERRETDB_POSTGRESQL_URL;
  const host = new URL(config.DATABASE_URL.replace(/^mongodb(\+srv)?:/, 'http:')).hostname;
  return LOCAL_HOSTS.has(host) ? LOCAL_FERRETDB_POSTGRESQL_URL : undefined;
}

/** One line saying what was done to keep lookups indexed (nothing on MongoDB, which serves them from its indexes). */
async function indexLookupsOnFerretdb(config: Config): Promise<string> {
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  if (!info.ferretdbVersion) return 'MongoDB serves lookups from its own indexes: nothing to add';
  const url = ferretdbPostgresUrl(config);
  if (!url)
    return 'FerretDB, FERRETDB_POSTGRESQL_URL unset: lookups read whole tables until it names its PostgreSQL database';
  const mirrors = await ensureGinMirrors(url, mongoose.connection.name).catch((error: Error) => {
    // Only a configured URL must answer: the local guess is absent when FerretDB runs on SQLite.
    if (config.FERRETDB_POSTGRESQL_URL) throw error;
    return error;
  });
  if (mirrors instanceof Error)
    return `FerretDB, no PostgreSQL answers at ${describePostgresUrl(url)} (SQLite handler?): nothing added`;
  if (!mirrors.schemaFound)
    return `FerretDB, but no schema "${mongoose.connection.name}" in PostgreSQL at ${describePostgresUrl(url)} (another handler or database?): nothing added`;
  const changed = await ensureCustomPlans(url);
  return (
    `FerretDB over PostgreSQL at ${describePostgresUrl(url)}: ${mirrors.created.length} GIN indexes created, ` +
    `${mirrors.present} present; plan_cache_mode=force_custom_plan ` +
    (changed ? 'set now: restart FerretDB so its connections use it' : 'already set')
  );
}

// db:init runs before the first start, and after a deploy beside the running roles (FerretDB's GIN mirrors): its one
// model write, the embedded members' conversion, takes the service's locks whenever its Redis answers.
runDatabaseScript('db:init', 'service-redis-when-up', async (config) => {
  // Creates what is missing, then names every unique index that could not be built (duplicates) and how to fix it.
  const problems = await findIndexProblems({ create: true });
  for (const problem of problems) process.stderr.write(`  ${problem.message}\n`);
  if (problems.length)
    throw new Error(
      `${problems.length} unique index(es) could not be built; resolve what is listed above and run db:init again`,
    );
  for (const model of ALL_MODELS) {
    const indexes = await model.collection.indexes();
    process.stdout.write(`  ${model.collection.collectionName}: ${indexes.map((index) => index.name).join(', ')}\n`);
  }
  const moved = await migrateEmbeddedMembers(config.plans);
  if (moved.members)
    process.stdout.write(
      `  moved ${moved.members} embedded members of ${moved.organizations} organizations to organization_members\n`,
    );
  process.stdout.write(`db:init: ${await indexLookupsOnFerretdb(config)}\n`);
  process.stdout.write(`db:init: ${ALL_MODELS.length} collections ready\n`);
});
