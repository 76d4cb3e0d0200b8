import { Schema, model, type InferSchemaType } from 'mongoose';
import { ORG_ROLES } from './organization.js';
import { bumpsAuthEpochs, epochOf } from '../lib/auth-epochs.js';

/**
 * One document per (organization, member). Membership lives here rather than in an array on the organization:
 * FerretDB writes a whole document back on every update, so the usage worker's seed-field writes (and
 * billing's) on the organization would silently undo a concurrent member change. Here an addition is a
 * claim by insert on the unique (organization_id, user_id) index, and a change touches only that member.
 */
const organizationMemberSchema = new Schema(
  {
    organization_id: { type: Schema.Types.ObjectId, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ORG_ROLES, required: true },
    /** Optional per-member monthly token cap inside the organization's pool (null: no cap). */
    monthly_token_cap: { type: Number, default: null },
    joined_at: { type: Date, default: () => new Date() },
  },
  { collection: 'organization_members', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const },
);
organizationMemberSchema.index({ organization_id: 1, user_id: 1 }, { unique: true });
organizationMemberSchema.index({ user_id: 1 });

// Member writes are by the member's _id (the organization is not in the filter): they bump the global epoch.
organizationMemberSchema.plugin(
  bumpsAuthEpochs({ byDoc: (doc) => [epochOf('organizations', String(doc.organization_id))] }),
);

export type OrganizationMemberFields = InferSchemaType<typeof organizationMemberSchema>;
export const OrganizationMemberModel = model('OrganizationMember', organizationMemberSchema);
