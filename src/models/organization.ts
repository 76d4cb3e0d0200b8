import { Schema, model, type InferSchemaType } from 'mongoose';
import { serializeDocumentWrites } from '../lib/document-locks.js';
import { bumpsAuthEpochs, epochOf } from '../lib/auth-epochs.js';
import { BOOKKEEPING_FIELDS } from './bookkeeping-fields.js';
import { TIERS } from '../domain/plans/catalog.js';

export const ORG_ROLES = ['owner', 'admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Members and their roles and caps live in `organization_members` (see organization-member.ts). */
const organizationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    owner_id: { type: Schema.Types.ObjectId, required: true },
    /** Who created it (never changes with ownership): live organizations count against their creator's limit. */
    created_by: { type: Schema.Types.ObjectId, default: null },
    settings: { type: Schema.Types.Mixed, default: () => ({}) },
    subscription_tier: { type: String, enum: TIERS, default: 'free' },
    subscription: { type: Schema.Types.Mixed, default: null },
    stripe_customer_id: { type: String, default: null },
    tokens_remaining: { type: Number, default: 0 },
    tokens_used: { type: Number, default: 0 },
    monthly_limit: { type: Number, default: 0 },
    reset_date: { type: Date, required: true },
    monthly_usage: { api_calls: { type: Number, default: 0 }, tokens_used: { type: Number, default: 0 } },
    is_active: { type: Boolean, default: true },
    deleted_at: { type: Date, default: null },
    /** Set by `npm run db:migrate` on organizations taken over from the Python system (it keeps their `members` array). */
    legacy_migration: { type: Schema.Types.Mixed, default: undefined },
  },
  {
    collection: 'organizations',
    timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const,
    minimize: false,
  },
);
organizationSchema.index({ owner_id: 1 });
organizationSchema.index({ created_by: 1 });
organizationSchema.index({ reset_date: 1 });

organizationSchema.plugin(serializeDocumentWrites('organizations'));
organizationSchema.plugin(
  bumpsAuthEpochs({
    byId: (id) => [epochOf('organizations', id)],
    byDoc: (doc) => [epochOf('organizations', String(doc._id))],
    ignoredFields: BOOKKEEPING_FIELDS,
  }),
);

export type OrganizationFields = InferSchemaType<typeof organizationSchema>;
export const OrganizationModel = model('Organization', organizationSchema);
