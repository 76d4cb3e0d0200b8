import type { Config } from '../../config/index.js';
import type { LlmEndpoint } from '../../../queues/index.js';
import { estimatePromptTokens, promptOptionsOf } from '../../domain/llm/tokenizer.js';
import type { PayerContext } from '../../domain/plans/payer.js';
import type { ChatCompletionRequest } from './schemas.js';
import type { RequestShape } from './request-shape.js';

const COMPLETION_LIMIT_FIELDS = ['max_tokens', 'max_completion_tokens'] as const;

/** The smallest completion limit the client set in either field, or null when it set none. */
function requestedCompletionLimit(body: ChatCompletionRequest): number | null {
  const set = [body.max_tokens, body.max_completion_tokens].filter(
    (limit): limit is number => typeof limit === 'number',
  );
  return set.length ? Math.min(...set) : null;
}

/**
 * The body sent upstream: every token-limit field the client sent (even as null, which would mean "no limit")
 * carries the grant, and `max_tokens` does when it sent none. The reservation covers the prompt plus this many
 * completion tokens, never more.
 */
function capCompletionLimits(body: ChatCompletionRequest, cap: number): Record<string, unknown> {
  const capped: Record<string, unknown> = { ...body };
  const fields = COMPLETION_LIMIT_FIELDS.filter((field) => field in body);
  for (const field of fields.length ? fields : (['max_tokens'] as const)) capped[field] = cap;
  return capped;
}

/** A chat completion's admission (also a Responses request's, translated into one). */
export function createChatShape(
  config: Config,
  assertModel: (model: string, payer: PayerContext) => void,
): (endpoint: Exclude<LlmEndpoint, 'embeddings'>) => RequestShape<ChatCompletionRequest> {
  const promptOptions = promptOptionsOf(config);
  return (endpoint) => ({
    endpoint,
    assertModel,
    estimate: (body) => estimatePromptTokens(body, promptOptions),
    completion: (body) => ({ wanted: requestedCompletionLimit(body) ?? config.LLM_DEFAULT_MAX_TOKENS, least: 1 }),
    upstreamBody: capCompletionLimits,
  });
}
