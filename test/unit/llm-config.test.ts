import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';
import { configuredProviders } from '../../src/config/providers.js';

const base = { NODE_ENV: 'development' } as NodeJS.ProcessEnv;
const production = {
  NODE_ENV: 'production',
  JWT_SECRET_KEY: 'p'.repeat(40),
  METRICS_TOKEN: 'metrics-token',
  MAIL_DISABLED: 'true',
} as NodeJS.ProcessEnv;

describe('LLM configuration', () => {
  it('refuses to start in production without an upstream key, or with the dev mock', () => {
    expect(() => parseConfig(production)).toThrow(/A4F_API_KEY: required in production/);
    expect(() => parseConfig({ ...production, A4F_API_KEY: 'sk-x', ENABLE_DEV_MOCK_LLM: 'true' })).toThrow(
      /ENABLE_DEV_MOCK_LLM/,
    );
    expect(parseConfig({ ...production, A4F_API_KEY: 'sk-x' }).isProduction).toBe(true);
  });

  it('offers no embedding models by default; refuses an id that is also a chat model', () => {
    expect(parseConfig(base).LLM_EMBEDDING_MODELS).toEqual([]);
    expect(parseConfig({ ...base, LLM_EMBEDDING_MODELS: 'text-embedding-3-small, e5' }).LLM_EMBEDDING_MODELS).toEqual([
      'text-embedding-3-small',
      'e5',
    ]);
    expect(() => parseConfig({ ...base, LLM_EMBEDDING_MODELS: 'e5,gpt-4' })).toThrow(
      /LLM_EMBEDDING_MODELS: also chat models in LLM_MODELS: gpt-4/,
    );
  });

  it('validates LLM_PROVIDERS_JSON at start, naming the variable', () => {
    for (const bad of ['not json', '[{"name":"x"}]', '[{"name":"bad name","base_url":"http://x"}]']) {
      try {
        parseConfig({ ...base, LLM_PROVIDERS_JSON: bad });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems.join()).toContain('LLM_PROVIDERS_JSON');
      }
    }
  });

  it('orders providers by priority: A4F first when keyed, then the JSON entries; an "a4f" entry replaces the default', () => {
    const json = JSON.stringify([
      { name: 'late', base_url: 'http://late.example/v1', priority: 50 },
      { name: 'early', base_url: 'http://early.example/v1', api_key: 'k', priority: 5 },
    ]);
    const config = parseConfig({ ...base, A4F_API_KEY: 'sk-a4f', LLM_PROVIDERS_JSON: json });
    expect(configuredProviders(config).map((p) => p.name)).toEqual(['a4f', 'early', 'late']);
    const override = parseConfig({
      ...base,
      A4F_API_KEY: 'sk-a4f',
      LLM_PROVIDERS_JSON: JSON.stringify([
        { name: 'a4f', base_url: 'http://a4f.example/v1', api_key: 'k2', priority: 99 },
        { name: 'b', base_url: 'http://b.example/v1', priority: 1 },
      ]),
    });
    expect(configuredProviders(override).map((p) => [p.name, p.api_key])).toEqual([
      ['b', undefined],
      ['a4f', 'k2'],
    ]);
    expect(configuredProviders(parseConfig(base))).toEqual([]);
  });
});
