/** `npm run db:init`: creates every collection and index (idempotent; safe on a live database). */
import { ALL_MODELS, initCollections } from '../src/models/index.js';
import { migrateEmbeddedMembers } from '../src/modules/organizations/migrate-members.js';
import { runDatabaseScript } from './lib/run-script.js';

runDatabaseScript('db:init', async () => {
  await initCollections();
  for (const model of ALL_MODELS) {
    const indexes = await model.collection.indexes();
    process.stdout.write(`  ${model.collection.collectionName}: ${indexes.map((index) => index.name).join(', ')}\n`);
  }
  const moved = await migrateEmbeddedMembers();
  if (moved.members) process.stdout.write(`  moved ${moved.members} embedded members of ${moved.organizations} organizations to organization_members\n`);
  process.stdout.write(`db:init: ${ALL_MODELS.length} collections ready\n`);
});
