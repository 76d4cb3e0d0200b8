import { z } from 'zod';
import { LIMIT_NAMES, limitSchemas, type LimitName, type PlanLimits } from './catalog.js';

/**
 * An administrator's per-user overrides of plan limits (the admin API's `limit_overrides`): one field per limit,
 * `null` meaning the plan's value applies.
 */
export type LimitOverrides = { [K in LimitName]: number | null };

/** A stored value of the wrong type reads as unset: the plan's value (or no own limit) applies, as for `null`. */
const storedCount = z.number().nullable().catch(null);

/**
 * A sub-user's model list: absent or null, every model of its parent's; otherwise the model names it holds. A list was
 * written to restrict, so a malformed one fails closed: its entries that are not names are dropped, and a value
 * that is not a list permits no model. The API stores a list of at least one name, or null; the legacy migration
 * turns the Python system's empty list (every model) into null.
 */
const storedModels = z
  .unknown()
  .optional()
  .transform((value): string[] | null => {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return [];
    return value.filter((model): model is string => typeof model === 'string');
  });
const storedObject = <S extends z.ZodRawShape>(shape: S) =>
  z.preprocess(
    (value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}),
    z.object(shape),
  );

/**
 * The user document's Mixed override fields, parsed: every reader goes through these (the documents come from
 * admin and sub-user writes, or unchecked from the Python system by the legacy migration). Unknown keys are dropped.
 */
const storedOverridesSchema = z.object({
  /** Set by administrators (PATCH /admin/users/:id). */
  limit_overrides: storedObject(limitSchemas(() => storedCount)),
  /** A sub-user's own monthly cap (an account of its own) and request rate, within its parent's plan. */
  sub_user_limits: storedObject({ monthly_tokens: storedCount, requests_per_minute: storedCount }),
  /** The models a sub-user may use (null: all of its parent's), and whether it may create API keys. */
  sub_user_permissions: storedObject({
    models: storedModels,
    can_create_api_keys: z.boolean().catch(false),
  }),
});
type StoredOverrides = z.infer<typeof storedOverridesSchema>;
export type SubUserLimits = StoredOverrides['sub_user_limits'];
export type SubUserPermissions = StoredOverrides['sub_user_permissions'];

const { shape } = storedOverridesSchema;
export const limitOverridesOf = (doc: { limit_overrides?: unknown }): LimitOverrides =>
  shape.limit_overrides.parse(doc.limit_overrides);
export const subUserLimitsOf = (doc: { sub_user_limits?: unknown }): SubUserLimits =>
  shape.sub_user_limits.parse(doc.sub_user_limits);
export const subUserPermissionsOf = (doc: { sub_user_permissions?: unknown }): SubUserPermissions =>
  shape.sub_user_permissions.parse(doc.sub_user_permissions);

/** The limits that apply: each override over the plan's value. */
export const effectiveLimits = (plan: PlanLimits, overrides: LimitOverrides): PlanLimits =>
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, overrides[name] ?? plan[name]])) as PlanLimits;
