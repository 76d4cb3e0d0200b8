import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { AppError, BadRequestError } from '../errors.js';
import { openApiDefinition } from './openapi-operation.js';
import { errorPairs } from './error-responses.js';
import { operationErrors } from './operation-errors.js';
import type { RouteSpec } from './route-spec.js';

export interface Parsed<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

type Handler<B, Q, P> = (req: Request, res: Response, input: Parsed<B, Q, P>) => unknown;

/** True when the request carries a non-empty body (clients send `Content-Length: 0` with bodiless POSTs). */
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The parameters `query` names (every query schema is an object). */
function queryKeysOf(query: z.ZodType | undefined): Set<string> {
  if (query === undefined) return new Set();
  if (!(query instanceof z.ZodObject)) throw new Error('a query schema must be a z.object');
  return new Set(Object.keys(query.shape));
}

/** A parameter the operation does not take is refused: silently ignoring it would answer something else than asked. */
function refuseUnknownQuery(req: Request, allowed: Set<string>): void {
  const unknown = Object.keys(req.query as Record<string, unknown>).find((name) => !allowed.has(name));
  if (unknown === undefined) return;
  const name = unknown.slice(0, 100);
  const takes = allowed.size ? `; it takes ${[...allowed].join(', ')}` : '; it takes none';
  throw new BadRequestError(`Unknown query parameter \`${name}\` for this operation${takes}`, {
    code: 'unknown_parameter',
    param: name,
  });
}

/**
 * The path of the first string (or key) holding a NUL character, or undefined. Iterative, so a body nested
 * thousands of levels deep cannot overflow the stack. PostgreSQL (under FerretDB) cannot store NUL in text, so
 * such a value would fail in the database as a 500; real MongoDB refuses it in keys.
 */
function findNul(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path;
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const nulAt = findNul(value);
  if (nulAt !== undefined) {
    throw new BadRequestError(`${where}${nulAt ? `.${nulAt}` : ''}: must not contain NUL characters`, {
      code: 'validation_error',
      param: nulAt || undefined,
    });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const param = first?.path.join('.') || undefined;
  const message = first ? `${where}${param ? `.${param}` : ''}: ${first.message}` : `Invalid ${where}`;
  throw new BadRequestError(message, {
    code: 'validation_error',
    param,
    details: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

/** Registers a route on the router and in the OpenAPI document from the same zod schemas that validate it. */
export function route<
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(router: Router, spec: RouteSpec<B, Q, P>, handler: Handler<z.infer<B>, z.infer<Q>, z.infer<P>>): void {
  const errors = operationErrors(spec);
  const operationId = openApiDefinition(spec, errors);
  const allowedQuery = spec.looseQuery ? undefined : queryKeysOf(spec.query);
  const documented = new Set(errorPairs(errors).map(([code, status]) => `${code} ${status}`));
  const describe: RequestHandler = (_req, res, next) => {
    res.locals.operation = { id: operationId, errors: documented };
    next();
  };

  const mediaTypes =
    spec.bodyType === 'form' ? ['application/json', 'application/x-www-form-urlencoded'] : ['application/json'];
  const handle: RequestHandler = async (req, res) => {
    // A body in a type this route does not parse would be ignored (an empty body is accepted): refuse it instead.
    if (spec.body && hasBody(req) && !req.is(mediaTypes)) {
      throw new AppError(
        415,
        'invalid_request_error',
        'unsupported_media_type',
        `Send the request body as ${mediaTypes.join(' or ')}`,
      );
    }
    if (allowedQuery) refuseUnknownQuery(req, allowedQuery);
    const input = {
      body: spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined,
      query: spec.query ? parseInput(spec.query, req.query, 'query') : undefined,
      params: spec.params ? parseInput(spec.params, req.params, 'path') : undefined,
    } as Parsed<z.infer<B>, z.infer<Q>, z.infer<P>>;
    await handler(req, res, input);
  };
  for (const path of [spec.path, ...(spec.aliases ?? [])]) {
    router[spec.method](path, describe, ...(spec.before ?? []), handle);
  }
}
