import type { Model } from 'mongoose';
import { ALL_MODELS } from './index.js';

/**
 * The claims by insert that money and sign-in rely on (a ledger row per request_id, a Stripe event id, a spent
 * refresh token or OAuth code) hold only once their unique index exists. These checks let every role wait for
 * them, and say exactly what stops an index from being built.
 */
export interface UniqueIndex {
  model: Model<never>;
  collection: string;
  name: string;
  keys: Record<string, number>;
}

export interface IndexProblem {
  collection: string;
  index: string;
  /** One line for operators: the collection, the index, the duplicated values (never a secret) and what to do. */
  message: string;
}

const SHOWN_DUPLICATES = 5;
const SHOWN_ROWS = 3;

const indexName = (keys: Record<string, number>) =>
  Object.entries(keys)
    .map(([field, order]) => `${field}_${order}`)
    .join('_');

export function uniqueIndexes(models: readonly Model<never>[] = ALL_MODELS): UniqueIndex[] {
  return models.flatMap((model) =>
    model.schema
      .indexes()
      .filter(([, options]) => options?.unique === true)
      .map(([keys]) => {
        const numeric = keys as Record<string, number>;
        return { model, collection: model.collection.collectionName, name: indexName(numeric), keys: numeric };
      }),
  );
}

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

async function exists(index: UniqueIndex): Promise<boolean> {
  try {
    const present = await index.model.collection.indexes();
    return present.some((found) => found.unique === true && sameKeys(found.key as Record<string, unknown>, index.keys));
  } catch (error) {
    if ((error as { codeName?: string }).codeName === 'NamespaceNotFound') return false;
    throw error;
  }
}

/** Values that share one key, with a few of their rows' ids. */
async function duplicatesOf(
  index: UniqueIndex,
): Promise<Array<{ key: Record<string, unknown>; count: number; ids: string[] }>> {
  const fields = Object.keys(index.keys);
  const groupId = Object.fromEntries(fields.map((field) => [field, `$${field}`]));
  const groups = await index.model.collection
    .aggregate<{ _id: Record<string, unknown>; count: number }>([
      { $group: { _id: groupId, count: { $sum: 1 } } },
      { $match: { count: { $gt: 1 } } },
      { $limit: SHOWN_DUPLICATES },
    ])
    .toArray();
  return Promise.all(
    groups.map(async (group) => {
      const filter = Object.fromEntries(fields.map((field) => [field, group._id[field] ?? null]));
      const rows = await index.model.collection
        .find(filter, { projection: { _id: 1 } })
        .limit(SHOWN_ROWS)
        .toArray();
      return { key: group._id, count: group.count, ids: rows.map((row) => String(row._id)) };
    }),
  );
}

/** Hashes of credentials never appear in a message; their rows are named by id only. */
function describeValue(field: string, value: unknown): string {
  if (/hash/i.test(field)) return `${field} (a hash, not shown)`;
  const text = value === undefined || value === null ? 'null (missing)' : JSON.stringify(value);
  return `${field} ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

async function problemOf(index: UniqueIndex, createError: string | undefined): Promise<IndexProblem> {
  const duplicates = await duplicatesOf(index);
  const where = `${index.collection}: the unique index ${index.name}`;
  let message: string;
  if (duplicates.length) {
    const listed = duplicates
      .map(
        (d) =>
          `${Object.entries(d.key)
            .map(([field, value]) => describeValue(field, value))
            .join(', ')} in ${d.count} rows (ids ${d.ids.join(', ')}${d.count > d.ids.length ? ', ...' : ''})`,
      )
      .join('; ');
    message = `${where} cannot be built: duplicate values: ${listed}. Keep one row per value (merge or delete the others), then run npm run db:init`;
  } else if (createError) {
    message = `${where} could not be created (${createError.split('\n')[0]!.slice(0, 200)}); run npm run db:init`;
  } else {
    message = `${where} is missing; run npm run db:init`;
  }
  return { collection: index.collection, index: index.name, message };
}

/** Creates collections and indexes model by model, going on past failures; returns each failure by collection. */
export async function createCollectionsAndIndexes(
  models: readonly Model<never>[] = ALL_MODELS,
): Promise<Map<string, string>> {
  const failures = new Map<string, string>();
  for (const model of models) {
    try {
      await model.createCollection().catch((error: { codeName?: string }) => {
        if (error.codeName !== 'NamespaceExists') throw error;
      });
      await model.createIndexes();
    } catch (error) {
      failures.set(model.collection.collectionName, (error as Error).message);
    }
  }
  return failures;
}

/**
 * The unique indexes that are missing, each with its reason. With `create`, every collection and index is created
 * first (idempotent); without it (production, DB_AUTO_INIT=false) they are only checked.
 */
export async function findIndexProblems({ create }: { create: boolean }): Promise<IndexProblem[]> {
  const failures = create ? await createCollectionsAndIndexes() : new Map<string, string>();
  const indexes = uniqueIndexes();
  const present = await Promise.all(indexes.map(exists));
  const missing = indexes.filter((_, i) => !present[i]);
  return Promise.all(missing.map((index) => problemOf(index, failures.get(index.collection))));
}
