import type { mongo } from 'mongoose';
import { UserModel } from '../../models/user.js';
import { addressHolderFirst, addressKey, originOf, readLegacySpellings } from '../../models/user-addresses.js';
import type { AccountOrigin } from '../../models/user-addresses.js';

/** Accounts that hold one address case-insensitively; `keeps` is the one the service signs in (addressHolderFirst). */
export interface AddressCollision {
  keeps: string;
  accounts: Array<{ id: string; origin: AccountOrigin }>;
}

const CHUNK = 500;

/**
 * Every address more than one account holds in some case. Only an address an unconverted Python document spells
 * with capitals (or spaces) can be shared, since the unique index keeps exact spellings apart: one read of the
 * unconverted documents' addresses, then one query per 500 such addresses for every spelling of them.
 */
export async function findAddressCollisions(): Promise<Map<string, AddressCollision>> {
  const spellings = await readLegacySpellings();
  const keys = [...spellings.keys()];
  const holders = new Map<string, mongo.Document[]>();
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const forms = chunk.flatMap((key) => [key, ...spellings.get(key)!]);
    const docs = await UserModel.collection
      .find(
        { email: { $in: forms } },
        { projection: { email: 1, legacy_migration: 1, token_version: 1, subscription: 1 } },
      )
      .toArray();
    for (const doc of docs) {
      const key = addressKey(String(doc.email));
      holders.set(key, [...(holders.get(key) ?? []), doc]);
    }
  }
  const collisions = new Map<string, AddressCollision>();
  for (const [key, docs] of holders) {
    if (docs.length < 2) continue;
    docs.sort(addressHolderFirst);
    collisions.set(key, {
      keeps: String(docs[0]!._id),
      accounts: docs.map((doc) => ({ id: String(doc._id), origin: originOf(doc) })),
    });
  }
  return collisions;
}
