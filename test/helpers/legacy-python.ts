import bcrypt from 'bcrypt';
import mongoose from 'mongoose';
import { spawnRole } from './processes.js';
import type { Config } from '../../src/config/index.js';
import type { CollectionReport } from '../../src/migrations/legacy/report.js';

const { MongoClient, ObjectId } = mongoose.mongo;
type Db = mongoose.mongo.Db;

/** A MongoDB client of its own (the raw driver mongoose ships), as the Python system's Motor was: no mongoose models. */
export async function withRawDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(url);
  try {
    return await work(client.db());
  } finally {
    await client.close();
  }
}

/** passlib's bcrypt: `$2b$`, cost 12 unless a test asks for less (cost 12 takes about 0.3 s a hash here). */
export const pythonHash = (password: string, cost = 12) => bcrypt.hash(password, cost);

const DAY = 86_400_000;

/** A users document as the Python system (Beanie) wrote it: snake_case, BSON dates, ObjectIds, the tier in `subscription`. */
export function pythonUser(
  fields: Record<string, unknown> & { email: string; password_hash: string },
): Record<string, unknown> {
  const created = new Date(Date.now() - 200 * DAY);
  return {
    _id: new ObjectId(),
    name: '',
    full_name: null,
    stripe_customer_id: null,
    subscription: 'free',
    tokens_remaining: 10_000,
    tokens_used: 0,
    monthly_limit: 10_000,
    reset_date: new Date(Date.now() + 12 * DAY),
    created_at: created,
    updated_at: new Date(Date.now() - 3 * DAY),
    is_active: true,
    last_login_at: new Date(Date.now() - 5 * DAY),
    role: 'user',
    parent_user_id: null,
    is_sub_user: false,
    sub_user_permissions: null,
    sub_user_limits: null,
    ...fields,
  };
}

export function pythonOrganization(
  fields: Record<string, unknown> & { name: string; owner_id: unknown; members: unknown[] },
): Record<string, unknown> {
  return {
    _id: new ObjectId(),
    subscription_tier: 'free',
    settings: { default_model: 'gpt-4' },
    created_at: new Date(Date.now() - 100 * DAY),
    updated_at: new Date(Date.now() - 10 * DAY),
    ...fields,
  };
}

/** Every document of every collection, by collection, in _id order (to compare whole databases). */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const names = (await db.listCollections().toArray())
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const result: Record<string, unknown[]> = {};
  for (const name of names) result[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return result;
}

export interface MigrationSummary {
  dry_run: boolean;
  collections: CollectionReport[];
}

/** The environment the real script runs with: this test file's database and Redis prefix. */
export const migrateEnv = (config: Config, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'test',
  DATABASE_URL: config.DATABASE_URL,
  REDIS_URL: config.REDIS_URL,
  REDIS_CLUSTER_NODES: config.REDIS_CLUSTER_NODES.join(','),
  REDIS_PREFIX: config.REDIS_PREFIX,
  LOG_LEVEL: 'silent',
  ...extra,
});

/** Starts `scripts/db-migrate.ts` as its own process (one node process, so a signal reaches the script itself). */
export const startMigration = (env: Record<string, string>, args: string[] = []) =>
  spawnRole(['scripts/db-migrate.ts', ...args], env);

export function summaryOf(output: string): MigrationSummary {
  const line = output.split('\n').find((l) => l.startsWith('db:migrate summary '));
  if (!line) throw new Error(`no summary in:\n${output}`);
  return JSON.parse(line.slice('db:migrate summary '.length)) as MigrationSummary;
}

export const reportOf = (summary: MigrationSummary, collection: string) => {
  const found = summary.collections.find((c) => c.collection === collection);
  if (!found) throw new Error(`no report for ${collection}`);
  return found;
};
