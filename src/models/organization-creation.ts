import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One row per organization created, kept when the organization is deleted or handed over: each new organization
 * starts with a free pool, so creations are counted per creator and calendar month (UTC), not by what still
 * exists. A creation claims the first free slot 0..N-1 of its (creator, month) by insert on the unique index:
 * concurrent creations, on any process, cannot share a slot, and nothing is read and written back.
 */
const organizationCreationSchema = new Schema(
  {
    creator_id: { type: Schema.Types.ObjectId, required: true },
    /** The calendar month of the creation, `YYYY-MM` (UTC). */
    period: { type: String, required: true },
    slot: { type: Number, required: true },
    created_at: { type: Date, default: () => new Date() },
  },
  { collection: 'organization_creations' },
);
organizationCreationSchema.index({ creator_id: 1, period: 1, slot: 1 }, { unique: true });

export type OrganizationCreationFields = InferSchemaType<typeof organizationCreationSchema>;
export const OrganizationCreationModel = model('OrganizationCreation', organizationCreationSchema);
