import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import type { AccountRef } from './accounts.js';
import type { AccountSnapshot, QuotaService, SettledAccount } from './service.js';

/**
 * Keeps the seed's fields (tokens_used, tokens_remaining, monthly_usage) meaningful by writing absolute values
 * taken atomically from Redis, never increments: FerretDB's $inc is not atomic, and writing the same totals
 * twice is harmless. `monthly_limit` is not written: MongoDB is where limits change (plans, admins), and a
 * copy of a Redis limit read just before such a change would undo it.
 */
export async function writeSeedFields(
  accounts: Array<Pick<SettledAccount, 'ref' | 'limit' | 'used' | 'calls'>>,
): Promise<void> {
  for (const { ref, limit, used, calls } of accounts) {
    const fields = {
      tokens_used: used,
      tokens_remaining: Math.max(0, limit - used),
      'monthly_usage.tokens_used': used,
      'monthly_usage.api_calls': calls,
    };
    // A capped sub-user's own document shows its cap account (the payer's numbers are on the parent's).
    if (ref.kind === 'user' || ref.kind === 'sub_user_cap')
      await UserModel.updateOne({ _id: ref.id }, { $set: fields });
    if (ref.kind === 'organization') await OrganizationModel.updateOne({ _id: ref.id }, { $set: fields });
  }
}

type SnapshotSource = Pick<QuotaService, 'snapshot'>;

interface SeedDoc {
  tokens_used?: number | null;
  tokens_remaining?: number | null;
  monthly_usage?: { api_calls?: number | null; tokens_used?: number | null } | null;
}

const SEED_PROJECTION = { tokens_used: 1, tokens_remaining: 1, monthly_usage: 1 };

async function readSeed(ref: AccountRef): Promise<SeedDoc | null> {
  if (ref.kind === 'user' || ref.kind === 'sub_user_cap')
    return UserModel.findById(ref.id, SEED_PROJECTION).lean<SeedDoc>();
  return OrganizationModel.findById(ref.id, SEED_PROJECTION).lean<SeedDoc>();
}

const showsTotals = (doc: SeedDoc, { limit, used, calls }: AccountSnapshot) =>
  doc.tokens_used === used &&
  doc.tokens_remaining === Math.max(0, limit - used) &&
  doc.monthly_usage?.tokens_used === used &&
  doc.monthly_usage?.api_calls === calls;

/**
 * Makes the accounts' documents show their current Redis totals. Writes race: two settlements' writes can land
 * in either order, and FerretDB applies every update by writing the whole document back, so any concurrent
 * update of the document can restore old seed values. So the loop reads the totals and the document, and
 * writes only until a read shows the document equal to the current totals: whoever changes the counters last
 * also checks last, and a stale write can never be the final state it leaves.
 * Returns false when an account kept moving for every attempt (the next settlement or reconciliation writes it).
 */
export async function syncSeedFields(quota: SnapshotSource, refs: AccountRef[], attempts = 20): Promise<boolean> {
  let converged = true;
  for (const ref of refs) {
    if (ref.kind === 'member_cap') continue;
    let done = false;
    for (let attempt = 0; attempt < attempts && !done; attempt += 1) {
      const totals = await quota.snapshot(ref);
      const doc = totals && (await readSeed(ref));
      if (!totals || !doc || showsTotals(doc, totals)) {
        done = true;
        break;
      }
      await writeSeedFields([{ ref, limit: totals.limit, used: totals.used, calls: totals.calls }]);
    }
    if (!done) converged = false;
  }
  return converged;
}
