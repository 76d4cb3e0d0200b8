import mongoose, { type mongo } from 'mongoose';
import { isUnconvertedLegacyUser } from './legacy-user.js';
import { UserModel, type UserDoc } from './user.js';

/**
 * Addresses are one account each, case-insensitively. This service stores them lower-cased; the Python system
 * stored them as typed and matched them exactly, so until `npm run db:migrate` converts them its documents may
 * hold `Pat@Example.com`. Every lookup by address goes through here, so such an account signs in, resets its
 * password, signs in with GitHub or Google, and keeps its address from anyone registering it in another case.
 */
export const addressKey = (email: string) => email.trim().toLowerCase();

/** Who wrote an account: the Python system (converted by db:migrate or not yet) or this service. */
export type AccountOrigin = 'python' | 'service';

/**
 * This service writes `token_version`, never a tier string in `subscription` nor an address that is not
 * lower-cased; a Python document keeps those until it is converted, even after the service changed its password.
 */
export const originOf = (raw: Record<string, unknown>): AccountOrigin =>
  raw.legacy_migration !== undefined ||
  isUnconvertedLegacyUser(raw) ||
  typeof raw.subscription === 'string' ||
  (typeof raw.email === 'string' && raw.email !== addressKey(raw.email))
    ? 'python'
    : 'service';

/**
 * The spellings unconverted Python documents use for each address, where they differ from the address itself (only
 * a Python document holds such a spelling; converting lower-cases it): one read of the addresses of every account
 * not converted by db:migrate.
 */
export async function readLegacySpellings(): Promise<Map<string, string[]>> {
  const spellings = new Map<string, string[]>();
  // Only addresses with a capital letter can differ from their lower-cased form: the read returns those alone.
  const cursor = UserModel.collection.find(
    { legacy_migration: { $exists: false }, email: { $regex: '[A-Z]' } },
    { projection: { email: 1 } },
  );
  for await (const doc of cursor) {
    if (typeof doc.email !== 'string' || addressKey(doc.email) === doc.email) continue;
    const key = addressKey(doc.email);
    spellings.set(key, [...(spellings.get(key) ?? []), doc.email]);
  }
  return spellings;
}

/**
 * Read once per database connection, on the first lookup: the Python system no longer writes once this service
 * runs on its database, and converting only lower-cases an address (found by the address itself from then on), so
 * the map never misses an account; an entry that names a spelling nobody holds any more matches nothing. One read
 * per process rather than a case-insensitive search per request (which no index serves).
 */
const spellingsByDatabase = new WeakMap<mongo.Db, Promise<Map<string, string[]>>>();

function legacySpellings(): Promise<Map<string, string[]>> {
  const db = mongoose.connection.db;
  if (!db) return readLegacySpellings();
  let spellings = spellingsByDatabase.get(db);
  if (!spellings) {
    spellings = readLegacySpellings();
    spellingsByDatabase.set(db, spellings);
    // A failed read is tried again by the next lookup.
    spellings.catch(() => spellingsByDatabase.delete(db));
  }
  return spellings;
}

/**
 * Which of several accounts holding one address answers to it: a Python account before one of this service's
 * (a newcomer who got the address in another case never takes it from the account that had it), and of several
 * Python accounts the oldest. `npm run db:migrate` reports every such collision for the operator to resolve.
 */
export function addressHolderFirst(a: mongo.Document, b: mongo.Document): number {
  const origin = (originOf(a) === 'python' ? 0 : 1) - (originOf(b) === 'python' ? 0 : 1);
  return origin || String(a._id).localeCompare(String(b._id));
}

async function holdersOf(email: string, projection?: mongo.Document): Promise<mongo.Document[]> {
  const key = addressKey(email);
  const forms = [key, ...((await legacySpellings()).get(key) ?? [])];
  // The driver, not the model: the model's lowercase setter would fold the legacy spellings into the address.
  return UserModel.collection
    .find({ email: forms.length === 1 ? key : { $in: forms } }, projection ? { projection } : {})
    .toArray();
}

/** The account that answers to an address (see addressHolderFirst), as a model document. */
export async function findUserByAddress(email: string): Promise<UserDoc | null> {
  const [holder] = (await holdersOf(email)).sort(addressHolderFirst);
  return holder ? (UserModel.hydrate(holder) as UserDoc) : null;
}

/** Whether any account, of either system, holds the address in any case. */
export async function isAddressTaken(email: string): Promise<boolean> {
  return (await holdersOf(email, { _id: 1 })).length > 0;
}
