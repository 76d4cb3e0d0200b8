import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { requireRole } from '../../middleware/require-role.js';
import type { QuotaAdminService } from './service.js';

interface Deps {
  quotaAdmin: QuotaAdminService;
  authenticate: RequestHandler;
}

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const acceptedSchema = z
  .object({
    job_id: z.string(),
    status: z.literal('queued'),
    payer: z.object({ type: z.literal('user'), id: z.string() }),
  })
  .openapi('QuotaResetAccepted');

/** POST /admin/users/{id}/reset-quota: queues a reset of one payer; a double click within a minute queues one. */
export function createQuotaAdminRouter({ quotaAdmin, authenticate }: Deps): Router {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/admin/users/:id/reset-quota',
      errors: ['not_found', 'superadmin_required', 'not_a_payer', 'queue_unavailable'],
      summary: "Reset a user's monthly quota now (admin)",
      tags: ['admin'],
      auth: true,
      before: [authenticate, requireRole('admin', 'superadmin')],
      params: paramsSchema,
      responses: { 202: { description: 'Queued', schema: acceptedSchema } },
    },
    async (req, res, { params }) => {
      res.status(202).json(await quotaAdmin.queueReset(requirePrincipal(req).user, params.id));
    },
  );
  return router;
}
