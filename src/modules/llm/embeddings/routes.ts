import { Router, type RequestHandler } from 'express';
import { requirePrincipal } from '../../../lib/http/principal.js';
import { route } from '../../../lib/http/route.js';
import { beginLlmRequest, setRateLimitHeaders } from '../begin-request.js';
import { ADMISSION_ERRORS } from '../route-errors.js';
import { LLM_REQUEST_ERRORS } from '../../../../queues/index.js';
import { embeddingListSchema, embeddingRequestSchema } from './schemas.js';
import type { EmbeddingsService } from './service.js';

export function createEmbeddingsRouter({
  embeddings,
  authenticate,
}: {
  embeddings: EmbeddingsService;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/v1/embeddings',
      aliases: ['/llm/embeddings'],
      tags: ['llm'],
      auth: true,
      before: [authenticate],
      summary:
        'OpenAI-compatible embeddings for the models in LLM_EMBEDDING_MODELS, billed by input tokens; the X-Request-Id of the response is the LLM request id',
      body: embeddingRequestSchema,
      errors: [...ADMISSION_ERRORS, ...LLM_REQUEST_ERRORS],
      responses: { 200: { description: 'The vectors, in input order, with usage', schema: embeddingListSchema } },
    },
    async (req, res, { body }) => {
      const { requestId, resumable } = beginLlmRequest(req, res);
      const { context, rateLimitHeaders } = await embeddings.submit(
        requirePrincipal(req),
        req.get('x-organization-id'),
        body,
        requestId,
      );
      setRateLimitHeaders(res, rateLimitHeaders);
      embeddings.attach(res, {
        requestId,
        model: context.model,
        resumable,
        encoding: body.encoding_format ?? 'float',
      });
    },
  );
  return router;
}
