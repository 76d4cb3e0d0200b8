import '../../src/lib/openapi.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import {
  DEFAULT_PLANS,
  TIERS,
  buildPlans,
  isPaidTier,
  isTier,
  requestLimitsOf,
  tierRank,
} from '../../src/domain/plans/catalog.js';
import { ambiguousPrices, checkoutPriceOf, pricesOf, tierOfPrice } from '../../src/domain/plans/prices.js';
import { limitFor } from '../../src/domain/billing/payers.js';
import { buildVscodeConfig } from '../../src/modules/auth/vscode-config.js';
import { modelsForTier } from '../../src/domain/plans/models.js';
import { entitlementFrom } from '../../src/domain/plans/entitlement.js';
import { PAYER_ERRORS, resolvePayer } from '../../src/domain/plans/payer.js';
import { endpointsOf } from '../../src/modules/auth/endpoints.js';
import { ERROR_CODES } from '../../src/lib/error-codes.js';
import type { Principal } from '../../src/lib/http/principal.js';
import type { UserDoc } from '../../src/models/user.js';

const config = parseConfig({
  LLM_MODELS: 'gpt-4, claude-3 ,gpt-3.5-turbo',
  LLM_FREE_MODELS: 'gpt-3.5-turbo',
  LLM_EMBEDDING_MODELS: 'text-embedding-3-small',
});

describe('plans', () => {
  it('has a default for every tier, ranked by price and limits', () => {
    expect(Object.keys(DEFAULT_PLANS)).toEqual([...TIERS]);
    const [free, pro, enterprise] = TIERS.map((tier) => DEFAULT_PLANS[tier]);
    for (const field of ['monthly_tokens', 'requests_per_minute', 'concurrent_streams', 'price_usd_month'] as const) {
      expect(free![field], field).toBeLessThan(pro![field]);
      expect(pro![field], field).toBeLessThan(enterprise![field]);
    }
    // BullMQ serves priority 1 first: the bigger plan comes first.
    expect(enterprise!.queue_priority).toBeLessThan(pro!.queue_priority);
    expect(pro!.queue_priority).toBeLessThan(free!.queue_priority);
  });

  it.each([
    ['no override', undefined, { free: DEFAULT_PLANS.free, pro: DEFAULT_PLANS.pro }],
    ['one field of one tier', '{"pro":{"monthly_tokens":5}}', { pro: { ...DEFAULT_PLANS.pro, monthly_tokens: 5 } }],
    ['a tier opened to every model', '{"free":{"models":"all"}}', { free: { ...DEFAULT_PLANS.free, models: 'all' } }],
    [
      'a Stripe price on a plan',
      '{"enterprise":{"stripe_price_id":"price_e"}}',
      { enterprise: { ...DEFAULT_PLANS.enterprise, stripe_price_id: 'price_e' } },
    ],
    ['an empty object', '{}', { enterprise: DEFAULT_PLANS.enterprise }],
  ])('builds from %s', (_name, json, expected) => {
    const plans = buildPlans(json);
    expect(plans).toMatchObject(expected);
    for (const tier of TIERS) expect(Object.isFrozen(plans[tier])).toBe(true);
  });

  it.each([
    ['an unknown tier', '{"gold":{"monthly_tokens":1}}'],
    ['an unknown field', '{"free":{"tokens":1}}'],
    ['a negative limit', '{"free":{"monthly_tokens":-1}}'],
    ['a fractional limit', '{"free":{"monthly_tokens":1.5}}'],
    ['zero requests per minute', '{"pro":{"requests_per_minute":0}}'],
    ['zero streams', '{"pro":{"concurrent_streams":0}}'],
    ['an unknown model set', '{"pro":{"models":"some"}}'],
    ['not JSON', '{free:1}'],
    ['an array', '[1]'],
  ])('refuses %s', (_name, json) => {
    expect(() => buildPlans(json)).toThrow();
  });

  it('never shares state between builds (a default is never changed by an override)', () => {
    buildPlans('{"free":{"monthly_tokens":1}}');
    expect(buildPlans(undefined).free.monthly_tokens).toBe(DEFAULT_PLANS.free.monthly_tokens);
  });
});

describe('tiers', () => {
  it.each([
    ['free', true, false, 0],
    ['pro', true, true, 1],
    ['enterprise', true, true, 2],
  ] as const)('%s: a tier %s, paid %s, rank %i', (tier, known, paid, rank) => {
    expect(isTier(tier)).toBe(known);
    expect(isPaidTier(tier)).toBe(paid);
    expect(tierRank(tier)).toBe(rank);
  });

  it.each(['gold', 'Pro', '', 'toString', 'constructor', '__proto__', null, undefined, 1])('%j is no tier', (value) => {
    expect(isPaidTier(value)).toBe(false);
    expect(isTier(value)).toBe(false);
  });
});

describe('Stripe prices', () => {
  const priced = parseConfig({
    STRIPE_PRICE_PRO: 'price_pro_month, price_pro_year',
    STRIPE_PRICE_ENTERPRISE: 'price_ent',
    PLANS_JSON: '{"pro":{"stripe_price_id":"price_pro_legacy"},"enterprise":{"stripe_price_id":"price_ent"}}',
  });

  it('lists the env prices first, then the plan price, without repeats', () => {
    expect(pricesOf(priced, 'pro')).toEqual(['price_pro_month', 'price_pro_year', 'price_pro_legacy']);
    expect(pricesOf(priced, 'enterprise')).toEqual(['price_ent']);
    expect(pricesOf(parseConfig({}), 'pro')).toEqual([]);
  });

  it('checks out with the first price, or not at all', () => {
    expect(checkoutPriceOf(priced, 'pro')).toBe('price_pro_month');
    expect(checkoutPriceOf(parseConfig({}), 'enterprise')).toBeUndefined();
  });

  it.each([
    ['price_pro_month', 'pro'],
    ['price_pro_year', 'pro'],
    ['price_pro_legacy', 'pro'],
    ['price_ent', 'enterprise'],
    ['price_other', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('price %j maps to %s', (price, tier) => {
    expect(tierOfPrice(priced, price)).toBe(tier);
  });

  it('finds a price configured for two tiers, through env or plans', () => {
    const both = { ...priced, STRIPE_PRICE_ENTERPRISE: ['price_ent', 'price_pro_year'] };
    expect(ambiguousPrices(both)).toEqual(['price_pro_year']);
    expect(ambiguousPrices(priced)).toEqual([]);
    expect(() =>
      parseConfig({ STRIPE_PRICE_PRO: 'p1', PLANS_JSON: '{"enterprise":{"stripe_price_id":"p1"}}' }),
    ).toThrow(/a price maps to two tiers: p1/);
  });
});

describe('limits and models per tier', () => {
  it.each([
    ['free', null, 10_000],
    ['pro', null, 1_000_000],
    ['enterprise', undefined, 10_000_000],
    ['pro', 42, 42],
    ['free', 0, 0],
  ] as const)('a %s payer with override %j has %i tokens a month', (tier, override, limit) => {
    expect(limitFor(config, { monthly_tokens_override: override as number | null }, tier)).toBe(limit);
  });

  it.each([
    ['free', {}, ['gpt-3.5-turbo']],
    ['pro', {}, ['gpt-4', 'claude-3', 'gpt-3.5-turbo']],
    ['enterprise', {}, ['gpt-4', 'claude-3', 'gpt-3.5-turbo']],
    ['free', { LLM_FREE_MODELS: '*' }, ['gpt-4', 'claude-3', 'gpt-3.5-turbo']],
    ['free', { LLM_FREE_MODELS: 'gpt-3.5-turbo,gpt-4' }, ['gpt-4', 'gpt-3.5-turbo']],
    ['free', { PLANS_JSON: '{"free":{"models":"all"}}' }, ['gpt-4', 'claude-3', 'gpt-3.5-turbo']],
    ['pro', { PLANS_JSON: '{"pro":{"models":"free"}}' }, ['gpt-3.5-turbo']],
  ] as const)('%s with %j offers %j', (tier, env, models) => {
    const configured = parseConfig({ LLM_MODELS: 'gpt-4,claude-3,gpt-3.5-turbo', ...env });
    expect(modelsForTier(configured, tier)).toEqual(models);
  });

  it('hands out a copy of the model list', () => {
    const models = modelsForTier(config, 'pro');
    models.push('x');
    expect(config.LLM_MODELS).not.toContain('x');
  });
});

const hex = (n: number) => n.toString(16).padStart(24, '0');
function userDoc(over: Partial<Record<string, unknown>> = {}): UserDoc {
  const id = (over.id as string | undefined) ?? hex(1);
  return {
    _id: { toString: () => id },
    email: 'u@example.com',
    subscription_tier: 'free',
    is_sub_user: false,
    parent_user_id: null,
    limit_overrides: null,
    monthly_limit: 10_000,
    tokens_remaining: 10_000,
    reset_date: new Date('2030-02-01T00:00:00Z'),
    subscription: null,
    sub_user_permissions: null,
    ...over,
  } as unknown as UserDoc;
}
const principal = (user: UserDoc, apiKey?: Principal['apiKey']): Principal => ({
  user,
  via: apiKey ? 'api_key' : 'access_token',
  ...(apiKey ? { apiKey } : {}),
});

describe('who pays (the paths decided without reading the database)', () => {
  it.each([
    ['free', null, { requests_per_minute: 20, concurrent_streams: 2, models: ['gpt-3.5-turbo'] }],
    ['pro', null, { requests_per_minute: 120, concurrent_streams: 8, models: ['gpt-4', 'claude-3', 'gpt-3.5-turbo'] }],
    ['pro', { requests_per_minute: 7 }, { requests_per_minute: 7, concurrent_streams: 8 }],
    ['pro', { requests_per_minute: '7', concurrent_streams: [1] }, { requests_per_minute: 120, concurrent_streams: 8 }],
    ['free', ['not', 'an', 'override'], { requests_per_minute: 20, concurrent_streams: 2 }],
    [
      'enterprise',
      { concurrent_streams: 1, requests_per_minute: null },
      { requests_per_minute: 600, concurrent_streams: 1 },
    ],
  ] as const)('a %s user with overrides %j pays for itself', async (tier, overrides, expected) => {
    const payer = await resolvePayer(
      config,
      principal(userDoc({ subscription_tier: tier, limit_overrides: overrides })),
    );
    expect(payer).toMatchObject({
      payer: { type: 'user', id: hex(1) },
      accounts: [{ kind: 'user', id: hex(1) }],
      tier,
      user_id: hex(1),
      sub_user_id: null,
      organization_id: null,
      api_key_id: null,
      embedding_models: ['text-embedding-3-small'],
      ...expected,
    });
  });

  it('carries the API key that made the request', async () => {
    const payer = await resolvePayer(
      config,
      principal(userDoc(), { id: hex(9), organization_id: null, scopes: ['llm'] }),
    );
    expect(payer.api_key_id).toBe(hex(9));
    expect(payer.payer).toEqual({ type: 'user', id: hex(1) });
  });

  it('refuses a key bound to one organization used with another in the header', async () => {
    const keyed = principal(userDoc(), { id: hex(9), organization_id: hex(5), scopes: ['llm'] });
    await expect(resolvePayer(config, keyed, hex(6))).rejects.toMatchObject({
      status: 403,
      code: 'organization_mismatch',
    });
  });

  it('answers 404 for an organization id that cannot exist, and for a sub-user naming any organization', async () => {
    await expect(resolvePayer(config, principal(userDoc()), 'not-an-id')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const subUser = userDoc({ is_sub_user: true, parent_user_id: hex(2) });
    await expect(resolvePayer(config, principal(subUser), hex(5))).rejects.toMatchObject({ status: 404 });
  });

  it('declares only codes of the catalog, with the statuses it throws', () => {
    expect(PAYER_ERRORS.map((code) => ERROR_CODES[code].status[0])).toEqual([404, 403, 403]);
  });
});

describe('entitlements', () => {
  const payer = { tier: 'pro' as const, ...requestLimitsOf(DEFAULT_PLANS.pro) };
  it.each([
    [{ limit: 1000, used: 0 }, 1000],
    [{ limit: 1000, used: 400 }, 600],
    [{ limit: 1000, used: 1000 }, 0],
    [{ limit: 1000, used: 1500 }, 0],
    [{ limit: 0, used: 0 }, 0],
  ])('counters %j leave %i tokens', (counters, remaining) => {
    expect(entitlementFrom(payer, { ...counters, period: '2030-02-01T00:00:00.000Z' })).toEqual({
      tier: 'pro',
      monthly_limit: counters.limit,
      tokens_used: counters.used,
      tokens_remaining: remaining,
      reset_date: '2030-02-01T00:00:00.000Z',
      ...requestLimitsOf(DEFAULT_PLANS.pro),
    });
  });
});

describe('the VS Code configuration', () => {
  const withOauth = parseConfig({
    PUBLIC_URL: 'https://api.example.com/',
    LLM_MODELS: 'gpt-4,gpt-3.5-turbo',
    LLM_DEFAULT_MODEL: 'gpt-4',
    GITHUB_CLIENT_ID: 'id',
    GITHUB_CLIENT_SECRET: 'secret',
  });

  it('offers the default model only when the tier has it, else the first offered', () => {
    expect(buildVscodeConfig(withOauth, userDoc({ subscription_tier: 'pro' }), null).llm).toEqual({
      base_url: 'https://api.example.com/v1',
      models: ['gpt-4', 'gpt-3.5-turbo'],
      default_model: 'gpt-4',
    });
    expect(buildVscodeConfig(withOauth, userDoc(), null).llm.default_model).toBe('gpt-3.5-turbo');
  });

  it('reports what the LLM path enforces: the entitlement over the plan', () => {
    const entitlement = entitlementFrom(
      { tier: 'pro', ...requestLimitsOf(DEFAULT_PLANS.pro), requests_per_minute: 7, concurrent_streams: 3 },
      { limit: 500, used: 100, period: '2030-03-01T00:00:00.000Z' },
    );
    const built = buildVscodeConfig(withOauth, userDoc(), entitlement);
    expect(built.subscription).toEqual({
      tier: 'pro',
      status: 'active',
      monthly_limit: 500,
      tokens_remaining: 400,
      reset_date: '2030-03-01T00:00:00.000Z',
    });
    expect(built.limits).toEqual({
      ...requestLimitsOf(DEFAULT_PLANS.pro),
      monthly_tokens: 500,
      requests_per_minute: 7,
      concurrent_streams: 3,
    });
  });

  it('falls back to the user document and the plan without an entitlement', () => {
    const built = buildVscodeConfig(withOauth, userDoc(), null);
    expect(built.subscription).toMatchObject({ tier: 'free', status: 'free', reset_date: '2030-02-01T00:00:00.000Z' });
    expect(built.limits).toEqual({ monthly_tokens: 10_000, ...requestLimitsOf(DEFAULT_PLANS.free) });
    expect(built.limits).toMatchObject({ requests_per_minute: 20, concurrent_streams: 2 });
  });

  it.each([
    ['a user', {}, { api_keys: true, organizations: true }],
    ['a sub-user', { is_sub_user: true }, { api_keys: false, organizations: false }],
    [
      'a sub-user allowed keys',
      { is_sub_user: true, sub_user_permissions: { can_create_api_keys: true } },
      { api_keys: true, organizations: false },
    ],
  ])('lists the features of %s', (_name, over, features) => {
    expect(buildVscodeConfig(withOauth, userDoc(over), null).features).toMatchObject({
      ...features,
      oauth_providers: ['github'],
    });
  });

  it.each([
    ['https://api.example.com', 'https://api.example.com/v1'],
    ['https://api.example.com///', 'https://api.example.com/v1'],
    ['https://example.com/api', 'https://example.com/api/v1'],
  ])('PUBLIC_URL %s gives the OpenAI base %s', (url, base) => {
    expect(endpointsOf({ PUBLIC_URL: url })).toEqual({ api_endpoint: url, openai_base_url: base });
  });
});
