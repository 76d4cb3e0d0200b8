import { Types } from 'mongoose';
import { addMonthsUtc } from '../../lib/dates.js';

/** Readers of values as the Python system may have written them (BSON types, or strings where a client sent one). */
export const numberOr = (value: unknown, fallback: number | null): number | null =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : typeof value === 'string' && /^\d+$/.test(value.trim())
      ? Number(value)
      : fallback;

export const objectIdOf = (value: unknown): Types.ObjectId | null => {
  if (value instanceof Types.ObjectId) return value;
  if (typeof value === 'string' && /^[a-f0-9]{24}$/i.test(value)) return new Types.ObjectId(value.toLowerCase());
  if (
    value &&
    typeof value === 'object' &&
    '_bsontype' in value &&
    (value as { _bsontype: string })._bsontype === 'ObjectId'
  ) {
    return new Types.ObjectId(String(value));
  }
  return null;
};

export const dateOf = (value: unknown): Date | null => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
  return null;
};

export const plainObjectOf = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : null;

/** The first monthly anniversary of `from` after `now` (a period end for a pool that never had one). */
export function nextAnniversary(from: Date, now: Date): Date {
  for (let months = 1; months <= 1200; months += 1) {
    const candidate = addMonthsUtc(from, months);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  return addMonthsUtc(now, 1);
}

/**
 * Whether a Python `is_active` reads as active: missing is Beanie's default (True); otherwise only a clear yes
 * (`true`, 1, "true", "1", "yes"). "false", 0, null or anything unclear stays deactivated: a guess must never
 * reopen an account.
 */
export function isActiveValue(value: unknown): boolean {
  if (value === undefined || value === true || value === 1) return true;
  return typeof value === 'string' && ['true', '1', 'yes'].includes(value.trim().toLowerCase());
}

/** A filter condition that matches the value as it was read (a missing field stays missing). */
export const asRead = (value: unknown) => (value === undefined ? { $exists: false } : value);

/** A value shown in a report line: short, never a secret (only non-credential fields are shown). */
export const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};
