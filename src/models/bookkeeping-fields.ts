/**
 * Fields of users and organizations that only record usage or activity: the settlement's copies of the Redis
 * totals, the last sign-in and the write timestamp. No decision about who may authenticate or who pays reads
 * them, so writing them leaves cached credentials valid (see bumpsAuthEpochs).
 */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'tokens_used',
  'tokens_remaining',
  'monthly_usage',
  'last_login_at',
  'updated_at',
]);
