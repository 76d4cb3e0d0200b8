import { ServiceUnavailableError } from './errors.js';

/** The two model methods used (any mongoose Model has them). */
interface Writable {
  updateOne(filter: object, update: object): PromiseLike<unknown>;
  findById(id: unknown, projection: object): { lean(): PromiseLike<unknown> };
}

/** JSON with sorted keys, so values read back from the database compare equal to what was written. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/**
 * `$set` top-level fields on one document, then read them back and write again if another writer undid them.
 * FerretDB applies every update by reading the whole document and writing it back, so a concurrent update of
 * *other* fields (a login's last_login_at, a settlement's seed fields) can restore the old values of ours.
 * Narrows FerretDB's lost-update window to a concurrent write landing after the read-back; real MongoDB needs
 * no retry. Returns false when the document no longer exists; throws 503 `resource_busy` (retryable) when every
 * attempt was undone, since every caller goes on as if the fields were written.
 */
export async function setVerified(
  model: Writable,
  id: unknown,
  fields: Record<string, unknown>,
  attempts = 3,
): Promise<boolean> {
  const projection = Object.fromEntries(Object.keys(fields).map((name) => [name, 1]));
  const want = stable(fields);
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await model.updateOne({ _id: id }, { $set: fields });
    const doc = (await model.findById(id, projection).lean()) as Record<string, unknown> | null;
    if (!doc) return false;
    const got = stable(Object.fromEntries(Object.keys(fields).map((name) => [name, doc[name] ?? null])));
    if (got === want) return true;
  }
  throw new ServiceUnavailableError('This record kept changing under the write; retry shortly', 'resource_busy', 1);
}
