/**
 * What the benchmark asks of a project's database and usage queue, never on the measured path: the GIN mirrors the
 * service relies on over FerretDB's PostgreSQL, a grown ledger and user table seeded in SQL, PostgreSQL transactions
 * counted from `pg_stat_database`, and the usage queue drained between targets.
 */
import type { RedisClient } from '../../src/lib/redis.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import mongoose from 'mongoose';
import { createLedgerBacklog } from '../../src/domain/quota/ledger-backlog.js';
import { LOCAL_FERRETDB_POSTGRESQL_URL, ensureGinMirrors, psql } from '../lib/ferretdb-postgresql.js';

/** The PostgreSQL database under the local FerretDB, as scripts/db-init.ts chooses it. */
export const FERRETDB_POSTGRESQL_URL = process.env.FERRETDB_POSTGRESQL_URL ?? LOCAL_FERRETDB_POSTGRESQL_URL;

/** Adds the GIN mirrors of the schema's FerretDB indexes (idempotent); a line saying what was done. */
export async function ginMirrors(schema: string): Promise<string> {
  const result = await ensureGinMirrors(FERRETDB_POSTGRESQL_URL, schema);
  if (!result.schemaFound) return `${schema}: no such schema in FerretDB's PostgreSQL: no GIN mirrors`;
  return `${schema}: ${result.created.length} GIN mirrors created, ${result.present} present`;
}

/** The PostgreSQL table FerretDB keeps a collection in. */
async function tableOf(schema: string, collection: string): Promise<string> {
  const table = await psql(
    FERRETDB_POSTGRESQL_URL,
    `SELECT _jsonb->>'table' FROM :"schema"._ferretdb_database_metadata WHERE _jsonb->>'_id' = :'collection';`,
    { schema, collection },
  );
  if (!table.trim()) throw new Error(`no FerretDB table for ${schema}.${collection}`);
  return table.trim();
}

/**
 * Grows a collection by `rows` documents: `template` is written through the driver (so FerretDB stores it as it
 * would), then cloned in PostgreSQL with a new `_id` and `uniqueField` (`filler-<n>`), then the table is ANALYZEd.
 * Seconds, where inserting them through FerretDB takes minutes (test/e2e/ferretdb-gin-indexes.test.ts does the same).
 */
export async function cloneDocuments(
  connection: mongoose.Connection,
  collection: string,
  template: Record<string, unknown>,
  uniqueField: string,
  rows: number,
): Promise<void> {
  const schema = connection.name;
  const marker = `template-${new mongoose.Types.ObjectId().toHexString()}`;
  await connection.collection(collection).insertOne({ ...template, [uniqueField]: marker });
  const table = await tableOf(schema, collection);
  await psql(
    FERRETDB_POSTGRESQL_URL,
    `INSERT INTO :"schema".:"table" (_jsonb)
     SELECT jsonb_set(jsonb_set(t._jsonb, '{_id}', to_jsonb(:'prefix' || lpad(to_hex(i), 16, '0'))),
                      ARRAY[:'field'], to_jsonb(:'prefix' || '-filler-' || i))
       FROM :"schema".:"table" t, generate_series(1, :rows) i
      WHERE t._jsonb->>:'field' = :'marker';
     ANALYZE :"schema".:"table";`,
    {
      schema,
      table,
      field: uniqueField,
      marker,
      rows: String(rows - 1),
      // Eight hex digits unique to this call, so repeated seeds never collide on `_id` or the unique field.
      prefix: marker.slice(-8),
    },
  );
}

/** Committed plus rolled-back transactions of FerretDB's PostgreSQL database so far, or NaN when it cannot be read. */
async function transactionsSoFar(): Promise<number> {
  const out = await psql(
    FERRETDB_POSTGRESQL_URL,
    'SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database();',
  ).catch(() => '');
  return out.trim() ? Number(out.trim()) : Number.NaN;
}

/**
 * A PostgreSQL backend that committed within the last second reports its counters only after 10 idle seconds
 * (PGSTAT_IDLE_INTERVAL), so a reading waits that long once the database is quiet.
 */
const STATS_FLUSH_MS = 10_500;

/**
 * Committed plus rolled-back transactions of FerretDB's PostgreSQL database so far, read once the database has been
 * quiet long enough for every backend to have reported them; NaN when it cannot be read. Each reading is itself one
 * transaction, counted by the next. Counts every client of the database: where tests share FerretDB, theirs too.
 */
export async function quietTransactions(): Promise<number> {
  await sleep(STATS_FLUSH_MS);
  return transactionsSoFar();
}

/** Waits until the usage queue has nothing waiting, delayed or running and the ledger backlog stream is empty. */
export async function drainUsage(
  usage: Queue,
  redis: RedisClient,
  redisPrefix: string,
  timeoutMs = 120_000,
): Promise<{ ms: number; drained: boolean }> {
  const started = Date.now();
  const backlog = createLedgerBacklog({ redis, prefix: redisPrefix });
  while (Date.now() - started < timeoutMs) {
    const counts = await usage.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
    const pending = Object.values(counts).reduce((a, b) => a + b, 0);
    if (pending === 0 && (await backlog.stats()).length === 0) return { ms: Date.now() - started, drained: true };
    await sleep(50);
  }
  return { ms: Date.now() - started, drained: false };
}

/**
 * Grows a project database by `rows` ledger rows and as many users, as months of use would, then makes sure of the
 * GIN mirrors again (their tables were ANALYZEd by the seeding).
 */
export async function growDatabase(connection: mongoose.Connection, rows: number): Promise<void> {
  const at = new Date();
  const userId = new mongoose.Types.ObjectId();
  await cloneDocuments(
    connection,
    'users',
    { password_hash: null, is_active: true, subscription_tier: 'free', tokens_remaining: 0, created_at: at },
    'email',
    rows,
  );
  await cloneDocuments(
    connection,
    'token_usage',
    {
      user_id: userId,
      payer_type: 'user',
      payer_id: userId,
      model: 'gpt-4',
      prompt_tokens: 12,
      completion_tokens: 20,
      total_tokens: 32,
      usage_source: 'counted',
      day: at.toISOString().slice(0, 10),
      created_at: at,
    },
    'request_id',
    rows,
  );
  await ginMirrors(connection.name);
}
