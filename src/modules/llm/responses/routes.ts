import { Router, type RequestHandler } from 'express';
import { requirePrincipal } from '../../../lib/http/principal.js';
import { route } from '../../../lib/http/route.js';
import { newRequestId } from '../../../../queues/jobs.js';
import { resumableRequested } from '../resumable.js';
import { responseCreateSchema, responseObjectSchema } from './schemas.js';
import type { ResponsesService } from './service.js';

export function createResponsesRouter({
  responses,
  authenticate,
}: {
  responses: ResponsesService;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/v1/responses',
      tags: ['llm'],
      auth: true,
      before: [authenticate],
      summary:
        'OpenAI Responses API (stream or not), served through the upstream chat completions; the X-Request-Id of the response is the LLM request id (the response id is resp_ + what follows req_)',
      body: responseCreateSchema,
      responses: {
        200: {
          description:
            'A response object; with stream=true instead text/event-stream: `event: <type>` + `data: <event JSON with type and sequence_number>` (response.created, response.in_progress, response.output_item.added, response.content_part.added, response.output_text.delta, response.output_text.done, response.content_part.done, response.function_call_arguments.delta, response.function_call_arguments.done, response.output_item.done, then response.completed, response.incomplete, or error and response.failed); the last event of each stream entry carries an `id`',
          schema: responseObjectSchema,
        },
      },
    },
    async (req, res, { body }) => {
      const requestId = newRequestId();
      req.id = requestId;
      req.log = req.log.child({ llm_request_id: requestId });
      res.setHeader('X-Request-Id', requestId);
      const resumable = resumableRequested(req, res);
      const { context, rateLimitHeaders } = await responses.submit(
        requirePrincipal(req),
        req.get('x-organization-id'),
        body,
        requestId,
      );
      for (const [name, value] of Object.entries(rateLimitHeaders)) res.setHeader(name, value);
      responses.attach(res, { context, body, resumable });
    },
  );
  return router;
}
