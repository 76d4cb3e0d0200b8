import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import {
  ErrorSchema,
  REQUEST_ID_HEADER,
  RETRY_AFTER_HEADER,
  SHOULD_RETRY_HEADER,
  openApiRegistry,
} from '../openapi.js';
import { codesByStatus, describeStatus, errorEnvelope, type ErrorDecl } from './error-responses.js';
import { claimOperationId } from './operation-ids.js';
import type { RouteSpec } from './route-spec.js';

type AnySpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');

/** `[]` for a public operation; the metrics token is optional (`{}`): only a server that sets METRICS_TOKEN asks for it. */
function securityOf(auth: AnySpec['auth']): Array<Record<string, string[]>> {
  if (!auth) return [];
  if (auth === 'metricsToken') return [{ metricsToken: [] }, {}];
  return [{ [auth === true ? 'bearer' : auth]: [] }];
}

function successResponses(spec: AnySpec): Record<string, ResponseConfig> {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const content =
      response.content ?? (response.schema ? { [response.contentType ?? 'application/json']: response.schema } : {});
    const entries = Object.entries(content).map(([type, schema]) => [type, { schema }]);
    responses[status] = {
      description: response.description,
      headers: { 'X-Request-Id': REQUEST_ID_HEADER, ...response.headers },
      ...(entries.length
        ? { content: Object.fromEntries(entries) }
        : response.contentType
          ? { content: { [response.contentType]: { schema: { type: 'string' } } } }
          : {}),
    };
  }
  return responses;
}

/** One response per error status, its `code` an enum of what this operation can answer with there. */
function errorResponses(errors: readonly ErrorDecl[], declared: Record<string, ResponseConfig>) {
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, codes] of codesByStatus(errors)) {
    const headers = {
      'X-Request-Id': REQUEST_ID_HEADER,
      'x-should-retry': SHOULD_RETRY_HEADER,
      ...(status === 429 || status === 503 ? { 'Retry-After': RETRY_AFTER_HEADER } : {}),
    };
    const json = { 'application/json': { schema: errorEnvelope(codes as [(typeof codes)[0], ...typeof codes]) } };
    const own = declared[status];
    // An operation that documents this status itself (an HTML page, /readyz's report) keeps it; JSON errors join it.
    responses[status] = own
      ? { ...own, headers: { ...headers, ...own.headers }, content: { ...json, ...own.content } }
      : { description: describeStatus(status, codes), headers, content: json };
  }
  return responses;
}

/** Registers the operation in the OpenAPI document; returns its operationId. */
export function openApiDefinition(spec: AnySpec, errors: readonly ErrorDecl[]): string {
  const path = toOpenApiPath(spec.path);
  const operationId = claimOperationId(spec.method, path);
  const success = successResponses(spec);
  const bodyContent: Record<string, { schema: z.ZodType }> = {};
  if (spec.body) {
    bodyContent['application/json'] = { schema: spec.body };
    if (spec.bodyType === 'form') bodyContent['application/x-www-form-urlencoded'] = { schema: spec.body };
  }
  openApiRegistry.registerPath({
    method: spec.method,
    path,
    operationId,
    summary: spec.summary,
    tags: spec.tags,
    security: securityOf(spec.auth),
    request: {
      body: spec.body ? { content: bodyContent, required: true } : undefined,
      query: spec.query as never,
      params: spec.params as never,
      headers: spec.headers as never,
    },
    responses: {
      ...success,
      ...errorResponses(errors, success),
      default: {
        description: 'Any other error',
        headers: { 'X-Request-Id': REQUEST_ID_HEADER },
        content: { 'application/json': { schema: ErrorSchema } },
      },
    },
  });
  return operationId;
}
