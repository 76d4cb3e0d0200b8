import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { BadRequestError } from '../../lib/errors.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { route } from '../../lib/http/route.js';
import {
  chatCompletionRequestSchema,
  chatCompletionStreamEventSchema,
  chatCompletionSchema,
  llmRequestStatusSchema,
  modelListSchema,
  modelParamsSchema,
  modelSchema,
  requestIdParamsSchema,
} from './schemas.js';
import type { LlmService } from './service.js';
import { LLM_REQUEST_ERRORS, STREAM_ID_PATTERN } from '../../../queues/index.js';
import { organizationHeader, organizationHeaders } from '../../lib/http/common-headers.js';
import { PAYER_ERRORS } from '../../domain/plans/payer.js';
import { ADMISSION_ERRORS } from './route-errors.js';
import { beginLlmRequest, setRateLimitHeaders } from './begin-request.js';

interface Deps {
  llm: LlmService;
  authenticate: RequestHandler;
}

const resumeQuerySchema = z.object({
  last_event_id: z.string().optional().openapi({ description: 'The same as the Last-Event-ID header' }),
});

const chatHeaders = z.object({
  'X-Stream-Resumable': z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      description:
        'With `true` (and `stream: true`) the stream survives a dropped connection: the request keeps running for ' +
        'STREAM_RESUME_GRACE_MS and GET /llm/requests/{id}/stream with Last-Event-ID continues it. Without it a ' +
        'dropped connection cancels the upstream request at once and bills what was produced.',
    }),
  'X-Organization-Id': organizationHeader,
});

const resumeHeaders = z.object({
  'Last-Event-ID': z.string().optional().openapi({
    description: 'The `id` of the last event received: the stream continues after it (none: from the start)',
  }),
  'X-Organization-Id': organizationHeader,
});

/** What admitting a chat request can refuse with: its payer, its model, its limits, its quota, the queue. */
const SSE_DESCRIPTION =
  'text/event-stream: the events of ChatCompletionStreamEvent, then `data: [DONE]`. A failure before the first ' +
  'event is a plain HTTP error instead (its headers wait up to LLM_SSE_HEADER_DEFER_MS for that).';

export function createLlmRouter({ llm, authenticate }: Deps): Router {
  const router = Router();
  const tags = ['llm'];
  const before = [authenticate];

  route(
    router,
    {
      method: 'post',
      path: '/v1/chat/completions',
      aliases: ['/llm/chat/completions'],
      tags,
      auth: true,
      before,
      summary:
        'OpenAI-compatible chat completion (stream or not); the X-Request-Id of the response is the LLM request id',
      body: chatCompletionRequestSchema,
      headers: chatHeaders,
      errors: [...ADMISSION_ERRORS, ...LLM_REQUEST_ERRORS],
      responses: {
        200: {
          description: `A chat.completion (application/json), or with \`stream: true\` an event stream. ${SSE_DESCRIPTION}`,
          content: { 'application/json': chatCompletionSchema, 'text/event-stream': chatCompletionStreamEventSchema },
        },
      },
    },
    async (req, res, { body }) => {
      const { requestId, resumable } = beginLlmRequest(req, res);
      const { context, rateLimitHeaders } = await llm.submit(
        requirePrincipal(req),
        req.get('x-organization-id'),
        body,
        requestId,
      );
      setRateLimitHeaders(res, rateLimitHeaders);
      llm.attach(res, {
        requestId,
        model: context.model,
        sse: context.stream,
        fromId: '0-0',
        deferHeaders: true,
        resumable,
      });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/v1/models',
      aliases: ['/llm/models'],
      tags,
      auth: true,
      before,
      summary: 'Models the caller (or X-Organization-Id) may use',
      headers: organizationHeaders,
      errors: PAYER_ERRORS,
      responses: { 200: { description: 'OpenAI model list', schema: modelListSchema } },
    },
    async (req, res) => {
      res.json({ object: 'list', data: await llm.listModels(requirePrincipal(req), req.get('x-organization-id')) });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/v1/models/:model',
      aliases: ['/llm/models/:model'],
      tags,
      auth: true,
      before,
      params: modelParamsSchema,
      headers: organizationHeaders,
      summary: 'One model, if the caller may use it (any other answers as an unknown model does on chat)',
      errors: [...PAYER_ERRORS, 'model_not_found'],
      responses: { 200: { description: 'OpenAI model', schema: modelSchema } },
    },
    async (req, res, { params }) => {
      res.json(await llm.retrieveModel(requirePrincipal(req), req.get('x-organization-id'), params.model));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/llm/requests/:id',
      tags,
      auth: true,
      before,
      params: requestIdParamsSchema,
      summary: "An LLM request's status (owner only; kept one hour after its last event)",
      errors: ['request_not_found'],
      responses: { 200: { description: 'Status', schema: llmRequestStatusSchema } },
    },
    async (req, res, { params }) => {
      res.json(await llm.status(requirePrincipal(req), params.id));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/llm/requests/:id/stream',
      tags,
      auth: true,
      before,
      params: requestIdParamsSchema,
      query: resumeQuerySchema,
      headers: resumeHeaders,
      errors: [
        ...PAYER_ERRORS,
        'invalid_last_event_id',
        'request_not_found',
        'concurrency_limit_exceeded',
        ...LLM_REQUEST_ERRORS,
      ],
      summary:
        'Resume a stream: replays the events after Last-Event-ID (header, or ?last_event_id=) and continues until [DONE]; counts toward the open-stream limit',
      responses: {
        200: {
          description: `The request's events after Last-Event-ID. ${SSE_DESCRIPTION}`,
          content: { 'text/event-stream': chatCompletionStreamEventSchema },
        },
      },
    },
    async (req, res, { params, query }) => {
      const lastEventId = req.get('last-event-id') ?? query.last_event_id;
      if (lastEventId !== undefined && !STREAM_ID_PATTERN.test(lastEventId)) {
        throw new BadRequestError('Last-Event-ID is not an event id of this API', {
          code: 'invalid_last_event_id',
          param: 'Last-Event-ID',
        });
      }
      await llm.resume(requirePrincipal(req), req.get('x-organization-id'), params.id, res, lastEventId ?? '0-0');
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/llm/requests/:id',
      tags,
      auth: true,
      before,
      params: requestIdParamsSchema,
      summary:
        'Cancel a request: a queued one ends now (billed nothing), a running one is stopped (billed what it produced)',
      errors: ['request_not_found'],
      responses: {
        200: { description: 'Already finished, or removed from the queue', schema: llmRequestStatusSchema },
        202: { description: 'Cancellation signalled to the worker', schema: llmRequestStatusSchema },
      },
    },
    async (req, res, { params }) => {
      const { request, signalled } = await llm.cancel(requirePrincipal(req), params.id);
      res.status(signalled ? 202 : 200).json(request);
    },
  );

  return router;
}
