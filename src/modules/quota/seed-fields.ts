import { UserModel } from '../../models/user.js';
import { OrganizationModel } from '../../models/organization.js';
import type { SettledAccount } from './service.js';

/**
 * Keeps the seed's fields (tokens_used, tokens_remaining, monthly_limit, monthly_usage) meaningful by writing
 * absolute values taken atomically from Redis, never increments: FerretDB's $inc is not atomic, and writing
 * the same totals twice is harmless.
 */
export async function writeSeedFields(accounts: Array<Pick<SettledAccount, 'ref' | 'limit' | 'used' | 'calls'>>): Promise<void> {
  for (const { ref, limit, used, calls } of accounts) {
    const fields = {
      tokens_used: used,
      tokens_remaining: Math.max(0, limit - used),
      monthly_limit: limit,
      'monthly_usage.tokens_used': used,
      'monthly_usage.api_calls': calls,
    };
    if (ref.kind === 'user') await UserModel.updateOne({ _id: ref.id }, { $set: fields });
    if (ref.kind === 'organization') await OrganizationModel.updateOne({ _id: ref.id }, { $set: fields });
  }
}
