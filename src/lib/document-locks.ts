import { Types, type Query, type Schema } from 'mongoose';
import type { Locks } from './locks.js';
import { processBinding } from './process-binding.js';

/**
 * FerretDB applies an update by reading the whole document and writing it back, without a row lock, so of two
 * overlapping updates of one document one is lost, even when they set different fields: a sign-in's
 * last_login_at undid a password change, a settlement's seed fields undid a deactivation or a demotion, an API
 * key's last_used_at undid its revocation. Models with this plugin hold a Redis lock on the document for every
 * `updateOne` by `_id`, so updates of one document never overlap, across all processes. Real MongoDB does not
 * need it; it costs two Redis round trips per update.
 */
export type DocumentLocks = Pick<Locks, 'acquire'>;

/** Bound once per process (src/lib/model-bindings.ts); a model write while unbound throws. */
export const documentLocksBinding = processBinding<DocumentLocks>(
  'document locks',
  'on FerretDB one of two overlapping updates of a document would be lost',
);

/**
 * Holds the lock of one document (`collection`/`id`) and returns its release: what the plugin does around each
 * `updateOne` by `_id`, and what a raw driver write of such a document does (the migrations).
 */
export async function lockDocument(collection: string, id: string, write: string): Promise<() => Promise<void>> {
  return documentLocksBinding.get(`${collection}: ${write}`).acquire(`doc:${collection}:${id}`);
}

/**
 * Returns once every write that held the lock of one of these documents when it was called has ended: takes and
 * releases each lock, `concurrency` at a time. After an unlocked bulk write (an `updateMany`), a locked write that
 * read a document before it may still write that document back; once this returns, such a write has landed, so a
 * re-read finds every change it undid.
 */
export async function awaitDocumentWrites(collection: string, ids: string[], concurrency = 32): Promise<void> {
  for (let at = 0; at < ids.length; at += concurrency) {
    const batch = ids.slice(at, at + concurrency);
    await Promise.all(batch.map(async (id) => (await lockDocument(collection, id, 'awaitDocumentWrites'))()));
  }
}

const RELEASE = Symbol('document lock release');
type LockedQuery = Query<unknown, unknown> & { [RELEASE]?: () => Promise<void> };

function singleDocumentId(filter: Record<string, unknown>): string | undefined {
  const id = filter._id;
  if (typeof id === 'string' || id instanceof Types.ObjectId) return id.toString();
  return undefined;
}

async function release(query: LockedQuery): Promise<void> {
  const done = query[RELEASE];
  query[RELEASE] = undefined;
  if (done) await done();
}

export function serializeDocumentWrites(collection: string) {
  return (schema: Schema): void => {
    schema.pre('updateOne', { document: false, query: true }, async function (this: LockedQuery) {
      const id = singleDocumentId(this.getFilter());
      if (id) this[RELEASE] = await lockDocument(collection, id, 'updateOne');
      // Not by _id: nothing to lock, but a process that forgot to bind still fails on this write.
      else documentLocksBinding.get(`${collection}: updateOne`);
    });
    schema.post('updateOne', { document: false, query: true }, async function (this: LockedQuery) {
      await release(this);
    });
    schema.post(
      'updateOne',
      { document: false, query: true },
      function (this: LockedQuery, error: Error, _res: unknown, next: (error?: Error) => void) {
        void release(this).finally(() => next(error));
      },
    );
  };
}
