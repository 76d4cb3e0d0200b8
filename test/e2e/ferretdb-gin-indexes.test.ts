import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { throwawayFerretDbOnPostgres, type Throwaway } from '../helpers/processes.js';
import { waitFor } from '../helpers/wait.js';
import { registerVerified } from '../factories/users.js';
import { ApiKeyModel, RefreshTokenModel, TokenUsageModel, UserModel } from '../../src/models/index.js';
import { apiKeyCacheKey } from '../../queues/index.js';
import { hashApiKey } from '../../src/modules/api-keys/format.js';
import {
  LOCAL_FERRETDB_POSTGRESQL_URL,
  ensureCustomPlans,
  ensureGinMirrors,
  psql,
} from '../../scripts/lib/ferretdb-postgresql.js';

/**
 * On FerretDB over PostgreSQL, the lookups of sign-in, refresh, API key authentication and settlement are served by
 * an index once db:init's recipe is applied (GIN mirrors + force_custom_plan), and scan the table without it.
 * Runs its own FerretDB on its own PostgreSQL database: counters are read from `pg_stat_user_tables` after that
 * FerretDB stops, because a PostgreSQL backend reports its counters only when idle for a while or when it exits.
 */
const ROWS = 50_000;
const LOOKUPS = 3;
const CONNECTED_CLIENTS_SQL = `SELECT count(*) FROM pg_stat_activity
  WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid();`;
const TABLES = ['users', 'refresh_tokens', 'api_keys', 'token_usage'] as const;
type Collection = (typeof TABLES)[number];
type Counters = Record<Collection, { seq: number; idx: number }>;

const postgresServer = new URL(process.env.FERRETDB_POSTGRESQL_URL ?? LOCAL_FERRETDB_POSTGRESQL_URL);
const adminUrl = Object.assign(new URL(postgresServer), { pathname: '/postgres' }).toString();
const postgresAnswers = await psql(adminUrl, 'SELECT 1;').then(
  () => true,
  () => false,
);

describe.skipIf(!postgresAnswers)('FerretDB over PostgreSQL: lookups stay indexed as collections grow', () => {
  const id = randomBytes(5).toString('hex');
  const pgDatabase = `aicoder_gin_${id}`;
  const pgUrl = Object.assign(new URL(postgresServer), { pathname: `/${pgDatabase}` }).toString();
  const schema = `test_${id}`;
  let ferretdb: Throwaway;
  let app: TestApp;
  let account: Awaited<ReturnType<typeof registerVerified>>;
  let apiKey: string;
  /** Each refresh rotates it. */
  let refreshToken: string;
  let ledgerRow: { _id: mongoose.Types.ObjectId; request_id: string };
  let tables: Record<Collection, string>;

  beforeAll(async () => {
    await psql(adminUrl, `CREATE DATABASE :"db";`, { db: pgDatabase });
    // What scripts/services.ts does before it starts FerretDB.
    await ensureCustomPlans(pgUrl);
    ferretdb = await throwawayFerretDbOnPostgres(pgUrl);
    await ferretdb.start();
    app = await startTestApp({ DATABASE_URL: `mongodb://127.0.0.1:${ferretdb.port}/${schema}` });
    account = await registerVerified(app);
    const created = await app.request
      .post('/api-keys')
      .set(account.auth)
      .send({ name: 'laptop', scopes: ['account:read'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    apiKey = created.body.key as string;
    refreshToken = account.refreshToken;
    ledgerRow = await seed();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await ferretdb?.cleanup();
    await psql(adminUrl, `DROP DATABASE IF EXISTS :"db" WITH (FORCE);`, { db: pgDatabase });
  });

  /** Each collection's unique field, different in every filler row. */
  const UNIQUE_FIELD: Record<Collection, string> = {
    users: 'email',
    refresh_tokens: 'token_hash',
    api_keys: 'key_hash',
    token_usage: 'request_id',
  };

  /**
   * ROWS documents in each collection: one written through the driver, cloned in PostgreSQL with a new `_id` and
   * unique field (seconds, where inserting them through FerretDB takes minutes on a shared machine). Returns a
   * ledger row from the middle of the table.
   */
  async function seed() {
    const userId = new mongoose.Types.ObjectId(account.user.id);
    const at = new Date();
    const template: Record<Collection, Record<string, unknown>> = {
      users: { email: 'template', password_hash: 'x', is_active: true, created_at: at },
      refresh_tokens: { token_hash: 'template', user_id: userId, family_id: 'template', expires_at: at },
      api_keys: { key_hash: 'template', user_id: userId, scopes: ['llm'], created_at: at },
      token_usage: { request_id: 'template', user_id: userId, payer_id: userId, created_at: at },
    };
    const models = {
      users: UserModel,
      refresh_tokens: RefreshTokenModel,
      api_keys: ApiKeyModel,
      token_usage: TokenUsageModel,
    };
    for (const name of TABLES) await models[name].collection.insertOne(template[name]);
    tables = await tableNames();
    for (const name of TABLES) {
      await psql(
        pgUrl,
        `INSERT INTO :"schema".:"table" (_jsonb)
         SELECT jsonb_set(jsonb_set(t._jsonb, '{_id}', to_jsonb('ee' || lpad(to_hex(i), 22, '0'))),
                          ARRAY[:'field'], to_jsonb('filler-' || i))
           FROM :"schema".:"table" t, generate_series(1, :rows) i
          WHERE t._jsonb->>:'field' = 'template';`,
        { schema, table: tables[name], field: UNIQUE_FIELD[name], rows: String(ROWS - 1) },
      );
    }
    const row = await TokenUsageModel.collection.findOne({ request_id: `filler-${ROWS / 2}` });
    return { _id: row!._id as mongoose.Types.ObjectId, request_id: `filler-${ROWS / 2}` };
  }

  async function tableNames(): Promise<Record<Collection, string>> {
    const rows = await psql(
      pgUrl,
      `SELECT _jsonb->>'_id', _jsonb->>'table' FROM :"schema"._ferretdb_database_metadata;`,
      {
        schema,
      },
    );
    const byCollection = new Map(rows.split('\n').map((line) => line.split('\t') as [string, string]));
    return Object.fromEntries(TABLES.map((name) => [name, byCollection.get(name)!])) as Record<Collection, string>;
  }

  /** Stops FerretDB and waits until its PostgreSQL backends have exited: exiting is when they report their counters. */
  async function stopFerretDb(): Promise<void> {
    await ferretdb.kill();
    await waitFor(async () => (await psql(pgUrl, CONNECTED_CLIENTS_SQL)).trim() === '0', 'FerretDB backends to exit');
  }

  async function counters(): Promise<Counters> {
    const rows = await psql(
      pgUrl,
      `SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE schemaname = :'schema';`,
      { schema },
    );
    const byTable = new Map(
      rows
        .split('\n')
        .map((line) => line.split('\t'))
        .map(([t, s, i]) => [t, { seq: Number(s), idx: Number(i) }]),
    );
    return Object.fromEntries(TABLES.map((name) => [name, byTable.get(tables[name])!])) as Counters;
  }

  /** The lookups of sign-in, refresh, API key authentication (the key's cache entry dropped, so it is read) and settlement. */
  async function lookups(): Promise<Record<string, number>> {
    const timings: Record<string, number[]> = {
      sign_in: [],
      refresh: [],
      api_key: [],
      ledger_by_request_id: [],
      ledger_by_id: [],
    };
    const timed = async (name: string, run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      timings[name]!.push(performance.now() - started);
    };
    for (let i = 0; i < LOOKUPS; i += 1) {
      await timed('sign_in', async () => {
        const res = await app.request
          .post('/auth/login-json')
          .send({ email: account.email, password: account.password });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      });
      await timed('refresh', async () => {
        const res = await app.request.post('/auth/refresh').send({ refresh_token: refreshToken });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        refreshToken = res.body.refresh_token as string;
      });
      await app.redis.del(apiKeyCacheKey(app.config.REDIS_PREFIX, hashApiKey(apiKey)));
      await timed('api_key', async () => {
        const res = await app.request.get('/auth/me').set({ Authorization: `Bearer ${apiKey}` });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      });
      // One ledger row by its unique request id and by _id: the settlement no longer reads or updates the ledger
      // (rows are inserted once, in batches), so these stand for any lookup of a growing collection by a unique field.
      await timed('ledger_by_request_id', async () => {
        expect(await TokenUsageModel.findOne({ request_id: ledgerRow.request_id }).lean()).not.toBeNull();
      });
      await timed('ledger_by_id', async () => {
        const result = await TokenUsageModel.updateOne({ _id: ledgerRow._id }, { $set: { error_code: null } });
        expect(result.matchedCount).toBe(1);
      });
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return Object.fromEntries(
      Object.entries(timings).map(([name, values]) => [name, Math.round(median(values) * 10) / 10]),
    );
  }

  /** Restarts FerretDB (new connections), runs the lookups, stops it; returns what they cost in scans. */
  async function measure(): Promise<{ scans: Counters; timings: Record<string, number> }> {
    await stopFerretDb();
    const before = await counters();
    await ferretdb.start();
    const timings = await lookups();
    await stopFerretDb();
    const after = await counters();
    const scans = Object.fromEntries(
      TABLES.map((name) => [
        name,
        { seq: after[name].seq - before[name].seq, idx: after[name].idx - before[name].idx },
      ]),
    ) as Counters;
    return { scans, timings };
  }

  it('scans the whole table for each lookup without the GIN mirrors, uses an index for each with them', async () => {
    const without = await measure();
    for (const name of TABLES)
      expect(without.scans[name].seq, `${name} without GIN: ${JSON.stringify(without)}`).toBeGreaterThanOrEqual(
        LOOKUPS,
      );
    const applied = await ensureGinMirrors(pgUrl, schema);
    expect(applied.schemaFound).toBe(true);
    expect(applied.created.length).toBeGreaterThan(0);
    const again = await ensureGinMirrors(pgUrl, schema);
    expect(again).toEqual({ schemaFound: true, created: [], present: applied.created.length + applied.present });
    const withGin = await measure();
    for (const name of TABLES) {
      expect(withGin.scans[name].seq, `${name} with GIN: ${JSON.stringify(withGin)}`).toBe(0);
      expect(withGin.scans[name].idx, `${name} with GIN: ${JSON.stringify(withGin)}`).toBeGreaterThanOrEqual(LOOKUPS);
    }
  }, 120_000);
});
