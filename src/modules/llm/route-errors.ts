import { PAYER_ERRORS } from '../../domain/plans/payer.js';

/** What admitting any LLM request can answer (chat, Responses, embeddings), before it reaches a worker. */
export const ADMISSION_ERRORS = [
  ...PAYER_ERRORS,
  'model_not_found',
  'model_not_allowed',
  'rate_limit_exceeded',
  'concurrency_limit_exceeded',
  'insufficient_quota',
  'usage_backlog_full',
  'queue_unavailable',
] as const;
