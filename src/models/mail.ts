import { Schema, model, type InferSchemaType } from 'mongoose';

export const MAIL_TOKEN_PURPOSES = ['password_reset', 'verify_email', 'email_change', 'email_change_cancel'] as const;
export type MailTokenPurpose = (typeof MAIL_TOKEN_PURPOSES)[number];

/**
 * The secret of a link sent by mail (password reset, address verification, address change and its cancel), stored only as
 * SHA-256, with its purpose, the address it was sent to and an expiry. Spent by a claim by insert into
 * mail_token_uses. No TTL index (FerretDB has none): purgeMailTokens removes spent and expired ones.
 */
const mailTokenSchema = new Schema(
  {
    hash: { type: String, required: true },
    purpose: { type: String, enum: MAIL_TOKEN_PURPOSES, required: true },
    user_id: { type: Schema.Types.ObjectId, required: true },
    /** The address the link went to: the account's address (reset, verify) or the requested new one. */
    email: { type: String, required: true },
    /** The user's token_version at issue: a reset link dies with any later password change or revocation. */
    token_version: { type: Number, required: true },
    /** For address-change links (confirm, cancel): the one change they were minted for. */
    change_id: { type: String, default: null },
    expires_at: { type: Date, required: true },
  },
  { collection: 'mail_tokens', timestamps: { createdAt: 'created_at', updatedAt: false } as const },
);
mailTokenSchema.index({ hash: 1 }, { unique: true });
mailTokenSchema.index({ expires_at: 1 });
export type MailTokenFields = InferSchemaType<typeof mailTokenSchema>;
export const MailTokenModel = model('MailToken', mailTokenSchema);

const mailTokenUseSchema = new Schema(
  { token_id: { type: Schema.Types.ObjectId, required: true }, used_at: { type: Date, default: () => new Date() } },
  { collection: 'mail_token_uses' },
);
mailTokenUseSchema.index({ token_id: 1 }, { unique: true });
mailTokenUseSchema.index({ used_at: 1 });
export const MailTokenUseModel = model('MailTokenUse', mailTokenUseSchema);

/**
 * One row per message handed to the SMTP server (key: the job id, plus the recipient's id for a message sent to
 * several people). A job retried after its message went out, or enqueued again after BullMQ forgot the job id,
 * sends nothing twice. Purged with the mail tokens after MAIL_DELIVERY_KEEP_DAYS.
 */
const mailDeliverySchema = new Schema(
  {
    key: { type: String, required: true },
    kind: { type: String, required: true },
    sent_at: { type: Date, default: () => new Date() },
  },
  { collection: 'mail_deliveries' },
);
mailDeliverySchema.index({ key: 1 }, { unique: true });
mailDeliverySchema.index({ sent_at: 1 });
export const MailDeliveryModel = model('MailDelivery', mailDeliverySchema);
