import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../lib/errors.js';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { requireRole } from '../../middleware/require-role.js';
import { UserModel } from '../../models/user.js';
import { assertMayManage } from '../admin/rules.js';
import type { Producer } from '../../../queues/index.js';
import { isObjectId } from '../../lib/ids.js';
import { minuteStamp } from '../../lib/dates.js';

interface Deps {
  producer: Producer;
  authenticate: RequestHandler;
}

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const acceptedSchema = z
  .object({ job_id: z.string(), status: z.literal('queued'), payer: z.object({ type: z.literal('user'), id: z.string() }) })
  .openapi('QuotaResetAccepted');

/**
 * POST /admin/users/{id}/reset-quota: queues a reset of one payer (the quota-reset worker applies it). The job id is
 * derived from the payer, its current period and the minute, so a double click queues one reset.
 */
export function createQuotaAdminRouter({ producer, authenticate }: Deps): Router {
  const router = Router();
  route(router, {
    method: 'post', path: '/admin/users/:id/reset-quota', summary: "Reset a user's monthly quota now (admin)", tags: ['admin'],
    auth: true, before: [authenticate, requireRole('admin', 'superadmin')], params: paramsSchema,
    responses: { 202: { description: 'Queued', schema: acceptedSchema } },
  }, async (req, res, { params }) => {
    const user = isObjectId(params.id) ? await UserModel.findById(params.id, { reset_date: 1, is_sub_user: 1, role: 1 }).lean() : null;
    if (!user) throw new NotFoundError('User');
    assertMayManage(requirePrincipal(req).user, user);
    if (user.is_sub_user) throw new ConflictError("A sub-user has no quota period of its own; reset its parent's", 'not_a_payer');
    const now = new Date();
    let jobId: string;
    try {
      jobId = await producer.enqueue('quota-reset', {
        mode: 'one', payer_type: 'user', payer_id: params.id, as_of: now.toISOString(), requested_by: requirePrincipal(req).user._id.toString(),
      }, {
        jobId: `quota-reset-one-user-${params.id}-${new Date(user.reset_date).getTime()}-${minuteStamp(now)}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
      });
    } catch {
      throw new ServiceUnavailableError('The job queue is unavailable; retry later', 'queue_unavailable', 5);
    }
    res.status(202).json({ job_id: jobId, status: 'queued', payer: { type: 'user', id: params.id } });
  });
  return router;
}
