import { Router } from 'express';
import type { Queue } from 'bullmq';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import { requireRole } from '../../middleware/require-role.js';
import type { AdminUsersService } from './users-service.js';
import { presentAdminUser } from './presenter.js';
import { buildStats, buildUsageReport } from './reports.js';
import {
  adminUserListSchema,
  adminUserSchema,
  listUsersQuerySchema,
  patchUserBodySchema,
  statsSchema,
  usageQuerySchema,
  usageReportSchema,
  userIdParamsSchema,
} from './schemas.js';

interface Deps {
  adminUsers: AdminUsersService;
  authenticate: Authenticate;
  queues: Record<string, Queue>;
}

/** Admin JSON API: access tokens of admins and superadmins only (401 without credentials, 403 for everyone else). */
export function createAdminRouter({ adminUsers, authenticate, queues }: Deps): Router {
  const router = Router();
  const tags = ['admin'];
  const before = [authenticate, requireRole('admin', 'superadmin')];

  route(
    router,
    {
      method: 'get',
      path: '/admin/users',
      summary: 'Search users by email, filter by tier, role and status (paged)',
      tags,
      auth: true,
      before,
      query: listUsersQuerySchema,
      responses: { 200: { description: 'A page of users', schema: adminUserListSchema } },
    },
    async (_req, res, { query }) => {
      const { users, total } = await adminUsers.list(query);
      res.json({
        data: users.map((user) => presentAdminUser(user)),
        page: query.page,
        per_page: query.per_page,
        total,
      });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/admin/users/:id',
      errors: ['not_found'],
      summary: 'One user with live quota counters',
      tags,
      auth: true,
      before,
      params: userIdParamsSchema,
      responses: { 200: { description: 'The user', schema: adminUserSchema } },
    },
    async (_req, res, { params }) => {
      const { user, quota } = await adminUsers.get(params.id);
      res.json(presentAdminUser(user, quota));
    },
  );

  route(
    router,
    {
      method: 'patch',
      path: '/admin/users/:id',
      errors: ['not_found', 'superadmin_required', 'last_superadmin', 'role_change_busy'],
      summary: 'Change role, tier, status or limits',
      tags,
      auth: true,
      before,
      params: userIdParamsSchema,
      body: patchUserBodySchema,
      responses: { 200: { description: 'The updated user', schema: adminUserSchema } },
    },
    async (req, res, { params, body }) => {
      const { user, quota } = await adminUsers.update(requirePrincipal(req).user, params.id, body);
      res.json(presentAdminUser(user, quota));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/admin/stats',
      errors: ['queues_unavailable'],
      summary: 'Users by tier and role, requests and tokens today and this month, queue depths',
      tags,
      auth: true,
      before,
      responses: { 200: { description: 'Stats', schema: statsSchema } },
    },
    async (_req, res) => {
      res.json(await buildStats(queues));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/admin/usage',
      errors: ['invalid_range'],
      summary: 'Ledger usage by user, model and/or day over a date range (UTC, inclusive)',
      tags,
      auth: true,
      before,
      query: usageQuerySchema,
      responses: { 200: { description: 'Usage rows', schema: usageReportSchema } },
    },
    async (_req, res, { query }) => {
      res.json(await buildUsageReport(query));
    },
  );

  return router;
}
