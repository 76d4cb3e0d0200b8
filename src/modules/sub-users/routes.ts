import { Router, type RequestHandler } from 'express';
import { requirePrincipal } from '../../lib/http/principal.js';
import { route } from '../../lib/http/route.js';
import { rejectSubUsers, requireSession } from '../../middleware/account-guards.js';
import { presentSubUser } from './presenter.js';
import type { SubUserService } from './service.js';
import {
  createSubUserBodySchema,
  subUserListSchema,
  subUserParamsSchema,
  subUserResponseSchema,
  subUserUsageSchema,
  updateSubUserBodySchema,
} from './schemas.js';

interface Deps {
  subUsers: SubUserService;
  authenticate: RequestHandler;
}

export function createSubUsersRouter({ subUsers, authenticate }: Deps): Router {
  const router = Router();
  const common = {
    tags: ['sub-users'],
    auth: true,
    before: [authenticate, requireSession, rejectSubUsers('manage sub-users')],
  };
  const parentOf = (req: Parameters<RequestHandler>[0]) => requirePrincipal(req).user;

  route(
    router,
    {
      ...common,
      method: 'post',
      path: '/sub-users',
      errors: [
        'unknown_model',
        'rate_limit_exceeded',
        'server_busy',
        'sub_user_limit_reached',
        'email_taken',
        'session_ended',
      ],
      summary: 'Create a sub-user (its own login; usage counts against your quota)',
      body: createSubUserBodySchema,
      responses: { 201: { description: 'Created', schema: subUserResponseSchema } },
    },
    async (req, res, { body }) => {
      res.status(201).json(presentSubUser(await subUsers.create(parentOf(req), body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/sub-users',
      summary: 'Your sub-users',
      responses: { 200: { description: 'Sub-users', schema: subUserListSchema } },
    },
    async (req, res) => {
      res.json({ data: (await subUsers.list(parentOf(req))).map(presentSubUser) });
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/sub-users/:id',
      errors: ['not_found'],
      summary: 'One of your sub-users',
      params: subUserParamsSchema,
      responses: { 200: { description: 'The sub-user', schema: subUserResponseSchema } },
    },
    async (req, res, { params }) => {
      res.json(presentSubUser(await subUsers.get(parentOf(req), params.id)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'patch',
      path: '/sub-users/:id',
      errors: ['not_found', 'unknown_model', 'rate_limit_exceeded', 'server_busy', 'deactivated_by_admin'],
      summary: 'Change name, password, permissions, limits, or disable',
      params: subUserParamsSchema,
      body: updateSubUserBodySchema,
      responses: { 200: { description: 'The sub-user', schema: subUserResponseSchema } },
    },
    async (req, res, { params, body }) => {
      res.json(presentSubUser(await subUsers.update(parentOf(req), params.id, body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'delete',
      path: '/sub-users/:id',
      errors: ['not_found'],
      summary: 'Delete a sub-user (sessions and keys revoked)',
      params: subUserParamsSchema,
      responses: { 204: { description: 'Deleted' } },
    },
    async (req, res, { params }) => {
      await subUsers.remove(parentOf(req), params.id);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/sub-users/:id/usage',
      errors: ['not_found'],
      summary: "A sub-user's usage: this period by model, all time, and its cap",
      params: subUserParamsSchema,
      responses: { 200: { description: 'Usage', schema: subUserUsageSchema } },
    },
    async (req, res, { params }) => {
      res.json(subUserUsageSchema.parse(await subUsers.usage(parentOf(req), params.id)));
    },
  );

  return router;
}
