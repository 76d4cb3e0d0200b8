import { Schema, model, type InferSchemaType } from 'mongoose';

/** OAuth state (pending sign-in) and the one-time code handed to the extension; single use by claim-by-insert. */
const oauthCodeSchema = new Schema(
  {
    kind: { type: String, enum: ['state', 'code'], required: true },
    /** SHA-256 of the state or the code. */
    hash: { type: String, required: true },
    provider: { type: String, required: true },
    code_challenge: { type: String, required: true },
    redirect_uri: { type: String, required: true },
    client_state: { type: String, default: null },
    user_id: { type: Schema.Types.ObjectId, default: null },
    /** The user's credential_generation when the code was issued; a code from before the address was proven is void. */
    credential_generation: { type: Number, default: null },
    expires_at: { type: Date, required: true },
    used_at: { type: Date, default: null },
  },
  { collection: 'oauth_codes', timestamps: { createdAt: 'created_at', updatedAt: false } as const },
);
oauthCodeSchema.index({ kind: 1, hash: 1 }, { unique: true });
oauthCodeSchema.index({ expires_at: 1 });

export type OAuthCodeFields = InferSchemaType<typeof oauthCodeSchema>;
export const OAuthCodeModel = model('OAuthCode', oauthCodeSchema);

/**
 * Spending a state or a code inserts its id here; the unique index lets exactly one of any number of racing
 * requests win (FerretDB updates are read-then-write, so a `used_at` update could not decide the race).
 */
const oauthCodeUseSchema = new Schema(
  { code_id: { type: Schema.Types.ObjectId, required: true }, used_at: { type: Date, default: () => new Date() } },
  { collection: 'oauth_code_uses' },
);
oauthCodeUseSchema.index({ code_id: 1 }, { unique: true });
export const OAuthCodeUseModel = model('OAuthCodeUse', oauthCodeUseSchema);
