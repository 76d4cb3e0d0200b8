import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_PLANS,
  LIMIT_NAMES,
  PAID_TIERS,
  REQUEST_LIMIT_NAMES,
  TIERS,
  isPaidTier,
  isTier,
  limitSchemas,
  paidTierSchema,
  requestLimitsOf,
  tierRank,
  type PlanLimits,
} from '../../src/domain/plans/catalog.js';
import {
  effectiveLimits,
  limitOverridesOf,
  subUserLimitsOf,
  subUserPermissionsOf,
  type LimitOverrides,
} from '../../src/domain/plans/overrides.js';
import { permittedModels } from '../../src/domain/plans/models.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { SubscriptionModel } from '../../src/models/subscription.js';
import { UserModel } from '../../src/models/user.js';

// Built from LIMIT_NAMES, so a new limit needs no change here: its own values are the catalog's.
const none = Object.fromEntries(LIMIT_NAMES.map((name) => [name, null])) as LimitOverrides;
const limitsOf = (plan: PlanLimits) => Object.fromEntries(LIMIT_NAMES.map((name) => [name, plan[name]]));

describe('the tier list', () => {
  it('ranks the tiers by their position, cheapest first', () => {
    expect(TIERS.map(tierRank)).toEqual(TIERS.map((_tier, position) => position));
    expect(tierRank('free')).toBe(0);
    for (const tier of TIERS) expect(isTier(tier)).toBe(true);
  });

  it('sells every tier but free', () => {
    expect(PAID_TIERS).toEqual(TIERS.filter((tier) => tier !== 'free'));
    for (const tier of TIERS) expect(paidTierSchema.safeParse(tier).success).toBe(isPaidTier(tier));
  });

  it.each([
    ['users.subscription_tier', UserModel, 'subscription_tier'],
    ['organizations.subscription_tier', OrganizationModel, 'subscription_tier'],
    ['subscriptions.tier', SubscriptionModel, 'tier'],
  ] as const)('is the enum of %s', (_name, model, path) => {
    expect((model.schema.path(path) as unknown as { enumValues: string[] }).enumValues).toEqual([...TIERS]);
  });
});

describe('plan limits', () => {
  it('has monthly tokens, the quota accounts hold, and the limits applied per request', () => {
    expect(LIMIT_NAMES[0]).toBe('monthly_tokens');
    expect(REQUEST_LIMIT_NAMES).toEqual(LIMIT_NAMES.filter((name) => name !== 'monthly_tokens'));
    expect(REQUEST_LIMIT_NAMES).toEqual(expect.arrayContaining(['requests_per_minute', 'concurrent_streams']));
  });

  it.each(LIMIT_NAMES)('%s grows with the tier in the default plans', (name) => {
    const values = TIERS.map((tier) => DEFAULT_PLANS[tier][name]);
    for (const value of values) expect(Number.isInteger(value)).toBe(true);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(new Set(values).size).toBe(values.length);
  });

  it("makes one schema field per limit from the limit's own constraints", () => {
    const overrides = z.object(limitSchemas((field) => field.nullable()));
    expect(Object.keys(overrides.shape)).toEqual([...LIMIT_NAMES]);
    const valid = (patch: Partial<LimitOverrides>) => overrides.safeParse({ ...none, ...patch }).success;
    expect(valid({})).toBe(true);
    expect(valid(limitsOf(DEFAULT_PLANS.free))).toBe(true);
    expect(valid({ monthly_tokens: 0, concurrent_streams: 1 })).toBe(true);
    expect(valid({ monthly_tokens: -1 })).toBe(false);
    expect(valid({ requests_per_minute: 0 })).toBe(false);
    expect(valid({ monthly_tokens: 1.5 })).toBe(false);
  });

  it('takes the request limits of a plan, and nothing else', () => {
    const { monthly_tokens: _monthly, ...perRequest } = limitsOf(DEFAULT_PLANS.pro);
    expect(requestLimitsOf(DEFAULT_PLANS.pro)).toEqual(perRequest);
    expect(requestLimitsOf(DEFAULT_PLANS.pro)).toMatchObject({ requests_per_minute: 120, concurrent_streams: 8 });
  });
});

describe('stored overrides (the Mixed fields of a user document)', () => {
  it.each([null, undefined, 'pro', 42, [1, 2], true])('an override field holding %j overrides nothing', (stored) => {
    expect(limitOverridesOf({ limit_overrides: stored })).toEqual(none);
    expect(subUserLimitsOf({ sub_user_limits: stored })).toEqual({ monthly_tokens: null, requests_per_minute: null });
    expect(subUserPermissionsOf({ sub_user_permissions: stored })).toEqual({
      models: null,
      can_create_api_keys: false,
    });
  });

  it('reads every limit, each one missing or of the wrong type as unset, and drops unknown keys', () => {
    expect(limitOverridesOf({ limit_overrides: { requests_per_minute: 7 } })).toEqual({
      ...none,
      requests_per_minute: 7,
    });
    expect(
      limitOverridesOf({
        limit_overrides: { monthly_tokens: 0, requests_per_minute: '7', concurrent_streams: null, rate_limit: 5 },
      }),
    ).toEqual({ ...none, monthly_tokens: 0 });
    expect(limitOverridesOf({})).toEqual(none);
  });

  it("reads a sub-user's own limits and permissions", () => {
    expect(subUserLimitsOf({ sub_user_limits: { monthly_tokens: 500, legacy_daily: 3 } })).toEqual({
      monthly_tokens: 500,
      requests_per_minute: null,
    });
    expect(
      subUserPermissionsOf({ sub_user_permissions: { models: ['gpt-4'], can_create_api_keys: true, admin: true } }),
    ).toEqual({ models: ['gpt-4'], can_create_api_keys: true });
    expect(subUserPermissionsOf({ sub_user_permissions: { models: [1], can_create_api_keys: 'yes' } })).toEqual({
      models: [],
      can_create_api_keys: false,
    });
  });

  // A model list was written to restrict: a malformed one must not read as "every model" (fail closed), and what is
  // read must read the same once written back (a PATCH of the sub-user stores the permissions it read).
  it.each([
    [undefined, null],
    [null, null],
    [[], []],
    [['gpt-4', null], ['gpt-4']],
    [[1, { id: 'gpt-4' }], []],
    ['gpt-4', []],
    [{ 0: 'gpt-4' }, []],
  ])("a sub-user's stored model list %j reads as %j", (stored, models) => {
    expect(subUserPermissionsOf({ sub_user_permissions: { models } }).models).toEqual(models);
    expect(subUserPermissionsOf({ sub_user_permissions: { models: stored } }).models).toEqual(models);
  });

  it("applies each override over the plan's value, 0 included, and leaves the rest of the plan out", () => {
    expect(effectiveLimits(DEFAULT_PLANS.pro, none)).toEqual(limitsOf(DEFAULT_PLANS.pro));
    expect(effectiveLimits(DEFAULT_PLANS.free, { ...none, monthly_tokens: 0, concurrent_streams: 5 })).toEqual({
      ...limitsOf(DEFAULT_PLANS.free),
      monthly_tokens: 0,
      concurrent_streams: 5,
    });
    expect(effectiveLimits(DEFAULT_PLANS.free, none)).toMatchObject({
      monthly_tokens: 10_000,
      requests_per_minute: 20,
    });
  });
});

describe("a sub-user's models", () => {
  const offered = ['gpt-4', 'claude-3', 'gpt-3.5-turbo'];
  it.each([
    [null, offered],
    [[], []],
    [
      ['gpt-3.5-turbo', 'gpt-4'],
      ['gpt-4', 'gpt-3.5-turbo'],
    ],
    [['gpt-4', 'not-offered'], ['gpt-4']],
    [['not-offered'], []],
  ])('a model list %j leaves %j of what the plan offers', (permitted, models) => {
    expect(permittedModels(offered, permitted)).toEqual(models);
  });

  it('hands out a copy', () => {
    const models = permittedModels(offered, null);
    models.push('x');
    expect(offered).not.toContain('x');
  });
});
