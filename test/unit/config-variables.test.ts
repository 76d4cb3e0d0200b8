import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, warnIfDevelopmentSecret } from '../../src/config/index.js';
import { DEV_JWT_SECRET } from '../../src/config/env.js';
import { configuredProviders, parseProvidersJson } from '../../src/config/providers.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
};
const production = {
  NODE_ENV: 'production',
  JWT_SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
  A4F_API_KEY: 'upstream-key',
  METRICS_TOKEN: 'm',
  MAIL_DISABLED: 'true',
};

// [variable, a value it refuses, a value it takes, what that value reads as]
const numeric: Array<[string, string, string, number]> = [
  ['PORT', '65536', '0', 0],
  ['ACCESS_TOKEN_TTL_SECONDS', '59', '60', 60],
  ['REFRESH_TOKEN_TTL_DAYS', '0', '1', 1],
  ['REFRESH_REUSE_GRACE_SECONDS', '301', '0', 0],
  ['BCRYPT_COST', '9', '15', 15],
  ['BCRYPT_COST', '16', '10', 10],
  ['BCRYPT_CONCURRENCY', '0', '64', 64],
  ['BCRYPT_QUEUE_MAX', '1001', '0', 0],
  ['JSON_MAX_DEPTH', '7', '8', 8],
  ['LOGIN_FAILURE_WINDOW_SECONDS', '86401', '86400', 86_400],
  ['IPV6_48_LIMIT_MULTIPLIER', '65537', '1', 1],
  ['KNOWN_CLIENT_TTL_DAYS', '401', '400', 400],
  ['STRIPE_PAST_DUE_GRACE_DAYS', '-1', '0.5', 0.5],
  ['STRIPE_RENEWAL_GRACE_HOURS', '-0.1', '0', 0],
  ['QUOTA_RESET_BATCH_SIZE', '5001', '1', 1],
  ['EMAIL_VERIFICATION_TTL_HOURS', '337', '336', 336],
  ['API_KEY_ROTATION_OVERLAP_SECONDS', '2592001', '0', 0],
  ['API_KEY_CACHE_SECONDS', '3601', '3600', 3600],
  ['ORGANIZATIONS_CREATIONS_PER_MONTH', '101', '100', 100],
  ['ORGANIZATION_INVITATION_TTL_DAYS', '91', '90', 90],
  ['WORKER_LOCK_DURATION_MS', '199', '200', 200],
  ['USAGE_SEED_SYNC_MS', '300001', '0', 0],
  ['USAGE_LEDGER_FLUSH_MS', '9', '10', 10],
  ['USAGE_LEDGER_BACKLOG_MAX', '99', '100', 100],
  ['LLM_DEFAULT_MAX_TOKENS', '0', '1', 1],
  ['LLM_PROMPT_ESTIMATE_MARGIN', '4.5', '4', 4],
  ['LLM_TOKENIZE_MAX_BYTES', '1023', '1048576', 1_048_576],
  ['LLM_IMAGE_TOKENS', '84', '85', 85],
  ['LLM_RESERVATION_TTL_MS', '999', '1000', 1000],
  ['LLM_STREAM_READERS', '33', '32', 32],
  ['LLM_UPSTREAM_RETRIES', '6', '5', 5],
  ['LLM_JOB_ATTEMPTS', '0', '10', 10],
  ['LLM_JOB_LOCK_MS', '499', '500', 500],
  ['LLM_AUTH_CACHE_MS', '600001', '0', 0],
  ['LLM_WORKER_PROMPT_BUDGET_MB', '0', '1', 1],
];

describe('each numeric variable', () => {
  it.each(numeric)('%s refuses %s and takes %s', (name, bad, good, value) => {
    const problems = problemsOf({ [name]: bad });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(parseConfig({ [name]: good })[name as keyof ReturnType<typeof parseConfig>]).toBe(value);
  });

  it.each(['PORT', 'BCRYPT_COST', 'LLM_JOB_ATTEMPTS', 'QUOTA_RESET_BATCH_SIZE'])(
    '%s refuses words and fractions where it counts whole things',
    (name) => {
      expect(problemsOf({ [name]: 'ten' })[0]).toMatch(new RegExp(`^${name}: `));
      expect(problemsOf({ [name]: '12.5' })[0]).toMatch(new RegExp(`^${name}: `));
    },
  );
});

describe('each flag', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('MAIL_DISABLED=%s reads %s', (value, flag) => {
    expect(parseConfig({ MAIL_DISABLED: value }).MAIL_DISABLED).toBe(flag);
  });

  it.each(['yes', 'TRUE', 'on'])('a flag refuses %s', (value) => {
    expect(problemsOf({ ENABLE_DEV_MOCK_LLM: value })[0]).toMatch(/^ENABLE_DEV_MOCK_LLM: /);
  });

  it('creates indexes on start outside production only, unless told', () => {
    expect(parseConfig({}).DB_AUTO_INIT).toBe(true);
    expect(parseConfig(production).DB_AUTO_INIT).toBe(false);
    expect(parseConfig({ ...production, DB_AUTO_INIT: 'true' }).DB_AUTO_INIT).toBe(true);
    expect(parseConfig({ DB_AUTO_INIT: '0' }).DB_AUTO_INIT).toBe(false);
  });
});

describe('each text variable', () => {
  it.each([
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'tcp://127.0.0.1:6379'],
    ['REDIS_PREFIX', 'a b'],
    ['REDIS_PREFIX', 'a:b'],
    ['FERRETDB_POSTGRESQL_URL', 'mongodb://x'],
    ['A4F_BASE_URL', 'not a url'],
    ['STRIPE_API_BASE', 'stripe'],
    ['BILLING_REDIRECT_ALLOWLIST', 'ftp://files.example.com'],
    ['BILLING_SUCCESS_URL', '/relative'],
    ['QUOTA_RESET_CRON', 'every hour'],
    ['PURGE_CRON', '61 * * * *'],
    ['VSCODE_EXTENSION_ID', 'publisher'],
    ['GITHUB_TOKEN_URL', 'github.com/token'],
  ])('%s refuses %j, naming itself', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    // A list names the entry too: BILLING_REDIRECT_ALLOWLIST.0.
    expect(problems[0]).toMatch(new RegExp(`^${name}(\\.\\d+)?: `));
  });

  it.each([
    ['DATABASE_URL', 'mongodb+srv://cluster.example.com/db'],
    ['REDIS_URL', 'rediss://cache.example.com:6380'],
    ['REDIS_PREFIX', 'test_1.a-b'],
    ['FERRETDB_POSTGRESQL_URL', 'postgresql://pg/ferret'],
    ['QUOTA_RESET_CRON', '*/5 * * * *'],
    ['VSCODE_EXTENSION_ID', 'My-Publisher.my-ext'],
    ['LOG_LEVEL', 'silent'],
  ])('%s takes %j', (name, value) => {
    expect(parseConfig({ [name]: value })[name as keyof ReturnType<typeof parseConfig>]).toBe(value);
  });

  it.each([
    ['STRIPE_PRICE_PRO', ' a, b ,,c ', ['a', 'b', 'c']],
    ['LLM_MODELS', 'x, y', ['x', 'y']],
    ['LLM_EMBEDDING_MODELS', ' ', []],
    ['OAUTH_REDIRECT_ALLOWLIST', 'http://127.0.0.1:1234/cb', ['http://127.0.0.1:1234/cb']],
  ])('%s is a comma list: %j', (name, value, list) => {
    expect(parseConfig({ [name]: value, LLM_FREE_MODELS: '*' })[name as keyof ReturnType<typeof parseConfig>]).toEqual(
      list,
    );
  });
});

describe('rules across variables', () => {
  it.each([
    [
      'LLM_MODELS of commas only',
      { LLM_MODELS: ',,', LLM_FREE_MODELS: '*' },
      'LLM_MODELS: at least one model is required',
    ],
    [
      'a free model that is not offered',
      { LLM_FREE_MODELS: 'gpt-9,gpt-4' },
      'LLM_FREE_MODELS: not in LLM_MODELS: gpt-9',
    ],
    [
      'a chat model offered as an embedding model',
      { LLM_EMBEDDING_MODELS: 'gpt-4' },
      'LLM_EMBEDDING_MODELS: also chat models in LLM_MODELS: gpt-4',
    ],
    [
      'a GitHub id without its secret',
      { GITHUB_CLIENT_ID: 'id' },
      'GITHUB_CLIENT_SECRET: required when GITHUB_CLIENT_ID is set',
    ],
    [
      'a Google secret without its id',
      { GOOGLE_CLIENT_SECRET: 's' },
      'GOOGLE_CLIENT_ID: required when GOOGLE_CLIENT_SECRET is set',
    ],
    ['providers that are not JSON', { LLM_PROVIDERS_JSON: '[{' }, 'LLM_PROVIDERS_JSON: is not valid JSON'],
    [
      'the mock provider in production',
      { ...production, ENABLE_DEV_MOCK_LLM: 'true' },
      'ENABLE_DEV_MOCK_LLM: the dev mock provider is refused in production',
    ],
    [
      'a migration pause in production',
      { ...production, DB_MIGRATE_BATCH_DELAY_MS: '5' },
      'DB_MIGRATE_BATCH_DELAY_MS: a test-only setting, refused in production',
    ],
    [
      'production without any upstream',
      { ...production, A4F_API_KEY: '' },
      'A4F_API_KEY: required in production (the dev mock provider never serves production)',
    ],
  ])('%s', (_name, env, problem) => {
    expect(problemsOf(env as Record<string, string>)).toEqual([problem]);
  });

  it('takes providers from LLM_PROVIDERS_JSON in production instead of A4F_API_KEY', () => {
    const providers = '[{"name":"backup","base_url":"https://llm.example.com/v1"}]';
    expect(problemsOf({ ...production, A4F_API_KEY: '', LLM_PROVIDERS_JSON: providers })).toEqual([]);
  });

  it('takes the mock provider and a migration pause outside production', () => {
    expect(parseConfig({ ENABLE_DEV_MOCK_LLM: '1', DB_MIGRATE_BATCH_DELAY_MS: '5' })).toMatchObject({
      ENABLE_DEV_MOCK_LLM: true,
      DB_MIGRATE_BATCH_DELAY_MS: 5,
    });
  });
});

describe('upstream providers', () => {
  it.each([
    ['an object, not a list', '{"name":"a"}', /^\(root\) /],
    ['a name with spaces', '[{"name":"a b","base_url":"https://x.example"}]', /^0\.name letters, digits/],
    ['no base URL', '[{"name":"a"}]', /^0\.base_url /],
    ['an empty key', '[{"name":"a","base_url":"https://x.example","api_key":""}]', /^0\.api_key /],
    ['a fractional priority', '[{"name":"a","base_url":"https://x.example","priority":1.5}]', /^0\.priority /],
    ['seventeen providers', JSON.stringify(Array(17).fill({ name: 'a', base_url: 'https://x.example' })), /^\(root\) /],
  ])('refuses %s, saying where', (_name, json, message) => {
    expect(() => parseProvidersJson(json)).toThrow(message);
  });

  it('orders providers by priority, A4F first by default, keeping the listed order on ties', () => {
    const json = JSON.stringify([
      { name: 'late', base_url: 'https://late.example', priority: 200 },
      { name: 'b', base_url: 'https://b.example' },
      { name: 'c', base_url: 'https://c.example' },
      { name: 'early', base_url: 'https://early.example', priority: -1 },
    ]);
    const names = configuredProviders({
      A4F_BASE_URL: 'https://a4f.example',
      A4F_API_KEY: 'k',
      LLM_PROVIDERS_JSON: json,
    }).map((p) => p.name);
    expect(names).toEqual(['early', 'a4f', 'b', 'c', 'late']);
  });

  it('lets an entry named a4f replace the default one, and has none without a key', () => {
    const json = '[{"name":"a4f","base_url":"https://mirror.example","priority":5}]';
    expect(
      configuredProviders({ A4F_BASE_URL: 'https://a4f.example', A4F_API_KEY: 'k', LLM_PROVIDERS_JSON: json }),
    ).toEqual([{ name: 'a4f', base_url: 'https://mirror.example', priority: 5 }]);
    expect(configuredProviders({ A4F_BASE_URL: 'https://a4f.example' })).toEqual([]);
  });
});

describe('the development JWT secret', () => {
  it('is warned about by every process using it, and only then', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) };
    warnIfDevelopmentSecret({ JWT_SECRET_KEY: 'another-secret-of-at-least-32-characters' }, logger);
    expect(warnings).toEqual([]);
    warnIfDevelopmentSecret({ JWT_SECRET_KEY: DEV_JWT_SECRET }, logger);
    expect(warnings).toEqual([expect.stringMatching(/^JWT_SECRET_KEY is the built-in development secret/)]);
  });
});
