import { Schema, model, type InferSchemaType } from 'mongoose';

/** Per-user overrides of plan rate limits; the counters themselves live in Redis. */
const rateLimitSchema = new Schema(
  {
    user_id: { type: Schema.Types.ObjectId, required: true },
    requests_per_minute: { type: Number, default: null },
    concurrent_streams: { type: Number, default: null },
    note: { type: String, default: null },
  },
  { collection: 'rate_limits', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const },
);
rateLimitSchema.index({ user_id: 1 }, { unique: true });

export type RateLimitFields = InferSchemaType<typeof rateLimitSchema>;
export const RateLimitModel = model('RateLimit', rateLimitSchema);
