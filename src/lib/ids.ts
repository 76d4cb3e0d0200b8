import { z } from 'zod';

/** A MongoDB ObjectId as this API writes and accepts it: 24 lowercase hex digits. */
export const OBJECT_ID_PATTERN = /^[a-f0-9]{24}$/;

export const isObjectId = (value: unknown): value is string =>
  typeof value === 'string' && OBJECT_ID_PATTERN.test(value);

/** A zod string that must be an ObjectId (`message` names what kind of id). */
export const objectIdSchema = (message = 'must be an id') => z.string().regex(OBJECT_ID_PATTERN, message);
