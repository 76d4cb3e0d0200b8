import type { Config } from '../config/index.js';
import { MEMBERSHIPS_NOTE, migrateOrganizations } from './legacy/organizations.js';

/**
 * Converts organizations the Python system wrote (an embedded `members` array) as `npm run db:migrate` does:
 * members into `organization_members`, owner_id deciding the owner, the array kept in `legacy_migration`.
 * Idempotent; db:init runs it before the first start, without Redis, under the script-alone model write bindings
 * (nothing is running yet to lock against, and no cache to invalidate).
 */
export async function migrateEmbeddedMembers(
  plans: Config['plans'],
): Promise<{ organizations: number; members: number }> {
  const report = await migrateOrganizations({
    plans,
    dryRun: false,
    now: new Date(),
    batchSize: 500,
    batchDelayMs: 0,
    quota: null,
    redis: null,
    log: () => undefined,
  });
  return { organizations: report.converted, members: report.notes[MEMBERSHIPS_NOTE] ?? 0 };
}
