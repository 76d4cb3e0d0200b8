import { z } from 'zod';

/** OpenAI's limits on one embeddings request. */
const MAX_INPUTS = 2048;
const MAX_TOKEN_ID = 2 ** 31 - 1;

const text = z.string().min(1, 'must not be empty');
const tokens = z.array(z.number().int().min(0).max(MAX_TOKEN_ID)).min(1, 'must not be empty');

/** The OpenAI embeddings request: known fields are validated, unknown ones pass through to the upstream. */
export const embeddingRequestSchema = z
  .looseObject({
    model: z.string().min(1).max(256),
    input: z.union([text, z.array(text).min(1).max(MAX_INPUTS), tokens, z.array(tokens).min(1).max(MAX_INPUTS)]),
    encoding_format: z.enum(['float', 'base64']).optional(),
    dimensions: z.number().int().min(1).max(65_536).optional(),
    user: z.string().max(256).optional(),
  })
  .superRefine((body, ctx) => {
    if ('stream' in body) ctx.addIssue({ code: 'custom', path: ['stream'], message: 'embeddings are never streamed' });
  })
  .openapi('EmbeddingRequest');
export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;

export const embeddingListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z.object({
        object: z.literal('embedding'),
        index: z.number(),
        embedding: z
          .union([z.array(z.number()), z.string()])
          .describe('Floats, or with encoding_format=base64 their little-endian float32 bytes in base64'),
      }),
    ),
    model: z.string(),
    usage: z.object({ prompt_tokens: z.number(), total_tokens: z.number() }),
  })
  .openapi('EmbeddingList');
