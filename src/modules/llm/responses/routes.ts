import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { BadRequestError } from '../../../lib/errors.js';
import { requirePrincipal } from '../../../lib/http/principal.js';
import { route } from '../../../lib/http/route.js';
import { LLM_ID_PATTERN } from '../../../../queues/jobs.js';
import { beginLlmRequest, setRateLimitHeaders } from '../begin-request.js';
import { ADMISSION_ERRORS } from '../route-errors.js';
import { PAYER_ERRORS } from '../../../domain/plans/payer.js';
import { LLM_REQUEST_ERRORS } from '../../../../queues/index.js';
import { responseCreateSchema, responseObjectSchema } from './schemas.js';
import { requestIdOf, type ResponsesService } from './service.js';

const responseParamsSchema = z.object({
  response_id: z
    .string()
    .regex(/^resp_[A-Za-z0-9_-]{8,100}$/, 'not a response id')
    .refine((id) => LLM_ID_PATTERN.test(requestIdOf(id)), 'not a response id'),
});
const SEQUENCE = /^\d{1,9}$/;
const resumeQuerySchema = z.object({
  stream: z.enum(['true', 'false']).optional(),
  starting_after: z.string().regex(SEQUENCE, 'must be an event sequence_number').optional(),
});

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
      errors: [...ADMISSION_ERRORS, ...LLM_REQUEST_ERRORS],
      responses: {
        200: {
          description:
            'A response object; with stream=true instead text/event-stream: `event: <type>` + `data: <event JSON with type and sequence_number>` (response.created, response.in_progress, response.output_item.added, response.content_part.added, response.output_text.delta, response.output_text.done, response.content_part.done, response.function_call_arguments.delta, response.function_call_arguments.done, response.output_item.done, then response.completed, response.incomplete, or error and response.failed); every event has `id: <sequence_number>` (resume: GET /v1/responses/{id}?stream=true with Last-Event-ID or starting_after)',
          schema: responseObjectSchema,
        },
      },
    },
    async (req, res, { body }) => {
      const { requestId, resumable } = beginLlmRequest(req, res);
      const { context, rateLimitHeaders } = await responses.submit(
        requirePrincipal(req),
        req.get('x-organization-id'),
        body,
        requestId,
      );
      setRateLimitHeaders(res, rateLimitHeaders);
      responses.attach(res, { context, body, resumable });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/v1/responses/:response_id',
      tags: ['llm'],
      auth: true,
      before: [authenticate],
      params: responseParamsSchema,
      query: resumeQuerySchema,
      errors: [
        ...PAYER_ERRORS,
        'invalid_last_event_id',
        'request_not_found',
        'concurrency_limit_exceeded',
        ...LLM_REQUEST_ERRORS,
      ],
      summary:
        'Resume a streamed response (owner only, while its stream is kept): the events after starting_after (a sequence_number) or Last-Event-ID, then the rest as it is generated; counts toward the open-stream limit',
      responses: { 200: { description: 'text/event-stream of Responses events', schema: responseObjectSchema } },
    },
    async (req, res, { params, query }) => {
      // Each event's id is its sequence_number: Last-Event-ID and starting_after name the same thing.
      const lastEventId = req.get('last-event-id');
      if (lastEventId !== undefined && !SEQUENCE.test(lastEventId))
        throw new BadRequestError('Last-Event-ID is not an event id of this stream (a sequence_number)', {
          code: 'invalid_last_event_id',
          param: 'Last-Event-ID',
        });
      const after = lastEventId ?? query.starting_after;
      if (query.stream !== 'true') {
        // After the owner check: no one learns from this answer whether another user's response exists.
        await responses.assertOwned(requirePrincipal(req), params.response_id);
        throw new BadRequestError('Only a streamed response can be read again here: set stream=true', {
          code: 'validation_error',
          param: 'stream',
        });
      }
      await responses.resume(
        requirePrincipal(req),
        req.get('x-organization-id'),
        params.response_id,
        res,
        after === undefined ? -1 : Number(after),
      );
    },
  );
  return router;
}
