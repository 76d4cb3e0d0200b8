import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../lib/errors.js';
import { isObjectId } from '../../lib/ids.js';
import { UserModel } from '../../models/user.js';
import { quotaResetOneJobOptions, type Producer } from '../../../queues/index.js';
import { assertMayManage } from '../admin/rules.js';

interface Actor {
  _id: { toString(): string };
  role: string;
}

/** An admin's reset of one user's quota period, queued for the quota-reset worker. */
export function createQuotaAdminService({ producer }: { producer: Pick<Producer, 'enqueue'> }) {
  async function queueReset(
    actor: Actor,
    userId: string,
  ): Promise<{ job_id: string; status: 'queued'; payer: { type: 'user'; id: string } }> {
    const user = isObjectId(userId)
      ? await UserModel.findById(userId, { reset_date: 1, is_sub_user: 1, role: 1 }).lean()
      : null;
    if (!user) throw new NotFoundError('User');
    assertMayManage(actor, user);
    if (user.is_sub_user)
      throw new ConflictError("A sub-user has no quota period of its own; reset its parent's", 'not_a_payer');
    const now = new Date();
    const job = {
      mode: 'one',
      payer_type: 'user',
      payer_id: userId,
      as_of: now.toISOString(),
      requested_by: actor._id.toString(),
    } as const;
    try {
      const jobId = await producer.enqueue(
        'quota-reset',
        job,
        quotaResetOneJobOptions(userId, new Date(user.reset_date), now),
      );
      return { job_id: jobId, status: 'queued', payer: { type: 'user', id: userId } };
    } catch {
      throw new ServiceUnavailableError('The job queue is unavailable; retry later', 'queue_unavailable', 5);
    }
  }
  return { queueReset };
}
export type QuotaAdminService = ReturnType<typeof createQuotaAdminService>;
