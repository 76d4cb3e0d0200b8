import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * What the user sees of a sign-in (GET /auth/sessions): one document per refresh-token family. Whether it has
 * ended is not stored here: ending is an insert into `refresh_token_revoked_families` (an update here could be
 * undone by a racing refresh's update, FerretDB rewriting whole documents), and a session is live while its
 * family is not revoked, `expires_at` (the newest refresh token's expiry) is ahead and the user's
 * token_version is the one it was issued under.
 */
const sessionSchema = new Schema(
  {
    family_id: { type: String, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    /** How it began: `password` (login, login-json, a password change), `oauth` (the extension's code exchange). */
    method: { type: String, required: true },
    user_agent: { type: String, default: null },
    /** The client's network, not its address: IPv4 /24 or IPv6 /48 (src/lib/ip.ts). */
    client_network: { type: String, default: null },
    token_version: { type: Number, required: true },
    last_used_at: { type: Date, required: true },
    expires_at: { type: Date, required: true },
  },
  { collection: 'sessions', timestamps: { createdAt: 'created_at', updatedAt: false } as const },
);
sessionSchema.index({ family_id: 1 }, { unique: true });
sessionSchema.index({ user_id: 1 });
sessionSchema.index({ expires_at: 1 });

export type SessionFields = InferSchemaType<typeof sessionSchema>;
export const SessionModel = model('Session', sessionSchema);
