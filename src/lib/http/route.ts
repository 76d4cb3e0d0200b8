import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { ErrorSchema, openApiRegistry } from '../openapi.js';
import { AppError, BadRequestError } from '../errors.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  /** Shown in the OpenAPI document; enforcement is the middleware passed in `before`. */
  auth?: boolean;
  body?: B;
  /** `form` accepts application/x-www-form-urlencoded (OAuth2 password style) as well as JSON. */
  bodyType?: 'json' | 'form';
  query?: Q;
  params?: P;
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  before?: RequestHandler[];
  /** Also serve the route under these paths (documented once). */
  aliases?: string[];
}

export interface Parsed<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

type Handler<B, Q, P> = (req: Request, res: Response, input: Parsed<B, Q, P>) => unknown;

/** True when the request carries a non-empty body (clients send `Content-Length: 0` with bodiless POSTs). */
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

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
  const responses: Record<string, object> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    responses[status] = response.schema
      ? {
          description: response.description,
          content: { [response.contentType ?? 'application/json']: { schema: response.schema } },
        }
      : { description: response.description };
  }
  responses.default = { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } };
  const bodyContent: Record<string, { schema: z.ZodType }> = {};
  if (spec.body) {
    bodyContent['application/json'] = { schema: spec.body };
    if (spec.bodyType === 'form') bodyContent['application/x-www-form-urlencoded'] = { schema: spec.body };
  }
  openApiRegistry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    tags: spec.tags,
    security: spec.auth ? [{ bearer: [] }] : undefined,
    request: {
      body: spec.body ? { content: bodyContent, required: true } : undefined,
      query: spec.query as never,
      params: spec.params as never,
    },
    responses: responses as never,
  });

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
    const input = {
      body: spec.body ? parseInput(spec.body, req.body ?? {}, 'body') : undefined,
      query: spec.query ? parseInput(spec.query, req.query, 'query') : undefined,
      params: spec.params ? parseInput(spec.params, req.params, 'path') : undefined,
    } as Parsed<z.infer<B>, z.infer<Q>, z.infer<P>>;
    await handler(req, res, input);
  };
  for (const path of [spec.path, ...(spec.aliases ?? [])]) {
    router[spec.method](path, ...(spec.before ?? []), handle);
  }
}
