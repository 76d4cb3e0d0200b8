/** `npm run db:init`: creates every collection and index (idempotent; safe on a live database). */
import { ALL_MODELS } from '../src/models/index.js';
import { findIndexProblems } from '../src/models/unique-indexes.js';
import { migrateEmbeddedMembers } from '../src/modules/organizations/migrate-members.js';
import { runDatabaseScript } from './lib/run-script.js';

runDatabaseScript('db:init', async (config) => {
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
  process.stdout.write(`db:init: ${ALL_MODELS.length} collections ready\n`);
});
