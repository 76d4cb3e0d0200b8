import { getMany, type RedisClient } from './redis.js';
import { randomUUID } from 'node:crypto';
import { Types, type Model, type Schema } from 'mongoose';
import { authEpochKey } from '../../queues/index.js';
import { processBinding } from './process-binding.js';

/**
 * Per-document "auth epochs" in Redis: a random value replaced after every write that can change who may do what
 * (a user, an organization, its members, a revoked session). An in-process cache entry remembers the epochs it
 * was built under and is used only while one MGET shows all of them unchanged. A missing key (expired, never
 * set, Redis data lost) never matches a remembered value, so it means "look it up again", never "unchanged";
 * values are random, not counters, so a key recreated after a loss cannot repeat an old value.
 */
export type EpochRef = string;

export const GLOBAL_EPOCH: EpochRef = 'global';
export const epochOf = (kind: 'users' | 'organizations' | 'session', id: string): EpochRef => `${kind}:${id}`;

const KEEP_SECONDS = 7 * 86_400;

export function createAuthEpochs({ redis, prefix }: { redis: RedisClient; prefix: string }) {
  const key = (ref: EpochRef) => authEpochKey(prefix, ref);

  /** Replaces the epochs; retried because a write whose bump is lost would leave other processes' caches stale. */
  async function bump(refs: EpochRef[], attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // One command per key: epochs of different documents live in different slots on a cluster.
        await Promise.all(refs.map((ref) => redis.set(key(ref), randomUUID(), 'EX', KEEP_SECONDS)));
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async function read(refs: EpochRef[]): Promise<Array<string | null>> {
    return getMany(redis, refs.map(key));
  }

  /** Gives missing epochs a value (never replaces one), so the next lookup can be remembered. */
  async function create(refs: EpochRef[]): Promise<void> {
    await Promise.all(refs.map((ref) => redis.set(key(ref), randomUUID(), 'EX', KEEP_SECONDS, 'NX')));
  }

  return { bump, read, create };
}
export type AuthEpochs = ReturnType<typeof createAuthEpochs>;

/** What the plugin needs of the auth epochs: bumping them after a write. */
export type EpochBumps = Pick<AuthEpochs, 'bump'>;

/** Bound once per process (src/lib/model-bindings.ts); a model write while unbound throws. */
export const authEpochsBinding = processBinding<EpochBumps>(
  'auth epochs',
  "other processes' credential caches would keep serving what the write changed",
);

/** Bumps `refs` through the process's binding after `write` (e.g. "users: updateOne"); throws when unbound. */
export async function bumpAuthEpochs(write: string, refs: EpochRef[]): Promise<void> {
  const epochs = authEpochsBinding.get(write);
  if (refs.length) await epochs.bump(refs);
}

function singleId(filter: Record<string, unknown> | undefined): string | undefined {
  const id = filter?._id;
  if (typeof id === 'string' || id instanceof Types.ObjectId) return id.toString();
  return undefined;
}

const QUERY_WRITES = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
] as const;

type QueryWrite = { model: Model<unknown>; getFilter(): Record<string, unknown>; getUpdate(): unknown };
type WrittenDoc = Record<string, unknown> & { collection: { collectionName: string } };
const collectionOfQuery = (query: QueryWrite) => query.model.collection.collectionName;

/** The paths an update writes, whatever its operators ($set, $inc, $unset... or a bare replacement). */
function updatedPaths(update: unknown): string[] | undefined {
  if (!update || typeof update !== 'object' || Array.isArray(update)) return undefined;
  const paths: string[] = [];
  for (const [key, value] of Object.entries(update)) {
    if (!key.startsWith('$')) paths.push(key);
    else if (value && typeof value === 'object' && !Array.isArray(value)) paths.push(...Object.keys(value));
    else return undefined;
  }
  return paths;
}

/** True when every path the update writes is one of `fields` or inside one of them. */
export function writesOnly(update: unknown, fields: ReadonlySet<string>): boolean {
  const paths = updatedPaths(update);
  return !!paths && paths.length > 0 && paths.every((path) => fields.has(path) || fields.has(path.split('.')[0]!));
}

/**
 * Bumps epochs after every write of the schema's documents, before the caller's await returns. `refsOf` names
 * the epochs of one document (by its _id / the document); a write not aimed at one _id bumps the global epoch,
 * which every cache entry depends on. A query write touching only `ignoredFields` (bookkeeping that decides
 * neither authentication nor the payer: usage totals, the last sign-in) bumps nothing, so a settlement does
 * not turn the same user's next request into a MongoDB read.
 */
export function bumpsAuthEpochs(refsOf: {
  byId?: (id: string) => EpochRef[];
  byDoc: (doc: Record<string, unknown>) => EpochRef[];
  ignoredFields?: ReadonlySet<string>;
}) {
  return (schema: Schema): void => {
    // Every write first checks the binding, so a process that forgot it fails before writing, not after.
    for (const op of QUERY_WRITES) {
      schema.pre(op, { document: false, query: true }, function (this: QueryWrite) {
        authEpochsBinding.get(`${collectionOfQuery(this)}: ${op}`);
      });
      schema.post(op, { document: false, query: true }, async function (this: QueryWrite) {
        if (refsOf.ignoredFields && op.startsWith('update') && writesOnly(this.getUpdate(), refsOf.ignoredFields))
          return;
        const id = refsOf.byId ? singleId(this.getFilter()) : undefined;
        await bumpAuthEpochs(`${collectionOfQuery(this)}: ${op}`, id && refsOf.byId ? refsOf.byId(id) : [GLOBAL_EPOCH]);
      });
    }
    schema.pre('save', function (this: WrittenDoc) {
      authEpochsBinding.get(`${this.collection.collectionName}: save`);
    });
    schema.post('save', async function (doc: WrittenDoc) {
      await bumpAuthEpochs(`${doc.collection.collectionName}: save`, refsOf.byDoc(doc));
    });
    schema.pre('deleteOne', { document: true, query: false }, function (this: WrittenDoc) {
      authEpochsBinding.get(`${this.collection.collectionName}: deleteOne`);
    });
    schema.post('deleteOne', { document: true, query: false }, async function (doc: WrittenDoc) {
      await bumpAuthEpochs(`${doc.collection.collectionName}: deleteOne`, refsOf.byDoc(doc));
    });
    schema.pre('insertMany', function (this: Model<unknown>) {
      authEpochsBinding.get(`${this.collection.collectionName}: insertMany`);
    });
    schema.post('insertMany', async function (this: Model<unknown>) {
      await bumpAuthEpochs(`${this.collection.collectionName}: insertMany`, [GLOBAL_EPOCH]);
    });
  };
}

/** The auth epochs one request has read, by ref (null: the key was missing). */
export type EpochReads = Map<EpochRef, string | null>;

interface Entry<T> {
  value: T;
  epochs: string[];
  expires: number;
}

/**
 * In-process memory validated by auth epochs: a hit costs one MGET; a changed, missing or unreadable epoch
 * means the loader runs (the full lookup). `ttlMs` only bounds memory; 0 turns the cache off.
 */
export function createEpochCache<T>(epochs: AuthEpochs | undefined, ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, Entry<T>>();
  const same = (a: string[], b: Array<string | null>) => a.length === b.length && a.every((value, i) => value === b[i]);

  /** The epochs, taking those this request already read from `seen` and adding the ones it reads now. */
  async function read(refs: EpochRef[], seen?: EpochReads): Promise<Array<string | null> | null> {
    const missing = seen ? refs.filter((ref) => !seen.has(ref)) : refs;
    if (missing.length > 0) {
      const values = await epochs!.read(missing).catch(() => null);
      if (!values) return null;
      if (!seen) return values;
      missing.forEach((ref, i) => seen.set(ref, values[i] ?? null));
    }
    return refs.map((ref) => seen!.get(ref) ?? null);
  }

  /**
   * `seen`: the epochs one request has read so far. A request reads each epoch once; later caches on its path
   * (who pays, after who calls) take the values from there instead of another round trip to Redis.
   */
  return async function cached(key: string, refs: EpochRef[], load: () => Promise<T>, seen?: EpochReads): Promise<T> {
    if (!epochs || ttlMs <= 0) return load();
    const entry = entries.get(key);
    // Epochs are read BEFORE the lookup: a write landing after this read changes them, so its entry is dropped.
    const now = await read(refs, seen);
    if (entry && entry.expires > Date.now() && now && same(entry.epochs, now)) return entry.value;
    if (entry) entries.delete(key);
    const value = await load();
    if (now?.every((epoch) => epoch !== null)) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, epochs: now as string[], expires: Date.now() + ttlMs });
    } else if (now) {
      // Created only after a successful lookup (no Redis keys for made-up ids); remembered from the next lookup on.
      await epochs.create(refs.filter((_ref, i) => now[i] === null)).catch(() => undefined);
    }
    return value;
  };
}
export type EpochCache<T> = ReturnType<typeof createEpochCache<T>>;
