import { z } from 'zod';

export const providerParamsSchema = z.object({
  provider: z.string().max(32).openapi({ description: 'github or google', example: 'github' }),
});

export const initiateQuerySchema = z
  .object({
    code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be BASE64URL(SHA256(code_verifier)), 43 characters'),
    code_challenge_method: z.literal('S256', 'only S256 is supported'),
    state: z.string().regex(/^[\x21-\x7E]{8,512}$/, 'must be 8 to 512 printable ASCII characters'),
    redirect_uri: z.string().min(1).max(2048).openapi({ example: 'vscode://aicoder.aicoder-vscode/auth-callback' }),
  })
  .openapi('OAuthInitiateQuery');

export const callbackQuerySchema = z
  .object({
    state: z.string().max(1024).optional(),
    code: z.string().max(2048).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(2048).optional(),
  })
  .openapi('OAuthCallbackQuery');

export const exchangeBodySchema = z
  .object({
    code: z.string().min(1).max(256),
    code_verifier: z
      .string()
      .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be 43 to 128 characters of [A-Za-z0-9._~-] (RFC 7636)'),
  })
  .openapi('OAuthExchangeRequest');
