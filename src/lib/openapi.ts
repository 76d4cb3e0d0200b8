import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

/** One registry per process: routes register here as they are defined, so the document matches validation. */
export const openApiRegistry = new OpenAPIRegistry();

openApiRegistry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'An access token from /auth/login-json or an API key',
});

export const ErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      code: z.string(),
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
