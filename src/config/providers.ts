import { z } from 'zod';

/** One OpenAI-compatible upstream. Lower `priority` is tried first; `models` limits which models it serves. */
export const providerSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - only'),
  base_url: z.url(),
  api_key: z.string().min(1).optional(),
  priority: z.number().int().default(100),
  models: z.array(z.string().min(1)).optional(),
  /** Upstream model id per offered model id, e.g. {"gpt-4": "openai/gpt-4"}. */
  model_map: z.record(z.string(), z.string().min(1)).optional(),
});
export type ProviderConfig = z.infer<typeof providerSchema>;

export const providersJsonSchema = z.array(providerSchema).max(16);

/** Parses LLM_PROVIDERS_JSON; throws a readable message. */
export function parseProvidersJson(json: string): ProviderConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('is not valid JSON');
  }
  const result = providersJsonSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join(', '));
  }
  return result.data;
}

/**
 * Every configured upstream, in the order they are tried: A4F (priority 0) when its key is set, then the
 * entries of LLM_PROVIDERS_JSON (an entry named "a4f" replaces the default one). Stable by priority.
 */
export function configuredProviders(env: {
  A4F_BASE_URL: string;
  A4F_API_KEY?: string;
  LLM_PROVIDERS_JSON?: string;
}): ProviderConfig[] {
  const extra = env.LLM_PROVIDERS_JSON ? parseProvidersJson(env.LLM_PROVIDERS_JSON) : [];
  const list: ProviderConfig[] = [];
  if (env.A4F_API_KEY && !extra.some((p) => p.name === 'a4f')) {
    list.push({ name: 'a4f', base_url: env.A4F_BASE_URL, api_key: env.A4F_API_KEY, priority: 0 });
  }
  list.push(...extra);
  return list
    .map((provider, index) => ({ provider, index }))
    .sort((a, b) => a.provider.priority - b.provider.priority || a.index - b.index)
    .map(({ provider }) => provider);
}
