import type { Config } from '../../config/index.js';
import type { Tier } from './catalog.js';

/** The chat models a tier offers: every configured model, or the free subset (`LLM_FREE_MODELS`, `*` = all). */
export function modelsForTier(config: Pick<Config, 'LLM_MODELS' | 'LLM_FREE_MODELS' | 'plans'>, tier: Tier): string[] {
  if (config.plans[tier].models === 'all' || config.LLM_FREE_MODELS.includes('*')) return [...config.LLM_MODELS];
  return config.LLM_MODELS.filter((model) => config.LLM_FREE_MODELS.includes(model));
}

/** What a sub-user's model list leaves of the models offered (null: all of them; an empty list: none). */
export function permittedModels(offered: readonly string[], permitted: readonly string[] | null): string[] {
  return permitted === null ? [...offered] : offered.filter((model) => permitted.includes(model));
}
