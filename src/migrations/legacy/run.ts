import { findIndexProblems } from '../../models/unique-indexes.js';
import type { MigrationContext } from './context.js';
import { migrateOrganizations } from './organizations.js';
import { formatReport, type CollectionReport } from './report.js';
import { SURVEYED_MODELS, surveyCollection } from './survey.js';
import { migrateUsers } from './users.js';

/** The collections whose unique indexes the conversion's own writes rely on (unique emails, one membership per user). */
const NEEDED_INDEXES = new Set(['users', 'organization_members']);

/**
 * Takes over a database written by the Python system: users, then organizations (whose members must be users),
 * then a survey of the collections whose Python shapes are unknown. Idempotent and resumable: every converted
 * document carries `legacy_migration` and counts as already current afterwards.
 */
export async function runLegacyMigration(
  ctx: MigrationContext,
): Promise<{ reports: CollectionReport[]; text: string; seconds: number }> {
  const started = Date.now();
  // Creates what is missing (not in a dry run); names unique indexes that old data stops from being built.
  const problems = await findIndexProblems({ create: !ctx.dryRun });
  for (const problem of problems) ctx.log(`index: ${problem.message}`);
  const blocking = problems.filter((problem) => NEEDED_INDEXES.has(problem.collection));
  if (blocking.length && !ctx.dryRun)
    throw new Error(
      `the unique indexes of ${[...new Set(blocking.map((p) => p.collection))].join(', ')} are needed before converting; see above`,
    );

  const reports = [await migrateUsers(ctx), await migrateOrganizations(ctx)];
  for (const model of SURVEYED_MODELS) reports.push(await surveyCollection(ctx, model));
  const seconds = (Date.now() - started) / 1000;
  return { reports, text: formatReport(reports, ctx.dryRun, seconds), seconds };
}
