import { z } from 'zod';
import { objectIdSchema } from '../../lib/ids.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real date',
  );

/** Query numbers arrive as strings; only plain decimal integers are accepted. */
const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);

export const MAX_RANGE_DAYS = 366;

/** Only the requests made with this API key (one of the caller's: another's matches nothing). */
const apiKeyFilter = objectIdSchema('must be an API key id').optional();

export const usageQuerySchema = z.object({
  page: queryInt(1, 100_000, 1),
  limit: queryInt(1, 100, 20),
  from: isoDate.optional(),
  to: isoDate.optional(),
  group_by: z.enum(['day', 'model']).default('day'),
  model: z.string().min(1).max(200).optional(),
  api_key_id: apiKeyFilter,
});

export const usageStatsQuerySchema = z.object({ days: queryInt(1, MAX_RANGE_DAYS, 30), api_key_id: apiKeyFilter });

const accountBalanceSchema = z.object({
  account: z.string(),
  limit: z.number(),
  used: z.number(),
  reserved: z.number(),
  remaining: z.number(),
});

export const balanceSchema = z
  .object({
    tokens_remaining: z.number().describe('What the payer can still reserve: limit - used - reserved'),
    tokens_used: z.number().describe('Tokens settled in the current period'),
    monthly_limit: z.number(),
    reset_date: z.string().describe('When the current period ends (ISO)'),
    reserved: z.number().describe('Tokens held by requests in flight'),
    api_calls: z.number(),
    subscription_tier: z.string(),
    payer: z.object({ type: z.enum(['user', 'organization']), id: z.string() }),
    available: z
      .number()
      .describe("What this caller can spend now: the least remaining over its chain (own cap, then the payer's pool)"),
    accounts: z.array(accountBalanceSchema),
  })
  .openapi('TokenBalance');

export const ledgerRowSchema = z.object({
  request_id: z.string(),
  created_at: z.string(),
  day: z.string(),
  model: z.string(),
  provider: z.string().nullable(),
  status: z.enum(['completed', 'failed', 'aborted']),
  stream: z.boolean(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  billed_tokens: z.number(),
  overage_tokens: z.number(),
  usage_source: z.enum(['reported', 'counted', 'none']),
  error_code: z.string().nullable(),
  ttft_ms: z.number().nullable(),
  duration_ms: z.number().nullable(),
  payer: z.object({ type: z.enum(['user', 'organization']), id: z.string() }),
  organization_id: z.string().nullable(),
  sub_user_id: z.string().nullable(),
  api_key_id: z.string().nullable(),
});

const usageTotalsSchema = z.object({
  requests: z.number(),
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  billed_tokens: z.number(),
});

export const usageGroupSchema = usageTotalsSchema.extend({ key: z.string() });

export const usageHistorySchema = z
  .object({
    object: z.literal('list'),
    data: z.array(ledgerRowSchema),
    page: z.number(),
    limit: z.number(),
    total: z.number(),
    has_more: z.boolean(),
    range: z.object({ from: z.string(), to: z.string() }),
    group_by: z.enum(['day', 'model']),
    groups: z.array(usageGroupSchema),
    totals: usageTotalsSchema,
  })
  .openapi('TokenUsageHistory');

export const usageStatsSchema = z
  .object({
    user_id: z.string(),
    subscription_tier: z.string(),
    tokens_used: z.number(),
    tokens_remaining: z.number(),
    monthly_limit: z.number(),
    reset_date: z.string(),
    reserved: z.number(),
    monthly_usage: z.object({ api_calls: z.number(), tokens_used: z.number() }),
    current_period: usageTotalsSchema.extend({ failed_requests: z.number() }),
    range: z.object({ from: z.string(), to: z.string() }),
    daily_usage: z.array(
      z.object({ date: z.string(), requests: z.number(), tokens: z.number(), billed_tokens: z.number() }),
    ),
    model_usage: z.array(
      z.object({ model: z.string(), requests: z.number(), tokens: z.number(), billed_tokens: z.number() }),
    ),
  })
  .openapi('UsageStats');

export type UsageQuery = z.infer<typeof usageQuerySchema>;
export type UsageTotals = z.infer<typeof usageTotalsSchema>;
