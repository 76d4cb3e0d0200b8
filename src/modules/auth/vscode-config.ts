import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { UserDoc } from '../../models/user.js';
import type { Entitlement } from './entitlement.js';
import { endpointFields, endpointsOf } from './endpoints.js';

export const vscodeConfigSchema = z
  .object({
    ...endpointFields,
    llm: z.object({ base_url: z.string(), models: z.array(z.string()), default_model: z.string() }),
    subscription: z.object({
      tier: z.string(),
      status: z.string(),
      monthly_limit: z.number(),
      tokens_remaining: z.number(),
      reset_date: z.string(),
    }),
    limits: z.object({ monthly_tokens: z.number(), requests_per_minute: z.number(), concurrent_streams: z.number() }),
    features: z.object({
      streaming: z.boolean(),
      resumable_streams: z.boolean(),
      api_keys: z.boolean(),
      organizations: z.boolean(),
      oauth_providers: z.array(z.string()),
    }),
  })
  .openapi('VscodeConfig');

export function modelsForTier(
  config: Pick<Config, 'LLM_MODELS' | 'LLM_FREE_MODELS' | 'plans'>,
  tier: keyof Config['plans'],
): string[] {
  if (config.plans[tier].models === 'all' || config.LLM_FREE_MODELS.includes('*')) return [...config.LLM_MODELS];
  return config.LLM_MODELS.filter((model) => config.LLM_FREE_MODELS.includes(model));
}

/** What the extension needs to talk to this API. Never contains the upstream key: the extension only talks to us. */
export function buildVscodeConfig(
  config: Config,
  user: UserDoc,
  entitlement: Entitlement | null,
): z.infer<typeof vscodeConfigSchema> {
  const tier = entitlement?.tier ?? (user.subscription_tier as keyof Config['plans']);
  const plan = config.plans[tier];
  const monthlyLimit = entitlement?.monthly_limit ?? user.monthly_limit;
  const models = modelsForTier(config, tier);
  const preferred = config.LLM_DEFAULT_MODEL;
  const endpoints = endpointsOf(config);
  return vscodeConfigSchema.parse({
    ...endpoints,
    llm: {
      base_url: endpoints.openai_base_url,
      models,
      default_model: preferred && models.includes(preferred) ? preferred : (models[0] ?? ''),
    },
    subscription: {
      tier,
      status: (user.subscription as { status?: string } | null)?.status ?? (tier === 'free' ? 'free' : 'active'),
      monthly_limit: monthlyLimit,
      tokens_remaining: entitlement?.tokens_remaining ?? user.tokens_remaining,
      reset_date: entitlement?.reset_date ?? new Date(user.reset_date).toISOString(),
    },
    // What the LLM path enforces: admin overrides and a sub-user's own rate limit included.
    limits: {
      monthly_tokens: monthlyLimit,
      requests_per_minute: entitlement?.requests_per_minute ?? plan.requests_per_minute,
      concurrent_streams: entitlement?.concurrent_streams ?? plan.concurrent_streams,
    },
    features: {
      streaming: true,
      resumable_streams: true,
      api_keys:
        !user.is_sub_user ||
        Boolean((user.sub_user_permissions as { can_create_api_keys?: boolean } | null)?.can_create_api_keys),
      organizations: !user.is_sub_user,
      oauth_providers: [config.GITHUB_CLIENT_ID ? 'github' : null, config.GOOGLE_CLIENT_ID ? 'google' : null].filter(
        Boolean,
      ),
    },
  });
}
