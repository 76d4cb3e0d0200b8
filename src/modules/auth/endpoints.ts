import { z } from 'zod';
import type { Config } from '../../config/index.js';

/**
 * Where a signed-in client talks to: `api_endpoint` is PUBLIC_URL as the extension has always read it; an OpenAI
 * SDK (or any OpenAI-compatible client) takes `openai_base_url`, which ends in /v1.
 */
export const endpointFields = {
  api_endpoint: z.string().openapi({ description: 'PUBLIC_URL: the base of every route of this API' }),
  openai_base_url: z.string().openapi({
    description: 'PUBLIC_URL + /v1: the `baseURL` of an OpenAI SDK (chat, models, ...)',
    example: 'https://api.example.com/v1',
  }),
};

export const endpointsOf = (config: Pick<Config, 'PUBLIC_URL'>) => ({
  api_endpoint: config.PUBLIC_URL,
  openai_base_url: `${config.PUBLIC_URL.replace(/\/+$/, '')}/v1`,
});
