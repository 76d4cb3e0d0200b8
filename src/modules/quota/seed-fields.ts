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
export async function writeSeedFields(accounts: Array<Pick<SettledAccount, 'ref' | 'limit' | 'used' | 'calls'>>): Promise<void> {
  for (const { ref, limit, used, calls } of accounts) {
    const fields = {
      tokens_used: used,
      tokens_remaining: Math.max(0, limit - used),
      'monthly_usage.tokens_used': used,
      'monthly_usage.api_calls': calls,
    };
    if (ref.kind === 'user') await UserModel.updateOne({ _id: ref.id }, { $set: fields });
    if (ref.kind === 'organization') await OrganizationModel.updateOne({ _id: ref.id }, { $set: fields });
  }
}

type SnapshotSource = Pick<QuotaService, 'snapshot'>;

const sameTotals = (a: AccountSnapshot, b: AccountSnapshot) =>
  a.limit === b.limit && a.used === b.used && a.calls === b.calls && a.period === b.period;

/**
 * Copies the accounts' current Redis totals into their documents. Writes race (FerretDB has no atomic update),
 * so after each write the totals are read again and the write is repeated if they moved: whoever changes the
 * counters last also writes last, and a stale write can never be the final one.
 * Returns false when an account kept moving for every attempt (the next settlement or reconciliation writes it).
 */
export async function syncSeedFields(quota: SnapshotSource, refs: AccountRef[], attempts = 8): Promise<boolean> {
  let settled = true;
  for (const ref of refs) {
    if (ref.kind !== 'user' && ref.kind !== 'organization') continue;
    let current = await quota.snapshot(ref);
    let written = false;
    for (let attempt = 0; current && attempt < attempts && !written; attempt += 1) {
      await writeSeedFields([{ ref, limit: current.limit, used: current.used, calls: current.calls }]);
      const after: AccountSnapshot | null = await quota.snapshot(ref);
      written = after !== null && sameTotals(current, after);
      current = after;
    }
    if (current && !written) settled = false;
  }
  return settled;
}
