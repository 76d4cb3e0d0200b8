import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { BadRequestError, NotFoundError } from '../../lib/errors.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { route } from '../../lib/http/route.js';
import {
  chatCompletionChunkStreamSchema,
  chatCompletionRequestSchema,
  chatCompletionSchema,
  llmRequestStatusSchema,
  modelListSchema,
  modelParamsSchema,
  modelSchema,
  requestIdParamsSchema,
} from './schemas.js';
import type { LlmService } from './service.js';
import { newRequestId } from '../../../queues/jobs.js';
import { STREAM_ID_PATTERN } from '../../../queues/index.js';
import { resumableRequested } from './resumable.js';

interface Deps {
  llm: LlmService;
  authenticate: RequestHandler;
}

const resumeQuerySchema = z.object({ last_event_id: z.string().optional() });

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
      responses: {
        200: {
          description:
            'A chat.completion; with stream=true instead text/event-stream: `id:` + `data: <chat.completion.chunk>` events, then `data: [DONE]`',
          schema: chatCompletionSchema,
        },
      },
    },
    async (req, res, { body }) => {
      const requestId = newRequestId();
      req.id = requestId;
      req.log = req.log.child({ llm_request_id: requestId });
      res.setHeader('X-Request-Id', requestId);
      const resumable = resumableRequested(req, res);
      const { context, rateLimitHeaders } = await llm.submit(
        requirePrincipal(req),
        req.get('x-organization-id'),
        body,
        requestId,
      );
      for (const [name, value] of Object.entries(rateLimitHeaders)) res.setHeader(name, value);
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
      summary: 'One model, if the caller may use it',
      responses: { 200: { description: 'OpenAI model', schema: modelSchema } },
    },
    async (req, res, { params }) => {
      const model = (await llm.listModels(requirePrincipal(req), req.get('x-organization-id'))).find(
        (m) => m.id === params.model,
      );
      if (!model) throw new NotFoundError(`Model ${params.model}`, 'model_not_found');
      res.json(model);
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
      summary:
        'Resume a stream: replays the events after Last-Event-ID (header, or ?last_event_id=) and continues until [DONE]; counts toward the open-stream limit',
      responses: {
        200: { description: 'SSE stream', schema: chatCompletionChunkStreamSchema, contentType: 'text/event-stream' },
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
