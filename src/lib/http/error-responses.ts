import type { RequestHandler } from 'express';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { ERROR_CODES, statusesOf, type ErrorCode } from '../error-codes.js';

/**
 * An error an operation can answer: a code, or a code and the one of its statuses meant (`invalid_token` is 400
 * for a mailed link and 401 for an access token).
 */
export type ErrorDecl = ErrorCode | readonly [ErrorCode, number];

const DECLARED = Symbol('declared errors');
type Declaring = { [DECLARED]?: readonly ErrorDecl[] };

/** Marks the errors a middleware can answer with, so every route using it documents them. */
export function declareErrors<H extends RequestHandler>(handler: H, errors: readonly ErrorDecl[]): H {
  (handler as H & Declaring)[DECLARED] = errors;
  return handler;
}

export const declaredErrors = (handler: RequestHandler): readonly ErrorDecl[] =>
  (handler as RequestHandler & Declaring)[DECLARED] ?? [];

/** Every `[code, status]` pair the declarations name; a code with several statuses must say which one. */
export function errorPairs(decls: readonly ErrorDecl[]): Array<[ErrorCode, number]> {
  const pairs = new Map<string, [ErrorCode, number]>();
  for (const decl of decls) {
    const [code, status] = typeof decl === 'string' ? [decl, undefined] : decl;
    const statuses = statusesOf(code);
    if (status === undefined && statuses.length > 1)
      throw new Error(`error code ${code} has several statuses (${statuses.join(', ')}): declare [code, status]`);
    const chosen = status ?? statuses[0]!;
    if (!statuses.includes(chosen)) throw new Error(`error code ${code} is never answered with ${chosen}`);
    pairs.set(`${code} ${chosen}`, [code, chosen]);
  }
  return [...pairs.values()];
}

/** The codes documented per status, each list sorted. */
export function codesByStatus(decls: readonly ErrorDecl[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const [code, status] of errorPairs(decls)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  for (const codes of byStatus.values()) codes.sort();
  return new Map([...byStatus.entries()].sort(([a], [b]) => a - b));
}

/** The contract's error envelope with `code` narrowed to `codes`. */
export function errorEnvelope(codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return z.object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      code: z.enum(codes),
      param: z.string().optional(),
      details: z.unknown().optional(),
    }),
  });
}

export const describeStatus = (status: number, codes: readonly ErrorCode[]) =>
  `${STATUS_CODES[status] ?? 'Error'}: ${codes.map((code) => `\`${code}\` (${ERROR_CODES[code].description})`).join('; ')}`;
