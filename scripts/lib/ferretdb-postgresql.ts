/**
 * What keeps lookups on FerretDB over PostgreSQL served by an index (../../docs and NOTES: "Every lookup scans the
 * table"). FerretDB 1.24 filters by equality with `_jsonb->$1 @> $2` while its own indexes are btree on
 * `(_jsonb -> 'field')`, which cannot serve `@>`: every find by `_id` or by a unique field reads the whole table.
 * Two things fix that, both needed:
 * - a GIN index on the same expressions beside each btree index FerretDB created;
 * - `plan_cache_mode = force_custom_plan` on the database: FerretDB prepares its statements with the field name as
 *   a parameter, and only a custom plan sees the constant that matches the index expression. It applies to new
 *   connections, so FerretDB must (re)start after it is set.
 * Talks to PostgreSQL with `psql` (the client FerretDB's own setup uses), so the service needs no driver for it.
 */
import { execFile } from 'node:child_process';

/** Where scripts/services.ts runs FerretDB's PostgreSQL handler when it starts FerretDB itself. */
export const LOCAL_FERRETDB_POSTGRESQL_URL = 'postgres://postgres@127.0.0.1:5432/ferretdb';

/** Runs SQL (from stdin, so psql meta-commands and variables work) and returns the unaligned, tuples-only output. */
export function psql(url: string, sql: string, variables: Record<string, string> = {}): Promise<string> {
  const args = [url, '-X', '-q', '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1'];
  for (const [name, value] of Object.entries(variables)) args.push('-v', `${name}=${value}`);
  return new Promise((resolve, reject) => {
    const child = execFile('psql', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`psql: ${(stderr || error.message).trim().split('\n')[0]}`));
      else resolve(stdout);
    });
    child.stdin?.end(sql);
  });
}

/** The URL without credentials, for messages. */
export const describePostgresUrl = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
};

/**
 * Sets `plan_cache_mode = force_custom_plan` on the URL's database (idempotent). Returns whether it changed: then
 * FerretDB's open connections still plan generically until FerretDB restarts.
 */
export async function ensureCustomPlans(url: string): Promise<boolean> {
  const current = await psql(
    url,
    `SELECT coalesce(array_to_string(setconfig, ','), '') FROM pg_db_role_setting
      WHERE setrole = 0 AND setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database());`,
  );
  if (current.split(',').some((setting) => setting.trim() === 'plan_cache_mode=force_custom_plan')) return false;
  await psql(
    url,
    `DO $$ BEGIN
       EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
     END $$;`,
  );
  return true;
}

/**
 * For each btree index FerretDB made on `(_jsonb -> 'field')` expressions in the schema (the MongoDB database), the
 * GIN index on the same expressions it needs, named after it (`…_idx` -> `…_gin`, so names are deterministic and
 * unique as FerretDB's are). A compound index gets one multicolumn GIN: it serves an equality on any subset of its
 * fields as well as one index per field would. `state` is `missing`, `invalid` (a concurrent build that failed) or
 * `valid`. Tables past BUILD_CONCURRENTLY_ROWS are indexed CONCURRENTLY, so a live service keeps writing to them
 * meanwhile; smaller ones take a plain build (milliseconds, where a concurrent one costs about half a second each).
 */
const MIRRORS_SQL = `
SELECT mirror.name, t.relname,
       CASE WHEN m.oid IS NULL THEN 'missing' WHEN mi.indisvalid THEN 'valid' ELSE 'invalid' END,
       format('CREATE INDEX %s IF NOT EXISTS %I ON %I.%I USING gin (%s)',
              CASE WHEN t.reltuples > :rows THEN 'CONCURRENTLY' ELSE '' END, mirror.name, n.nspname, t.relname,
              string_agg(pg_get_indexdef(ix.indexrelid, k, true), ', ' ORDER BY k))
  FROM pg_index ix
  JOIN pg_class ic ON ic.oid = ix.indexrelid
  JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  CROSS JOIN LATERAL generate_series(1, ix.indnkeyatts) k
  CROSS JOIN LATERAL (SELECT regexp_replace(ic.relname, '_idx$', '_gin') AS name) mirror
  LEFT JOIN pg_class m ON m.relname = mirror.name AND m.relnamespace = n.oid
  LEFT JOIN pg_index mi ON mi.indexrelid = m.oid
 WHERE n.nspname = :'schema' AND t.relname NOT LIKE '\\_ferretdb\\_%' AND ic.relname LIKE '%\\_idx'
 GROUP BY mirror.name, n.nspname, t.relname, t.reltuples, m.oid, mi.indisvalid
HAVING bool_and(pg_get_indexdef(ix.indexrelid, k, true) ~ '^\\(_jsonb (->|#>) ')
 ORDER BY t.relname, mirror.name;`;

const BUILD_CONCURRENTLY_ROWS = 100_000;

export interface GinMirrorResult {
  /** False when PostgreSQL has no such schema: the database is not FerretDB's on this PostgreSQL. */
  schemaFound: boolean;
  created: string[];
  present: number;
}

/** Quotes an identifier for SQL (names come from the catalog, but a MongoDB database name may hold `-`). */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the missing GIN mirrors of the schema's FerretDB indexes (idempotent), then ANALYZEs the tables that got
 * one so the planner knows their expressions. One psql session runs them all.
 */
export async function ensureGinMirrors(url: string, schema: string): Promise<GinMirrorResult> {
  const found = await psql(url, `SELECT count(*) FROM pg_namespace WHERE nspname = :'schema';`, { schema });
  if (found.trim() !== '1') return { schemaFound: false, created: [], present: 0 };
  const rows = (await psql(url, MIRRORS_SQL, { schema, rows: String(BUILD_CONCURRENTLY_ROWS) }))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name = '', table = '', state = '', create = ''] = line.split('\t');
      return { name, table, state, create };
    });
  const todo = rows.filter((row) => row.state !== 'valid');
  if (todo.length) {
    const statements = [
      // A failed concurrent build leaves an invalid index under the name; IF NOT EXISTS would keep it forever.
      ...todo
        .filter((row) => row.state === 'invalid')
        .map((row) => `DROP INDEX CONCURRENTLY IF EXISTS ${ident(schema)}.${ident(row.name)};`),
      ...todo.map((row) => `${row.create};`),
      ...[...new Set(todo.map((row) => row.table))].map((table) => `ANALYZE ${ident(schema)}.${ident(table)};`),
    ];
    await psql(url, statements.join('\n'));
  }
  return { schemaFound: true, created: todo.map((row) => row.name), present: rows.length - todo.length };
}
