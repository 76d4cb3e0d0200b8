import type { AccountRef } from './accounts.js';
import type { QuotaService } from './service.js';

/**
 * Brings a cap account (sub_user_cap, member_cap) in Redis in line with a cap just written to MongoDB.
 * A changed cap keeps what was used and reserved (setLimit; a no-op when the account is not loaded, which then
 * loads the new cap). A cap added or removed drops the account: it joins or leaves the payer chain, and its
 * counters are rebuilt from the ledger when next used.
 */
export async function syncCapAccount(
  quota: Pick<QuotaService, 'setLimit' | 'forget'>,
  ref: AccountRef,
  before: number | null,
  after: number | null,
): Promise<void> {
  if (before === after) return;
  if (before !== null && after !== null) await quota.setLimit(ref, after);
  else await quota.forget(ref);
}
