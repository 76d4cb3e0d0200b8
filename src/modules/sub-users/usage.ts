import { Types } from 'mongoose';
import { sumBy } from '../../lib/aggregate.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import type { SubUserUsage } from './schemas.js';

const SUMS = {
  tokens_used: '$billed_tokens',
  prompt_tokens: '$prompt_tokens',
  completion_tokens: '$completion_tokens',
  requests: 1,
};
type Totals = Record<keyof typeof SUMS, number>;

const totalsOf = (rows: Totals[]): Totals => ({
  tokens_used: rows.reduce((n, r) => n + r.tokens_used, 0),
  prompt_tokens: rows.reduce((n, r) => n + r.prompt_tokens, 0),
  completion_tokens: rows.reduce((n, r) => n + r.completion_tokens, 0),
  requests: rows.reduce((n, r) => n + r.requests, 0),
});

/**
 * A sub-user's usage from the ledger (`token_usage`, the durable truth): this period by model, and all time.
 * `period` is the quota period key the ledger rows carry (the payer's reset_date, as quota/accounts.ts reads it).
 * `tokens_used` is what counted against the quotas (billed tokens; failed requests bill nothing).
 */
export async function subUserLedgerUsage(
  subUserId: string,
  period: string,
): Promise<Pick<SubUserUsage, 'period' | 'total'>> {
  const sub_user_id = new Types.ObjectId(subUserId);
  const [byModel, allTime] = await Promise.all([
    sumBy(TokenUsageModel, { sub_user_id, period }, '$model', SUMS),
    sumBy(TokenUsageModel, { sub_user_id }, null, SUMS),
  ]);
  return {
    period: {
      ...totalsOf(byModel),
      reset_date: period,
      by_model: byModel.map(({ _id, ...totals }) => ({ model: String(_id ?? 'unknown'), ...totalsOf([totals]) })),
    },
    total: totalsOf(allTime),
  };
}
