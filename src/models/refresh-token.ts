import { Schema, model, type InferSchemaType } from 'mongoose';
import { bumpsAuthEpochs, epochOf } from '../lib/auth-epochs.js';

/**
 * One document per issued refresh token. Rotation is a claim by insert into `refresh_token_uses`
 * (unique on token_id), because FerretDB updates are read-then-write and two refreshes may race.
 */
const refreshTokenSchema = new Schema(
  {
    token_hash: { type: String, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    family_id: { type: String, required: true },
    expires_at: { type: Date, required: true },
    revoked_at: { type: Date, default: null },
    user_agent: { type: String, default: null },
    /** When the person signed in (password or OAuth); copied unchanged by every rotation. */
    auth_time: { type: Date, default: null },
    /** The user's token_version when issued: a session ended by a bump cannot be refreshed into a new one. */
    token_version: { type: Number, default: null },
    /** The token this one was rotated from (null for the first of a session): tells a just-spent parent from an older ancestor. */
    parent_id: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'refresh_tokens', timestamps: { createdAt: 'created_at', updatedAt: false } as const },
);
refreshTokenSchema.index({ token_hash: 1 }, { unique: true });
refreshTokenSchema.index({ family_id: 1 });
refreshTokenSchema.index({ user_id: 1 });
refreshTokenSchema.index({ parent_id: 1 });
refreshTokenSchema.index({ expires_at: 1 });

export type RefreshTokenFields = InferSchemaType<typeof refreshTokenSchema>;
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);

const refreshTokenUseSchema = new Schema(
  { token_id: { type: Schema.Types.ObjectId, required: true }, used_at: { type: Date, default: () => new Date() } },
  { collection: 'refresh_token_uses' },
);
refreshTokenUseSchema.index({ token_id: 1 }, { unique: true });
export const RefreshTokenUseModel = model('RefreshTokenUse', refreshTokenUseSchema);

/** A revoked family: checked on every refresh; an insert, so revocation never races. */
const revokedFamilySchema = new Schema(
  {
    family_id: { type: String, required: true },
    reason: String,
    revoked_at: { type: Date, default: () => new Date() },
  },
  { collection: 'refresh_token_revoked_families' },
);
revokedFamilySchema.index({ family_id: 1 }, { unique: true });
revokedFamilySchema.index({ revoked_at: 1 });
revokedFamilySchema.plugin(bumpsAuthEpochs({ byDoc: (doc) => [epochOf('session', String(doc.family_id))] }));
export const RevokedFamilyModel = model('RevokedFamily', revokedFamilySchema);
