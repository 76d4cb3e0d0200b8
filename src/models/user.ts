import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { serializeDocumentWrites } from '../lib/document-locks.js';
import { bumpsAuthEpochs, epochOf } from '../lib/auth-epochs.js';
import { BOOKKEEPING_FIELDS } from './bookkeeping-fields.js';
import { readLegacyUserFields } from './legacy-user.js';
import { TIERS } from '../domain/plans/catalog.js';

export const ROLES = ['user', 'developer', 'admin', 'superadmin'] as const;
export type Role = (typeof ROLES)[number];
export const DEACTIVATED_BY = ['admin', 'parent', 'self'] as const;
export type DeactivatedBy = (typeof DEACTIVATED_BY)[number];

const monthlyUsageSchema = new Schema(
  { api_calls: { type: Number, default: 0 }, tokens_used: { type: Number, default: 0 } },
  { _id: false },
);

const oauthIdentitySchema = new Schema(
  { provider: String, subject: String, email: String, linked_at: Date },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    password_hash: { type: String, default: null },
    name: { type: String, default: '' },
    first_name: { type: String, default: null },
    last_name: { type: String, default: null },
    role: { type: String, enum: ROLES, default: 'user' },
    subscription_tier: { type: String, enum: TIERS, default: 'free' },
    subscription: { type: Schema.Types.Mixed, default: null },
    stripe_customer_id: { type: String, default: null },
    is_active: { type: Boolean, default: true },
    /** Who turned is_active off (null while active): a parent may not turn on a sub-user an administrator turned off. */
    deactivated_by: { type: String, enum: [...DEACTIVATED_BY, null], default: null },
    /** Whether the current email address was proven (OAuth with a verified email; an address change clears it). */
    is_verified: { type: Boolean, default: false },
    /** When the current address was proven; null while it is not. */
    email_verified_at: { type: Date, default: null },
    /** An address change waiting for the new address to confirm (PATCH /users/me); the address itself is unchanged until then. */
    pending_email: { type: String, default: null },
    /** Identifies the pending change (its mails' job ids); a newer request replaces it. */
    pending_email_change_id: { type: String, default: null },
    /** Alerts by mail (quota, failed payments); security notices are always sent. */
    email_alerts: { type: Boolean, default: true },
    tokens_remaining: { type: Number, default: 0 },
    tokens_used: { type: Number, default: 0 },
    monthly_limit: { type: Number, default: 0 },
    reset_date: { type: Date, required: true },
    monthly_usage: { type: monthlyUsageSchema, default: () => ({}) },
    last_login_at: { type: Date, default: null },
    /** Bumped to invalidate every access token issued before it (password change, deactivation). */
    token_version: { type: Number, default: 0 },
    /**
     * Bumped when a person proves the account's address for the first time: API keys and sign-in codes made
     * under an earlier generation stop working, so nobody who held the address before keeps access.
     */
    credential_generation: { type: Number, default: 0 },
    oauth_identities: { type: [oauthIdentitySchema], default: [] },
    parent_user_id: { type: Schema.Types.ObjectId, default: null },
    is_sub_user: { type: Boolean, default: false },
    sub_user_permissions: { type: Schema.Types.Mixed, default: null },
    sub_user_limits: { type: Schema.Types.Mixed, default: null },
    /** Per-user overrides of plan limits set by admins; read through src/domain/plans/overrides.ts, as the two above. */
    limit_overrides: { type: Schema.Types.Mixed, default: null },
    profile: { type: Schema.Types.Mixed, default: null },
    /** Set by `npm run db:migrate` on accounts taken over from the Python system (see legacy-user.ts). */
    legacy_migration: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: 'users', timestamps: { createdAt: 'created_at', updatedAt: 'updated_at' } as const, minimize: false },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ parent_user_id: 1 });
userSchema.index({ reset_date: 1 });
userSchema.index({ stripe_customer_id: 1 });
userSchema.index({ subscription_tier: 1, role: 1 });

// Python documents not migrated yet read as the migration would convert them (tier, name, proof state).
userSchema.pre('init', function (raw: Record<string, unknown>) {
  readLegacyUserFields(raw);
});

userSchema.plugin(serializeDocumentWrites('users'));
// Every write of a user (is_active, token_version, role, password, tier, limits...) invalidates cached credentials;
// usage totals and the last sign-in do not.
userSchema.plugin(
  bumpsAuthEpochs({
    byId: (id) => [epochOf('users', id)],
    byDoc: (doc) => [epochOf('users', String(doc._id))],
    ignoredFields: BOOKKEEPING_FIELDS,
  }),
);

export type UserFields = InferSchemaType<typeof userSchema>;
export type UserDoc = HydratedDocument<UserFields>;
export const UserModel = model('User', userSchema);
