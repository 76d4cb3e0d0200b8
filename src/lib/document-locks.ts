import { Types, type Query, type Schema } from 'mongoose';
import type { Locks } from './locks.js';

/**
 * FerretDB applies an update by reading the whole document and writing it back, without a row lock, so of two
 * overlapping updates of one document one is lost, even when they set different fields: a sign-in's
 * last_login_at undid a password change, a settlement's seed fields undid a deactivation or a demotion, an API
 * key's last_used_at undid its revocation. Models with this plugin hold a Redis lock on the document for every
 * `updateOne` by `_id`, so updates of one document never overlap, across all processes. Real MongoDB does not
 * need it; it costs two Redis round trips per update.
 */
type DocumentLocks = Pick<Locks, 'acquire'>;

/** Registrations in order; the latest still registered is used (a process may run the API and workers together). */
const registered: DocumentLocks[] = [];

/**
 * Called by each role's composition root (API, workers) with its Redis locks; the returned function unregisters
 * them when the role stops. With nothing registered (scripts, unit tests) updates run unlocked.
 */
export function useDocumentLocks(locks: DocumentLocks): () => void {
  registered.push(locks);
  return () => {
    const at = registered.lastIndexOf(locks);
    if (at >= 0) registered.splice(at, 1);
  };
}

const current = (): DocumentLocks | undefined => registered[registered.length - 1];

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
      const locks = current();
      if (locks && id) this[RELEASE] = await locks.acquire(`doc:${collection}:${id}`);
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
