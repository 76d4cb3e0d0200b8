import { Schema, model, type InferSchemaType } from 'mongoose';
import { serializeDocumentWrites } from '../lib/document-locks.js';

const apiKeySchema = new Schema(
  {
    user_id: { type: Schema.Types.ObjectId, required: true },
    organization_id: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true },
    /** SHA-256 of the whole key, hex. The key itself is never stored. */
    key_hash: { type: String, required: true },
    prefix: { type: String, required: true },
    last4: { type: String, required: true },
    scopes: { type: [String], default: [] },
    expires_at: { type: Date, default: null },
    last_used_at: { type: Date, default: null },
    revoked_at: { type: Date, default: null },
    /** Set on the old key by rotation: it keeps working until this moment. */
    rotated_at: { type: Date, default: null },
    replaced_by: { type: Schema.Types.ObjectId, default: null },
    /** The owner's credential_generation when the key was made; a key of an earlier generation is refused. */
    owner_generation: { type: Number, default: 0 },
  },
  { collection: 'api_keys', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const },
);
apiKeySchema.index({ key_hash: 1 }, { unique: true });
apiKeySchema.index({ user_id: 1 });
apiKeySchema.index({ organization_id: 1 });

apiKeySchema.plugin(serializeDocumentWrites('api_keys'));

export type ApiKeyFields = InferSchemaType<typeof apiKeySchema>;
export const ApiKeyModel = model('ApiKey', apiKeySchema);
