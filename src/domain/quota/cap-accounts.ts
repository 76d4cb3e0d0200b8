import mongoose from 'mongoose';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { UserModel } from '../../models/user.js';
import { subUserLimitsOf } from '../plans/overrides.js';
import { memberCapAccount, type AccountRef } from './accounts.js';

/**
 * The cap accounts that run on a payer's period: a user's sub-user caps, an organization's member caps. They
 * start a new period when their payer does, so the monthly reset must reset them together with it
 * (`quota.reset(ref, limit, newPeriod)` for each), or a capped sub-user or member would stay at last month's use.
 */
export async function capAccountsOf(payer: AccountRef): Promise<Array<{ ref: AccountRef; limit: number }>> {
  if (payer.kind === 'user') {
    const subs = await UserModel.find(
      {
        parent_user_id: payer.id,
        is_sub_user: true,
        'sub_user_limits.monthly_tokens': mongoose.trusted({ $ne: null }),
      },
      { sub_user_limits: 1 },
    ).lean();
    return subs.flatMap((sub) => {
      const cap = subUserLimitsOf(sub).monthly_tokens;
      return cap !== null
        ? [{ ref: { kind: 'sub_user_cap' as const, id: sub._id.toString(), parent: payer.id }, limit: cap }]
        : [];
    });
  }
  if (payer.kind === 'organization') {
    const members = await OrganizationMemberModel.find(
      { organization_id: payer.id },
      { user_id: 1, monthly_token_cap: 1 },
    ).lean();
    return members.flatMap((m) =>
      typeof m.monthly_token_cap === 'number'
        ? [
            {
              ref: memberCapAccount(payer.id, m.user_id.toString()),
              limit: m.monthly_token_cap,
            },
          ]
        : [],
    );
  }
  return [];
}
