import type { AddressCollision } from './collisions.js';

/** What `npm run db:migrate` found and did in one collection. */
export interface CollectionReport {
  collection: string;
  read: number;
  converted: number;
  current: number;
  skipped: number;
  /** Why documents were skipped (left exactly as they were), with counts. */
  skipReasons: Record<string, number>;
  /** Why documents counted as already current (migrated before, created by this service, ...). */
  currentReasons: Record<string, number>;
  /** Defaults applied or values recomputed while converting, with counts. */
  notes: Record<string, number>;
  /** Collections only surveyed (shapes unknown): field names seen in documents of another shape, with counts. */
  fieldsSeen?: Record<string, number>;
  /** Users: addresses more than one account holds case-insensitively (their Python documents are left unconverted). */
  collisions?: AddressCollision[];
}

export const emptyReport = (collection: string): CollectionReport => ({
  collection,
  read: 0,
  converted: 0,
  current: 0,
  skipped: 0,
  skipReasons: {},
  currentReasons: {},
  notes: {},
});

export const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

const n = (value: number) => value.toLocaleString('en-US');
const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([what, count]) => `${n(count)} ${what}`);

export const progressLine = (report: CollectionReport, perSecond: number) =>
  `${report.collection}: ${n(report.read)} read, ${n(report.converted)} converted, ${n(report.current)} already current, ${n(report.skipped)} skipped (${n(Math.round(perSecond))} documents/s)`;

/** The report printed at the end of a run (the same for --dry-run, where "converted" means "would be converted"). */
export function formatReport(reports: CollectionReport[], dryRun: boolean, seconds: number): string {
  const lines = [
    dryRun ? 'db:migrate report (dry run: nothing was written; "converted" = would be converted)' : 'db:migrate report',
  ];
  const width = Math.max(...reports.map((r) => r.collection.length), 10);
  lines.push(
    `  ${'collection'.padEnd(width)}  ${'read'.padStart(9)}  ${'converted'.padStart(9)}  ${'current'.padStart(9)}  ${'skipped'.padStart(9)}`,
  );
  for (const r of reports) {
    lines.push(
      `  ${r.collection.padEnd(width)}  ${n(r.read).padStart(9)}  ${n(r.converted).padStart(9)}  ${n(r.current).padStart(9)}  ${n(r.skipped).padStart(9)}`,
    );
    for (const line of listed(r.currentReasons)) lines.push(`    already current: ${line}`);
    for (const line of listed(r.skipReasons)) lines.push(`    skipped: ${line}`);
    for (const line of listed(r.notes)) lines.push(`    note: ${line}`);
    if (r.fieldsSeen && Object.keys(r.fieldsSeen).length)
      lines.push(`    fields seen in them: ${listed(r.fieldsSeen).slice(0, 30).join(', ')}`);
    for (const c of r.collisions ?? []) lines.push(`    ${collisionLine(c)}`);
  }
  const collisions = collisionCount(reports);
  if (collisions) lines.push(collisionSummary(collisions));
  const total = reports.reduce((sum, r) => sum + r.read, 0);
  lines.push(
    `db:migrate: ${n(total)} documents read in ${seconds.toFixed(1)} s (${n(Math.round(total / Math.max(seconds, 0.001)))} documents/s)`,
  );
  return lines.join('\n');
}

/** Ids only (an address is personal data): the operator looks the accounts up by _id. */
const collisionLine = (c: AddressCollision) =>
  `address collision: ${c.accounts.map((a) => `${a.id} (${a.origin === 'python' ? 'Python' : 'created by this service'})`).join(', ')}; ${c.keeps} keeps the address`;

export const collisionCount = (reports: CollectionReport[]) =>
  reports.reduce((sum, r) => sum + (r.collisions?.length ?? 0), 0);

export const collisionSummary = (count: number) =>
  `db:migrate: ${n(count)} address collision(s): those Python accounts were left unconverted; resolve each as the README says ("Moving from the Python system") and run db:migrate again (exit code 2 until none is left)`;
