import type { Response } from 'express';
import type { Config } from '../../../config/index.js';
import type { Principal } from '../../../lib/http/principal.js';
import { estimateEmbeddingTokens } from '../../../domain/llm/embeddings.js';
import { modelNotAllowed, unknownModel } from '../model-errors.js';
import type { RequestShape } from '../request-shape.js';
import type { LlmService } from '../service.js';
import { embeddingsRelay, type EncodingFormat } from './relay.js';
import type { EmbeddingRequest } from './schemas.js';

/**
 * `POST /v1/embeddings`: admitted like every LLM request (same limits, quota, ledger, request id and cancel),
 * reserved by the input's token count plus the margin, run by an llm worker against the upstream's /embeddings, and
 * billed by the input tokens the upstream reports.
 */
export function createEmbeddingsService({ config, llm }: { config: Config; llm: LlmService }) {
  const countOptions = { maxExactBytes: config.LLM_TOKENIZE_MAX_BYTES, margin: config.LLM_PROMPT_ESTIMATE_MARGIN };
  const shape: RequestShape<EmbeddingRequest> = {
    endpoint: 'embeddings',
    assertModel(model, payer) {
      if (!config.LLM_EMBEDDING_MODELS.includes(model)) throw unknownModel(model);
      if (!payer.embedding_models.includes(model)) throw modelNotAllowed(model, payer.tier);
    },
    estimate: (body) => estimateEmbeddingTokens(body.model, body.input, countOptions),
    completion: () => ({ wanted: 0, least: 0 }),
    // Vectors travel through Redis as base64 (a third of their JSON size); the API answers in the client's format.
    upstreamBody: (body) => ({ ...body, encoding_format: 'base64' }),
  };

  return {
    submit: (principal: Principal, organizationHeader: string | undefined, body: EmbeddingRequest, requestId: string) =>
      llm.submit(principal, organizationHeader, body, requestId, shape),
    /** Answers the vectors once the worker stored them; a client that leaves cancels the request like any other. */
    attach(res: Response, options: { requestId: string; model: string; resumable: boolean; encoding: EncodingFormat }) {
      llm.attach(res, {
        requestId: options.requestId,
        model: options.model,
        sse: false,
        fromId: '0-0',
        deferHeaders: false,
        resumable: options.resumable,
        relay: embeddingsRelay(options.encoding),
      });
    },
  };
}
export type EmbeddingsService = ReturnType<typeof createEmbeddingsService>;
