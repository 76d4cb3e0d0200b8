import { Types } from 'mongoose';
import { TokenUsageModel } from '../../models/token-usage.js';
import type { SubUserUsage } from './schemas.js';

interface Row {
  _id: string | null;
  tokens_used: number;
  prompt_tokens: number;
  completion_tokens: number;
  requests: number;
}

const sums = {
  tokens_used: { $sum: '$billed_tokens' },
  prompt_tokens: { $sum: '$prompt_tokens' },
  completion_tokens: { $sum: '$completion_tokens' },
  requests: { $sum: 1 },
};

const totalsOf = (rows: Row[]) => ({
  tokens_used: rows.reduce((n, r) => n + r.tokens_used, 0),
  prompt_tokens: rows.reduce((n, r) => n + r.prompt_tokens, 0),
  completion_tokens: rows.reduce((n, r) => n + r.completion_tokens, 0),
  requests: rows.reduce((n, r) => n + r.requests, 0),
});

/**
 * A sub-user's usage from the ledger (`token_usage`, the durable truth): this period by model, and all time.
 * `period` is the quota period key the ledger rows carry (the payer's reset_date, as accounts.ts reads it).
 * `tokens_used` is what counted against the quotas (billed tokens; failed requests bill nothing).
 */
export async function subUserLedgerUsage(subUserId: string, period: string): Promise<Pick<SubUserUsage, 'period' | 'total'>> {
  const sub_user_id = new Types.ObjectId(subUserId);
  const [periodRows, allTime] = await Promise.all([
    TokenUsageModel.aggregate<Row>([{ $match: { sub_user_id, period } }, { $group: { _id: '$model', ...sums } }, { $sort: { _id: 1 } }]),
    TokenUsageModel.aggregate<Row>([{ $match: { sub_user_id } }, { $group: { _id: null, ...sums } }]),
  ]);
  return {
    period: {
      ...totalsOf(periodRows),
      reset_date: period,
      by_model: periodRows.map((r) => ({ model: r._id ?? 'unknown', ...totalsOf([r]) })),
    },
    total: totalsOf(allTime),
  };
}
