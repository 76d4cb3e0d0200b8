import { z } from 'zod';
import { objectIdSchema } from '../src/lib/ids.js';

const objectId = objectIdSchema();

/** A quota account a request draws from; the chain is checked and reserved atomically, all or nothing. */
export const payerAccountSchema = z.union([
  z.object({ kind: z.enum(['user', 'organization', 'member_cap']), id: z.string().min(1) }),
  /** A sub-user's cap names its parent, whose slot group its Redis keys live in. */
  z.object({ kind: z.literal('sub_user_cap'), id: z.string().min(1), parent: objectId }),
]);

/**
 * The API an LLM request came through. Chat completions and Responses run the same upstream chat call (the web
 * translates Responses); embeddings call the upstream's /embeddings. The ledger row records it.
 */
export const LLM_ENDPOINTS = ['chat.completions', 'responses', 'embeddings'] as const;
export type LlmEndpoint = (typeof LLM_ENDPOINTS)[number];
/** Jobs and backlog rows written before the field existed were all chat completions. */
const endpointSchema = z.enum(LLM_ENDPOINTS).default('chat.completions');

/** Who made an LLM request and who pays for it: carried from the API to the llm job and on to the usage job. */
export const requestContextSchema = z.object({
  request_id: z.string().min(8),
  user_id: objectId,
  sub_user_id: objectId.nullable(),
  parent_user_id: objectId.nullable(),
  organization_id: objectId.nullable(),
  api_key_id: objectId.nullable(),
  payer: z.object({ type: z.enum(['user', 'organization']), id: objectId }),
  accounts: z.array(payerAccountSchema).min(1),
  model: z.string().min(1),
  stream: z.boolean(),
  endpoint: endpointSchema,
  /** Tokens reserved for the request's worst case (prompt estimate + max_tokens sent upstream). */
  reserved_tokens: z.number().int().min(0),
  prompt_tokens_estimate: z.number().int().min(0),
  enqueued_at: z.number().int(),
});
export type RequestContext = z.infer<typeof requestContextSchema>;

const llmBodySchema = z.record(z.string(), z.unknown());

/**
 * An llm job: who and what, never the prompt. The body (the OpenAI request as it goes upstream, token limits
 * already capped to the grant) waits in its own Redis key (src/domain/llm/prompt-store.ts) until the worker
 * has room for it, and is dropped when the request ends.
 */
export const llmJobSchema = requestContextSchema.extend({
  /** The body's size in UTF-8 bytes: what the worker reserves of its prompt budget before loading it. */
  prompt_bytes: z.number().int().min(0).default(0),
});

/** What the llm worker runs: the job with its body loaded. */
export const llmWorkSchema = requestContextSchema.extend({ body: llmBodySchema });
export type LlmWork = z.infer<typeof llmWorkSchema>;

export const requestOutcomeSchema = z.object({
  status: z.enum(['completed', 'failed', 'aborted']),
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  /** `reported` by the upstream's usage; `counted` with the tokenizer from what was streamed; `none` for failures. */
  usage_source: z.enum(['reported', 'counted', 'none']),
  provider: z.string().nullable(),
  error_code: z.string().nullable(),
  ttft_ms: z.number().nullable(),
  duration_ms: z.number().nullable(),
});
export type RequestOutcome = z.infer<typeof requestOutcomeSchema>;

/**
 * A settled ledger row as it waits in the ledger backlog (a Redis Stream) until a `flush-ledger` job writes it
 * to token_usage: complete, so it is written once. The settlement's Redis time (settled_ts) is a field of the
 * stream entry, stamped by the script that charged the counters.
 */
export const ledgerRowSchema = z.object({
  request_id: z.string().min(8),
  payer_type: z.enum(['user', 'organization']),
  payer_id: objectId,
  user_id: objectId,
  sub_user_id: objectId.nullable(),
  parent_user_id: objectId.nullable(),
  organization_id: objectId.nullable(),
  api_key_id: objectId.nullable(),
  model: z.string().min(1),
  provider: z.string().nullable(),
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
  billed_tokens: z.number().int().min(0),
  overage_tokens: z.number().int().min(0),
  accounts: z.array(z.string().min(1)).min(1),
  reserved_tokens: z.number().int().min(0),
  usage_source: z.enum(['reported', 'counted', 'none']),
  status: z.enum(['completed', 'failed', 'aborted']),
  error_code: z.string().nullable(),
  stream: z.boolean(),
  endpoint: endpointSchema,
  ttft_ms: z.number().nullable(),
  duration_ms: z.number().nullable(),
  /** The payer's quota period (its reset_date, ISO) when the request was settled; null when the payer is gone. */
  period: z.string().nullable(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Milliseconds since the epoch. */
  created_at: z.number().int(),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

/**
 * The usage queue carries settlements (one per request, job id derived from the request id), the batched writes
 * of settled rows to the ledger, and the periodic maintenance of the quota counters (releasing expired
 * reservations, rebuilding counters from the ledger).
 */
export const usageJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('settle'), context: requestContextSchema, outcome: requestOutcomeSchema }),
  z.object({ kind: z.literal('release-expired'), as_of: z.string().datetime() }),
  /** Copies the accounts' Redis totals onto their documents (see USAGE_SEED_SYNC_MS). */
  z.object({ kind: z.literal('sync-seed'), accounts: z.array(z.string().min(1).max(100)).min(1).max(8) }),
  z.object({ kind: z.literal('reconcile'), as_of: z.string().datetime() }),
  /** Writes the ledger backlog to token_usage in batches (see USAGE_LEDGER_FLUSH_MS). */
  z.object({ kind: z.literal('flush-ledger') }),
]);

export const quotaResetJobSchema = z.object({
  /** `all-due` scans for payers whose reset_date has passed; `one` resets a single payer now (admin). */
  mode: z.enum(['all-due', 'one']),
  payer_type: z.enum(['user', 'organization']).optional(),
  payer_id: objectId.optional(),
  /** ISO time the tick represents; the processor treats it as "now" so a late worker catches up correctly. */
  as_of: z.string().datetime(),
  requested_by: z.string().optional(),
});

/** Upkeep jobs of the scheduler; `purge` removes expired and ended sign-in records (src/domain/purge). */
export const maintenanceJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('purge'), as_of: z.string().datetime() }),
]);

/**
 * A Stripe delivery as received: the raw body and its Stripe-Signature header. The worker verifies the signature
 * before applying anything, so a job added by anyone with queue access (Bull Board, Redis) cannot grant a tier.
 * event_id, type and created are copies for operators; the worker reads them from the signed payload.
 */
export const stripeSyncJobSchema = z.object({
  event_id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().int(),
  payload: z.string().min(1),
  signature: z.string().min(1).max(16_384),
});
