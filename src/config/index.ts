import { z } from 'zod';
import { DEV_JWT_SECRET, envSchema, type Env } from './env.js';
import { parseProvidersJson } from './providers.js';
import { buildPlans, type Plan, type Tier } from '../domain/plans/catalog.js';
import { ambiguousPrices } from '../domain/plans/prices.js';

export type Config = Readonly<Env & { plans: Readonly<Record<Tier, Plan>>; isProduction: boolean }>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const csvOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** An empty variable counts as unset, so `PORT=` means the default rather than port 0. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    ),
  );
}

function plansProblem(json: string | undefined): { plans?: Record<Tier, Plan>; problem?: string } {
  try {
    return { plans: buildPlans(json) };
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')
        : (error as Error).message;
    return { problem: `PLANS_JSON: ${detail}` };
  }
}

/** Rules that span variables; read from the raw values so they are reported alongside every other problem. */
function crossFieldProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && (env.JWT_SECRET_KEY ?? DEV_JWT_SECRET) === DEV_JWT_SECRET) {
    problems.push('JWT_SECRET_KEY: must be set in production (the development default is refused)');
  }
  if (env.NODE_ENV === 'production' && !env.A4F_API_KEY && !env.LLM_PROVIDERS_JSON) {
    problems.push('A4F_API_KEY: required in production (the dev mock provider never serves production)');
  }
  if (env.NODE_ENV === 'production' && ['true', '1'].includes(env.ENABLE_DEV_MOCK_LLM ?? '')) {
    problems.push('ENABLE_DEV_MOCK_LLM: the dev mock provider is refused in production');
  }
  if (env.LLM_PROVIDERS_JSON) {
    try {
      parseProvidersJson(env.LLM_PROVIDERS_JSON);
    } catch (error) {
      problems.push(`LLM_PROVIDERS_JSON: ${(error as Error).message}`);
    }
  }
  if (env.NODE_ENV === 'production' && !env.METRICS_TOKEN && env.METRICS_PORT === undefined) {
    problems.push(
      'METRICS_TOKEN: required in production unless METRICS_PORT serves metrics on their own port (an open /metrics on the API port is refused)',
    );
  }
  if (env.NODE_ENV === 'production' && !['true', '1'].includes(env.MAIL_DISABLED ?? '')) {
    if (!env.SMTP_URL)
      problems.push('SMTP_URL: required in production (or set MAIL_DISABLED=true to run without mail)');
    if (!env.MAIL_FROM)
      problems.push('MAIL_FROM: required in production (or set MAIL_DISABLED=true to run without mail)');
  }
  if (env.NODE_ENV === 'production' && Number(env.USAGE_SETTLE_STEP_DELAY_MS ?? 0) > 0) {
    problems.push('USAGE_SETTLE_STEP_DELAY_MS: a test-only setting, refused in production');
  }
  if (env.NODE_ENV === 'production' && Number(env.DB_MIGRATE_BATCH_DELAY_MS ?? 0) > 0) {
    problems.push('DB_MIGRATE_BATCH_DELAY_MS: a test-only setting, refused in production');
  }
  const models = csvOf(env.LLM_MODELS ?? 'gpt-4,claude-3,gpt-3.5-turbo');
  if (env.LLM_MODELS !== undefined && models.length === 0) problems.push('LLM_MODELS: at least one model is required');
  const unknownFree = csvOf(env.LLM_FREE_MODELS ?? 'gpt-3.5-turbo').filter((m) => m !== '*' && !models.includes(m));
  if (unknownFree.length) problems.push(`LLM_FREE_MODELS: not in LLM_MODELS: ${unknownFree.join(', ')}`);
  const chatAndEmbedding = csvOf(env.LLM_EMBEDDING_MODELS).filter((m) => models.includes(m));
  if (chatAndEmbedding.length)
    problems.push(`LLM_EMBEDDING_MODELS: also chat models in LLM_MODELS: ${chatAndEmbedding.join(', ')}`);
  for (const provider of ['GITHUB', 'GOOGLE']) {
    const id = env[`${provider}_CLIENT_ID`];
    const secret = env[`${provider}_CLIENT_SECRET`];
    if (id && !secret) problems.push(`${provider}_CLIENT_SECRET: required when ${provider}_CLIENT_ID is set`);
    if (secret && !id) problems.push(`${provider}_CLIENT_ID: required when ${provider}_CLIENT_SECRET is set`);
  }
  return problems;
}

/** Parses an environment; throws one ConfigError naming every bad variable (never echoing values). */
export function parseConfig(source: NodeJS.ProcessEnv): Config {
  const env = withoutEmpty(source);
  const result = envSchema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  const { plans, problem } = plansProblem(env.PLANS_JSON);
  if (problem) problems.push(problem);
  problems.push(...crossFieldProblems(env));
  const ambiguous = result.success && plans ? ambiguousPrices({ ...result.data, plans }) : [];
  if (ambiguous.length)
    problems.push(`STRIPE_PRICE_PRO/STRIPE_PRICE_ENTERPRISE: a price maps to two tiers: ${ambiguous.join(', ')}`);
  if (!result.success || !plans || problems.length) throw new ConfigError(problems);
  return Object.freeze({
    ...result.data,
    plans: Object.freeze(plans),
    isProduction: result.data.NODE_ENV === 'production',
  });
}

/**
 * Logged by every process at start (web, worker, scheduler, all) while the built-in development JWT secret is in
 * use: production refuses it, and anywhere else anyone who reads this repository can forge access tokens.
 */
export function warnIfDevelopmentSecret(
  config: Pick<Config, 'JWT_SECRET_KEY'>,
  logger: { warn(message: string): void },
): void {
  if (config.JWT_SECRET_KEY !== DEV_JWT_SECRET) return;
  logger.warn(
    'JWT_SECRET_KEY is the built-in development secret: anyone can forge access tokens for this instance. Set JWT_SECRET_KEY to a random value of at least 32 characters unless this is a private development machine.',
  );
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
