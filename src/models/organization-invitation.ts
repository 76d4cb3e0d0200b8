import { Schema, model, type InferSchemaType } from 'mongoose';
import { ORG_ROLES } from './organization.js';

/**
 * An offer of membership that only the invited account can accept (or decline). At most one per (organization,
 * account): a claim by insert on the unique index, so concurrent invitations cannot pile up. Accepting claims
 * the membership by insert on organization_members' unique index, then removes the invitation; declining,
 * revoking and deleting the organization remove it too, so only pending (possibly expired) offers are stored.
 * No TTL index (FerretDB has none): an expired one is refused, replaced by the next invitation, or purged.
 */
const organizationInvitationSchema = new Schema(
  {
    organization_id: { type: Schema.Types.ObjectId, required: true },
    invitee_id: { type: Schema.Types.ObjectId, required: true },
    /** The invitee's address when invited: what the inviter typed, shown back to the inviter. */
    email: { type: String, required: true },
    role: { type: String, enum: ORG_ROLES.filter((r) => r !== 'owner'), required: true },
    monthly_token_cap: { type: Number, default: null },
    invited_by: { type: Schema.Types.ObjectId, required: true },
    /** The inviter's credential_generation when inviting: a first proof of its address voids the offer. */
    inviter_generation: { type: Number, required: true },
    expires_at: { type: Date, required: true },
  },
  { collection: 'organization_invitations', timestamps: { createdAt: 'created_at', updatedAt: false } as const },
);
organizationInvitationSchema.index({ organization_id: 1, invitee_id: 1 }, { unique: true });
organizationInvitationSchema.index({ invitee_id: 1 });
organizationInvitationSchema.index({ expires_at: 1 });

export type OrganizationInvitationFields = InferSchemaType<typeof organizationInvitationSchema>;
export const OrganizationInvitationModel = model('OrganizationInvitation', organizationInvitationSchema);
