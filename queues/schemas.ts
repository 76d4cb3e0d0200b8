import { z } from 'zod';

const objectId = z.string().regex(/^[a-f0-9]{24}$/);

/** A quota account a request draws from; the chain is checked and reserved atomically, all or nothing. */
export const payerAccountSchema = z.object({
  kind: z.enum(['user', 'organization', 'sub_user_cap', 'member_cap']),
  id: z.string().min(1),
});

export const llmJobSchema = z.object({
  request_id: z.string().min(8),
  user_id: objectId,
  sub_user_id: objectId.nullable(),
  parent_user_id: objectId.nullable(),
  organization_id: objectId.nullable(),
  api_key_id: objectId.nullable(),
  payer: z.object({ type: z.enum(['user', 'organization']), id: objectId }),
  accounts: z.array(payerAccountSchema).min(1),
  model: z.string().min(1),
  /** The OpenAI request body as sent upstream (max_tokens already capped). */
  body: z.record(z.string(), z.unknown()),
  stream: z.boolean(),
  reserved_tokens: z.number().int().min(0),
  prompt_tokens_estimate: z.number().int().min(0),
  enqueued_at: z.number().int(),
});

export const usageJobSchema = z.object({
  request_id: z.string().min(8),
  status: z.enum(['completed', 'failed', 'aborted']),
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  usage_source: z.enum(['reported', 'counted', 'none']),
  provider: z.string().nullable(),
  error_code: z.string().nullable(),
  ttft_ms: z.number().nullable(),
  duration_ms: z.number().nullable(),
});

export const quotaResetJobSchema = z.object({
  /** `all-due` scans for payers whose reset_date has passed; `one` resets a single payer now (admin). */
  mode: z.enum(['all-due', 'one']),
  payer_type: z.enum(['user', 'organization']).optional(),
  payer_id: objectId.optional(),
  /** ISO time the tick represents; the processor treats it as "now" so a late worker catches up correctly. */
  as_of: z.string().datetime(),
  requested_by: z.string().optional(),
});

export const stripeSyncJobSchema = z.object({
  event_id: z.string().min(1),
  type: z.string().min(1),
  created: z.number().int(),
  /** The verified event object, as Stripe sent it. */
  event: z.record(z.string(), z.unknown()),
});
