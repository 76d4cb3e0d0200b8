import { z } from 'zod';
import { envSchema, type Env } from './env.js';
import { buildPlans, type Plan, type Tier } from './plans.js';
import { ambiguousPrices } from '../modules/billing/prices.js';

export type Config = Readonly<Env & { plans: Readonly<Record<Tier, Plan>>; isProduction: boolean }>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws one ConfigError naming every bad variable. */
export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  let plans: Record<Tier, Plan>;
  try {
    plans = buildPlans(result.data.PLANS_JSON);
  } catch (error) {
    const detail = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ') : (error as Error).message;
    throw new ConfigError([`PLANS_JSON: ${detail}`]);
  }
  const env = result.data;
  const problems: string[] = [];
  const unknownFree = env.LLM_FREE_MODELS.filter((m) => m !== '*' && !env.LLM_MODELS.includes(m));
  if (unknownFree.length) problems.push(`LLM_FREE_MODELS: not in LLM_MODELS: ${unknownFree.join(', ')}`);
  if (env.LLM_MODELS.length === 0) problems.push('LLM_MODELS: at least one model is required');
  const ambiguous = ambiguousPrices({ ...env, plans });
  if (ambiguous.length) problems.push(`STRIPE_PRICE_PRO/STRIPE_PRICE_ENTERPRISE: a price maps to two tiers: ${ambiguous.join(', ')}`);
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({ ...env, plans: Object.freeze(plans), isProduction: env.NODE_ENV === 'production' });
}

let current: Config | undefined;

export function getConfig(): Config {
  current ??= parseConfig(process.env);
  return current;
}

/** For tests and the process entry point: replace the frozen config once, explicitly. */
export function setConfig(config: Config): Config {
  current = config;
  return config;
}

export type { Tier, Plan };
export { TIERS } from './plans.js';
