import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { UserDoc } from '../../models/user.js';
import type { Entitlement } from '../../domain/plans/entitlement.js';
import { limitSchemas, requestLimitsOf } from '../../domain/plans/catalog.js';
import { modelsForTier } from '../../domain/plans/models.js';
import { subUserPermissionsOf } from '../../domain/plans/overrides.js';
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
    limits: z.object(limitSchemas(() => z.number())),
    features: z.object({
      streaming: z.boolean(),
      resumable_streams: z.boolean(),
      api_keys: z.boolean(),
      organizations: z.boolean(),
      oauth_providers: z.array(z.string()),
    }),
  })
  .openapi('VscodeConfig');

/** What the extension needs to talk to this API. Never contains the upstream key: the extension only talks to us. */
export function buildVscodeConfig(
  config: Config,
  user: UserDoc,
  entitlement: Entitlement | null,
): z.infer<typeof vscodeConfigSchema> {
  const tier = entitlement?.tier ?? user.subscription_tier;
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
    limits: { monthly_tokens: monthlyLimit, ...requestLimitsOf(entitlement ?? plan) },
    features: {
      streaming: true,
      resumable_streams: true,
      api_keys: !user.is_sub_user || subUserPermissionsOf(user).can_create_api_keys,
      organizations: !user.is_sub_user,
      oauth_providers: [config.GITHUB_CLIENT_ID ? 'github' : null, config.GOOGLE_CLIENT_ID ? 'google' : null].filter(
        Boolean,
      ),
    },
  });
}
