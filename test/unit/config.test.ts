import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.js';
import { DEV_JWT_SECRET } from '../../src/config/env.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('gives local defaults for an empty environment, frozen', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 8000,
      DATABASE_URL: 'mongodb://127.0.0.1:27017/user_management_db',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.plans.free.monthly_tokens).toBe(10_000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('links to the port it listens on outside production unless PUBLIC_URL is set', () => {
    expect(parseConfig({}).PUBLIC_URL).toBe('http://localhost:8000');
    expect(parseConfig({ PORT: '19400' }).PUBLIC_URL).toBe('http://localhost:19400');
    expect(parseConfig({ PORT: '19400', NODE_ENV: 'test' }).PUBLIC_URL).toBe('http://localhost:19400');
    expect(parseConfig({ PORT: '19400', PUBLIC_URL: 'https://api.example.com' }).PUBLIC_URL).toBe(
      'https://api.example.com',
    );
    expect(parseConfig({ PORT: '19400', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:19400');
    const production = {
      NODE_ENV: 'production',
      PORT: '19400',
      JWT_SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
      A4F_API_KEY: 'key',
      METRICS_TOKEN: 'token',
      MAIL_DISABLED: 'true',
    };
    expect(parseConfig(production).PUBLIC_URL).toBe('http://localhost:8000');
    expect(problemsOf({ PUBLIC_URL: 'not a url' })).toEqual([expect.stringMatching(/^PUBLIC_URL:/)]);
  });

  it("takes a partial PLANS_JSON (the README's example): only the named tier and fields change", () => {
    const { plans } = parseConfig({ PLANS_JSON: '{"free":{"monthly_tokens":5000}}' });
    expect(plans.free).toMatchObject({
      monthly_tokens: 5000,
      requests_per_minute: 20,
      price_usd_month: 0,
      models: 'free',
    });
    expect(plans.pro).toMatchObject({ monthly_tokens: 1_000_000, price_usd_month: 20 });
    expect(parseConfig({ PLANS_JSON: '{"pro":{"concurrent_streams":4}}' }).plans.pro).toMatchObject({
      concurrent_streams: 4,
      price_usd_month: 20,
    });
    expect(problemsOf({ PLANS_JSON: '{"gold":{"monthly_tokens":1}}' })[0]).toMatch(/^PLANS_JSON/);
    expect(problemsOf({ PLANS_JSON: '{"free":{"monthly_tokenz":1}}' })[0]).toMatch(/^PLANS_JSON/);
  });

  it('names every bad variable in one error, without echoing secret values', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'postgres://x',
      REDIS_URL: 'http://nope',
      JWT_SECRET_KEY: 'too-short-secret',
      LOG_LEVEL: 'loud',
      PLANS_JSON: '{"free":{"monthly_tokens":-5}}',
      LLM_FREE_MODELS: 'gpt-9',
      GITHUB_CLIENT_ID: 'id-only',
      OAUTH_REDIRECT_ALLOWLIST: 'not a url',
      BCRYPT_COST: '4',
      VSCODE_EXTENSION_ID: 'no dots here',
    };
    const problems = problemsOf(env);
    const named = problems.map((p) => p.split(':')[0]);
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'JWT_SECRET_KEY',
      'LOG_LEVEL',
      'PLANS_JSON',
      'LLM_FREE_MODELS',
      'GITHUB_CLIENT_SECRET',
      'OAUTH_REDIRECT_ALLOWLIST',
      'BCRYPT_COST',
      'VSCODE_EXTENSION_ID',
    ]) {
      expect(named, name).toContain(name);
    }
    let message = '';
    try {
      parseConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith('Invalid configuration: ')).toBe(true);
    expect(message).not.toContain('too-short-secret');
    expect(message).not.toContain('\n');
  });

  it('refuses the development JWT secret in production, set or defaulted, alongside other problems', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        A4F_API_KEY: 'upstream-key',
        METRICS_TOKEN: 'm',
        SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
        MAIL_FROM: 'AI Coder <no-reply@example.com>',
      }),
    ).toEqual(['JWT_SECRET_KEY: must be set in production (the development default is refused)']);
    const both = problemsOf({
      NODE_ENV: 'production',
      JWT_SECRET_KEY: DEV_JWT_SECRET,
      PORT: '-1',
      METRICS_TOKEN: 'm',
      MAIL_DISABLED: 'true',
    });
    expect(both.map((p) => p.split(':')[0]).sort()).toEqual(['A4F_API_KEY', 'JWT_SECRET_KEY', 'PORT']);
    expect(
      parseConfig({
        NODE_ENV: 'production',
        JWT_SECRET_KEY: 'a-real-production-secret-of-enough-length',
        A4F_API_KEY: 'upstream-key',
        METRICS_TOKEN: 'm',
        SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
        MAIL_FROM: 'AI Coder <no-reply@example.com>',
      }).isProduction,
    ).toBe(true);
  });

  it('refuses an open /metrics in production: METRICS_TOKEN, or metrics on their own METRICS_PORT', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: 'a-real-production-secret-of-enough-length',
      A4F_API_KEY: 'upstream-key',
      SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
      MAIL_FROM: 'AI Coder <no-reply@example.com>',
    };
    expect(problemsOf(production)).toEqual([
      'METRICS_TOKEN: required in production unless METRICS_PORT serves metrics on their own port (an open /metrics on the API port is refused)',
    ]);
    expect(parseConfig({ ...production, METRICS_TOKEN: 'scrape-secret' }).METRICS_TOKEN).toBe('scrape-secret');
    expect(parseConfig({ ...production, METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(parseConfig({}).METRICS_PORT).toBeUndefined();
    expect(problemsOf({ METRICS_PORT: '70000' })[0]).toMatch(/^METRICS_PORT:/);
  });

  it('reads TRUST_PROXY as a number of hops or a list of addresses, CIDRs and names; never "trust everyone"', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe('loopback');
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '10.0.0.0/8, loopback, fd00::/8' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, loopback, fd00::/8',
    );
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '300.1.1.1', '1.2.3.4/8/8']) {
      expect(problemsOf({ TRUST_PROXY: bad })[0], bad).toMatch(/^TRUST_PROXY:/);
    }
  });

  it('treats an empty variable as unset and checks OAuth client pairs', () => {
    expect(parseConfig({ PORT: '', A4F_API_KEY: ' ' }).PORT).toBe(8000);
    expect(problemsOf({ GOOGLE_CLIENT_SECRET: 's' })).toEqual([
      'GOOGLE_CLIENT_ID: required when GOOGLE_CLIENT_SECRET is set',
    ]);
    const config = parseConfig({
      GITHUB_CLIENT_ID: 'id',
      GITHUB_CLIENT_SECRET: 'secret',
      OAUTH_REDIRECT_ALLOWLIST: 'http://127.0.0.1/cb, https://app.example/cb',
    });
    expect(config.OAUTH_REDIRECT_ALLOWLIST).toEqual(['http://127.0.0.1/cb', 'https://app.example/cb']);
    expect(problemsOf({ OAUTH_REDIRECT_ALLOWLIST: 'https://app.example/cb#x' })[0]).toMatch(
      /^OAUTH_REDIRECT_ALLOWLIST:/,
    );
  });

  it('sends mail to the local Mailpit by default; production needs SMTP_URL and MAIL_FROM unless MAIL_DISABLED=true', () => {
    expect(parseConfig({})).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_DISABLED: false });
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: 'a-real-production-secret-of-enough-length',
      A4F_API_KEY: 'upstream-key',
      METRICS_TOKEN: 'm',
    };
    expect(
      problemsOf(production)
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['MAIL_FROM', 'SMTP_URL']);
    expect(
      problemsOf({ ...production, SMTP_URL: 'smtps://u:p@smtp.example.com:465' }).map((p) => p.split(':')[0]),
    ).toEqual(['MAIL_FROM']);
    expect(parseConfig({ ...production, MAIL_DISABLED: 'true' })).toMatchObject({
      MAIL_DISABLED: true,
      SMTP_URL: undefined,
    });
    expect(
      parseConfig({
        ...production,
        SMTP_URL: 'smtp://u:p@smtp.example.com:587',
        MAIL_FROM: 'AI Coder <no-reply@example.com>',
      }).MAIL_FROM,
    ).toBe('AI Coder <no-reply@example.com>');
    expect(problemsOf({ SMTP_URL: 'http://mail.example.com' })[0]).toMatch(/^SMTP_URL:/);
    expect(problemsOf({ MAIL_FROM: 'not an address' })[0]).toMatch(/^MAIL_FROM:/);
    expect(() => parseConfig({ SMTP_URL: 'ftp://user:hunter2-secret@x' })).toThrow(/^(?!.*hunter2)/);
  });
});
