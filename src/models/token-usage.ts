import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * The ledger: one document per LLM request, the durable truth that Redis counters are rebuilt from. Written once,
 * complete, by the usage queue's ledger flush (src/domain/usage/ledger-flush.ts); never updated.
 */
const tokenUsageSchema = new Schema(
  {
    request_id: { type: String, required: true },
    payer_type: { type: String, enum: ['user', 'organization'], required: true },
    payer_id: { type: Schema.Types.ObjectId, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    sub_user_id: { type: Schema.Types.ObjectId, default: null },
    parent_user_id: { type: Schema.Types.ObjectId, default: null },
    organization_id: { type: Schema.Types.ObjectId, default: null },
    api_key_id: { type: Schema.Types.ObjectId, default: null },
    model: { type: String, required: true },
    provider: { type: String, default: null },
    prompt_tokens: { type: Number, default: 0 },
    completion_tokens: { type: Number, default: 0 },
    total_tokens: { type: Number, default: 0 },
    /** What counted against the quota: the real total the upstream reported (0 for a failure). */
    billed_tokens: { type: Number, default: 0 },
    /** The part of billed_tokens beyond the reservation (the payer's balance can go below zero by this much). */
    overage_tokens: { type: Number, default: 0 },
    /** The quota accounts the request drew from, e.g. "sub_user_cap:<id>", "user:<id>". */
    accounts: { type: [String], default: [] },
    reserved_tokens: { type: Number, default: 0 },
    /** `reported` when the upstream sent usage; `counted` when we tokenized what was streamed. */
    usage_source: { type: String, enum: ['reported', 'counted', 'none'], default: 'none' },
    status: { type: String, enum: ['completed', 'failed', 'aborted'], required: true },
    error_code: { type: String, default: null },
    stream: { type: Boolean, default: false },
    /** The API the request came through (rows written before this field: chat completions). */
    endpoint: { type: String, enum: ['chat.completions', 'responses', 'embeddings'], default: 'chat.completions' },
    ttft_ms: { type: Number, default: null },
    duration_ms: { type: Number, default: null },
    /** The quota period the tokens counted against: the payer's reset_date (ISO) when the request was settled. */
    period: { type: String, default: null },
    /** Redis time of the settlement (from its settled marker): when it reached the counters. */
    settled_at: { type: Date, default: null },
    /** The same in microseconds: counter rebuilds cut the ledger by it (see quota/accounts.ts ledgerTotals). */
    settled_ts: { type: Number, default: null },
    day: { type: String, required: true },
    created_at: { type: Date, default: () => new Date() },
  },
  { collection: 'token_usage' },
);
tokenUsageSchema.index({ request_id: 1 }, { unique: true });
tokenUsageSchema.index({ user_id: 1, created_at: -1 });
tokenUsageSchema.index({ payer_type: 1, payer_id: 1, period: 1 });
tokenUsageSchema.index({ organization_id: 1, user_id: 1, period: 1 });
tokenUsageSchema.index({ sub_user_id: 1, period: 1 });
tokenUsageSchema.index({ day: 1 });

export type TokenUsageFields = InferSchemaType<typeof tokenUsageSchema>;
export const TokenUsageModel = model('TokenUsage', tokenUsageSchema);
