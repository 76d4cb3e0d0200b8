import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ERROR_CODE_LIST } from './error-codes.js';

extendZodWithOpenApi(z);

/** One registry per process: routes register here as they are defined, so the document matches validation. */
export const openApiRegistry = new OpenAPIRegistry();

openApiRegistry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'An access token from /auth/login-json or an API key',
});
openApiRegistry.registerComponent('securitySchemes', 'metricsToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'METRICS_TOKEN, when the server sets one',
});
openApiRegistry.registerComponent('securitySchemes', 'stripeSignature', {
  type: 'apiKey',
  in: 'header',
  name: 'Stripe-Signature',
  description: 'The signature Stripe computes over the raw body with STRIPE_WEBHOOK_SECRET',
});

export const REQUEST_ID_HEADER = openApiRegistry.registerComponent('headers', 'X-Request-Id', {
  description:
    "This answer's id, also in the logs. On POST /v1/chat/completions it is the LLM request id used by /llm/requests/{id}.",
  schema: { type: 'string' },
}).ref;
export const SHOULD_RETRY_HEADER = openApiRegistry.registerComponent('headers', 'x-should-retry', {
  description:
    '`false` when sending the same request again cannot succeed (an exhausted quota, a bad request, a refused credential); `true` for rate limits and transient failures. The openai SDKs honour it.',
  schema: { type: 'string', enum: ['true', 'false'] },
}).ref;
export const RETRY_AFTER_HEADER = openApiRegistry.registerComponent('headers', 'Retry-After', {
  description: 'Seconds to wait before sending the request again (rate limits, and 503s that will pass)',
  schema: { type: 'integer', minimum: 1 },
}).ref;

export const ErrorCodeSchema = z
  .enum(ERROR_CODE_LIST)
  .openapi('ErrorCode', { description: 'Every error code this API answers with (see each operation for its own)' });

export const ErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      code: ErrorCodeSchema,
      param: z.string().optional(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export function buildOpenApiDocument(publicUrl: string): object {
  const generator = new OpenApiGeneratorV31(openApiRegistry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'AI Coder backend',
      version: '0.1.0',
      description: 'Accounts, quotas, billing and an OpenAI-compatible streaming LLM proxy for the VS Code extension.',
    },
    servers: [{ url: publicUrl }],
  });
}
