import { Router } from 'express';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import { sessionIdParamsSchema, sessionListSchema, sessionSchema } from './schemas.js';
import type { SessionRecord, Sessions } from './sessions.js';
import type { z } from 'zod';

function presentSession(record: SessionRecord, currentFamilyId: string | undefined): z.infer<typeof sessionSchema> {
  return sessionSchema.parse({
    id: record._id.toString(),
    method: record.method,
    created_at: new Date(record.created_at).toISOString(),
    last_used_at: record.last_used_at.toISOString(),
    expires_at: record.expires_at.toISOString(),
    user_agent: record.user_agent ?? null,
    approximate_address: record.client_network ?? null,
    current: record.family_id === currentFamilyId,
  });
}

/** The signed-in user's sessions; an access token only (an API key is not a session and cannot end one). */
export function createSessionsRouter({
  sessions,
  authenticate,
}: {
  sessions: Sessions;
  authenticate: Authenticate;
}): Router {
  const router = Router();
  const tags = ['auth'];
  const before = [authenticate];

  route(
    router,
    {
      method: 'get',
      path: '/auth/sessions',
      summary: 'My live sessions, most recently used first',
      tags,
      auth: true,
      before,
      responses: { 200: { description: 'Sessions', schema: sessionListSchema } },
    },
    async (req, res) => {
      const { user, sessionId } = requirePrincipal(req);
      res.json({ data: (await sessions.list(user)).map((record) => presentSession(record, sessionId)) });
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/auth/sessions/:id',
      errors: ['session_not_found'],
      summary: 'End one session: its refresh and access tokens stop working at once',
      tags,
      auth: true,
      before,
      params: sessionIdParamsSchema,
      responses: { 204: { description: 'Ended' } },
    },
    async (req, res, { params }) => {
      await sessions.end(requirePrincipal(req).user, params.id);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/auth/sessions',
      summary: 'End every session but this one',
      tags,
      auth: true,
      before,
      responses: { 204: { description: 'Ended' } },
    },
    async (req, res) => {
      const { user, sessionId } = requirePrincipal(req);
      await sessions.endOthers(user, sessionId);
      res.status(204).end();
    },
  );

  return router;
}
