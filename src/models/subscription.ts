import { Schema, model, type InferSchemaType } from 'mongoose';
import { TIERS } from '../domain/plans/catalog.js';

const historyEntrySchema = new Schema(
  { at: Date, event_id: String, event_type: String, from_tier: String, to_tier: String, status: String, note: String },
  { _id: false },
);

/** One document per payer (user or organization) that ever had a Stripe subscription, with its history. */
const subscriptionSchema = new Schema(
  {
    owner_type: { type: String, enum: ['user', 'organization'], required: true },
    owner_id: { type: Schema.Types.ObjectId, required: true },
    stripe_customer_id: { type: String, default: null },
    stripe_subscription_id: { type: String, default: null },
    stripe_price_id: { type: String, default: null },
    tier: { type: String, enum: TIERS, default: 'free' },
    status: { type: String, default: 'none' },
    current_period_start: { type: Date, default: null },
    current_period_end: { type: Date, default: null },
    cancel_at_period_end: { type: Boolean, default: false },
    pending_tier: { type: String, default: null },
    past_due_since: { type: Date, default: null },
    /** event.created of the newest event applied, so older events arriving late are not applied over it. */
    last_event_created: { type: Number, default: 0 },
    history: { type: [historyEntrySchema], default: [] },
  },
  { collection: 'subscriptions', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const },
);
subscriptionSchema.index({ owner_type: 1, owner_id: 1 }, { unique: true });
subscriptionSchema.index({ stripe_subscription_id: 1 });
subscriptionSchema.index({ stripe_customer_id: 1 });

export type SubscriptionFields = InferSchemaType<typeof subscriptionSchema>;
export const SubscriptionModel = model('Subscription', subscriptionSchema);

/** Claim-by-insert record: a Stripe event id is applied once. */
const processedEventSchema = new Schema(
  { event_id: { type: String, required: true }, type: String, processed_at: { type: Date, default: () => new Date() } },
  { collection: 'stripe_events' },
);
processedEventSchema.index({ event_id: 1 }, { unique: true });
export const ProcessedStripeEventModel = model('ProcessedStripeEvent', processedEventSchema);
