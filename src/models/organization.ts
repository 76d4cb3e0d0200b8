import { Schema, model, type InferSchemaType } from 'mongoose';

export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const memberSchema = new Schema(
  {
    user_id: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ORG_ROLES, default: 'member' },
    /** Optional per-member monthly token cap inside the organization's pool. */
    monthly_token_cap: { type: Number, default: null },
    joined_at: { type: Date, default: () => new Date() },
  },
  { _id: false },
);

const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    owner_id: { type: Schema.Types.ObjectId, required: true },
    members: { type: [memberSchema], default: [] },
    settings: { type: Schema.Types.Mixed, default: () => ({}) },
    subscription_tier: { type: String, enum: ['free', 'pro', 'enterprise'], default: 'free' },
    subscription: { type: Schema.Types.Mixed, default: null },
    stripe_customer_id: { type: String, default: null },
    tokens_remaining: { type: Number, default: 0 },
    tokens_used: { type: Number, default: 0 },
    monthly_limit: { type: Number, default: 0 },
    reset_date: { type: Date, required: true },
    monthly_usage: { api_calls: { type: Number, default: 0 }, tokens_used: { type: Number, default: 0 } },
    is_active: { type: Boolean, default: true },
  },
  { collection: 'organizations', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const, minimize: false },
);
organizationSchema.index({ owner_id: 1 });
organizationSchema.index({ 'members.user_id': 1 });
organizationSchema.index({ reset_date: 1 });

export type OrganizationFields = InferSchemaType<typeof organizationSchema>;
export const OrganizationModel = model('Organization', organizationSchema);
