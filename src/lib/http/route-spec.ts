import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { ErrorDecl } from './error-responses.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Several representations (e.g. JSON, or an event stream when the body asks for one); replaces schema. */
  content?: Record<string, z.ZodType>;
  /** Response headers beyond X-Request-Id (which every answer has): references to header components (openapi.ts). */
  headers?: Record<string, { $ref: string }>;
}

/** What route() declares of an operation: read by route() itself, its OpenAPI operation and its error list. */
export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  /**
   * Shown in the OpenAPI document (`true`: a bearer access token or API key; or the named scheme); enforcement is
   * the middleware passed in `before`. Without it the operation is public (`security: []`).
   */
  auth?: boolean | 'metricsToken' | 'stripeSignature';
  body?: B;
  /** `form` accepts application/x-www-form-urlencoded (OAuth2 password style) as well as JSON. */
  bodyType?: 'json' | 'form';
  /** Read by its own parser in `before` (a signed webhook): the JSON parser's errors do not apply. */
  rawBody?: boolean;
  query?: Q;
  /**
   * Query parameters outside `query` are ignored instead of refused (400 `unknown_parameter`): for pages opened
   * from outside (an OAuth provider's redirect, a mailed link) whose senders add parameters of their own.
   */
  looseQuery?: boolean;
  params?: P;
  /** Request headers the handler reads (documented; the handler validates them). */
  headers?: z.ZodObject;
  responses: Record<number, ResponseSpec>;
  /**
   * The error codes this operation's own code can answer with. Those of `before` middleware (declareErrors), of
   * validation, of the body parser and of readiness are added by route() itself.
   */
  errors?: readonly ErrorDecl[];
  /** Health and metrics (until-ready always serves them): documented without readiness and dependency errors. */
  ops?: boolean;
  before?: RequestHandler[];
  /** Also serve the route under these paths (documented once). */
  aliases?: string[];
}
