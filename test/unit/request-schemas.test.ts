import '../../src/lib/openapi.js';
import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from '../../src/modules/llm/schemas.js';
import { loginJsonBodySchema, passwordSchema, registerBodySchema } from '../../src/modules/auth/schemas.js';
import { usageQuerySchema, usageStatsQuerySchema } from '../../src/modules/usage/schemas.js';
import { createApiKeyBodySchema, rotateApiKeyBodySchema } from '../../src/modules/api-keys/schemas.js';
import {
  addMemberBodySchema,
  settingsSchema,
  updateMemberBodySchema,
  updateOrganizationBodySchema,
} from '../../src/modules/organizations/schemas.js';
import { createSubUserBodySchema, updateSubUserBodySchema } from '../../src/modules/sub-users/schemas.js';
import { checkoutBodySchema } from '../../src/modules/subscriptions/schemas.js';
import { profileSchema } from '../../src/modules/users/schemas.js';
import { listUsersQuerySchema, patchUserBodySchema } from '../../src/modules/admin/schemas.js';

const user = (content: unknown) => ({ role: 'user', content });
const chat = (over: Record<string, unknown> = {}) => ({ model: 'gpt-4', messages: [user('hi')], ...over });
/** The paths of the issues a schema finds (empty when it accepts). */
const issuesOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  value: unknown,
) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((issue) => issue.path.join('.'));
};

describe('a chat completion request', () => {
  it.each([
    ['the minimal request', chat()],
    ['a stream with usage', chat({ stream: true, stream_options: { include_usage: true } })],
    ['n=1', chat({ n: 1 })],
    ['the harmless service tiers', chat({ service_tier: 'auto' })],
    ['a default service tier', chat({ service_tier: 'default' })],
    ['a null service tier', chat({ service_tier: null })],
    ['text modalities', chat({ modalities: ['text'] })],
    [
      'every role',
      chat({
        messages: [
          { role: 'system', content: 's' },
          { role: 'developer', content: [{ type: 'text', text: 'd' }] },
          user([
            { type: 'text', text: 'u' },
            { type: 'image_url', image_url: { url: 'https://x/i.png', detail: 'high' } },
          ]),
          { role: 'assistant', content: null, tool_calls: [{ id: 'c', function: { name: 'f', arguments: '{}' } }] },
          { role: 'tool', content: 'r', tool_call_id: 'c' },
          { role: 'function', content: null, name: 'f' },
        ],
      }),
    ],
    [
      'an inline file',
      chat({ messages: [user([{ type: 'file', file: { file_data: 'JVBERi0=', filename: 'a.pdf' } }])] }),
    ],
    ['sampling at its bounds', chat({ temperature: 2, top_p: 0, presence_penalty: -2, frequency_penalty: 2 })],
    ['four stop sequences', chat({ stop: ['a', 'b', 'c', 'd'] })],
    ['a field this proxy does not know (passed upstream)', chat({ metadata: { a: 1 } })],
  ])('takes %s', (_name, body) => {
    expect(issuesOf(chatCompletionRequestSchema, body)).toEqual([]);
  });

  it.each([
    ['no messages', chat({ messages: [] }), 'messages'],
    ['no model', { messages: [user('hi')] }, 'model'],
    ['an unknown role', chat({ messages: [{ role: 'robot', content: 'x' }] }), 'messages.0.role'],
    [
      'a tool message without its call id',
      chat({ messages: [{ role: 'tool', content: 'r' }] }),
      'messages.0.tool_call_id',
    ],
    [
      'a file by id (its size is unknown)',
      chat({ messages: [user([{ type: 'file', file: { file_id: 'f' } }])] }),
      'messages.0.content',
    ],
    ['an empty content list', chat({ messages: [user([])] }), 'messages.0.content'],
    [
      'an image in a system message',
      chat({ messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }),
      'messages.0.content',
    ],
    ['n=2', chat({ n: 2 }), 'n'],
    ['the flex service tier', chat({ service_tier: 'flex' }), 'service_tier'],
    ['audio output', chat({ modalities: ['text', 'audio'] }), 'modalities'],
    ['an audio option', chat({ audio: { voice: 'alloy' } }), 'audio'],
    ['predicted outputs', chat({ prediction: { type: 'content', content: 'x' } }), 'prediction'],
    ['web search', chat({ web_search_options: {} }), 'web_search_options'],
    ['a temperature above 2', chat({ temperature: 2.1 }), 'temperature'],
    ['max_tokens of 0', chat({ max_tokens: 0 }), 'max_tokens'],
    ['max_completion_tokens above a million', chat({ max_completion_tokens: 1_000_001 }), 'max_completion_tokens'],
    ['five stop sequences', chat({ stop: ['a', 'b', 'c', 'd', 'e'] }), 'stop'],
    ['a logit bias beyond 100', chat({ logit_bias: { '50256': -101 } }), 'logit_bias.50256'],
    ['too many top logprobs', chat({ top_logprobs: 21 }), 'top_logprobs'],
    ['a name longer than 64', chat({ messages: [{ ...user('x'), name: 'n'.repeat(65) }] }), 'messages.0.name'],
  ])('refuses %s at %s', (_name, body, path) => {
    expect(issuesOf(chatCompletionRequestSchema, body)).toContain(path);
  });

  it('keeps unknown fields for the upstream', () => {
    expect(chatCompletionRequestSchema.parse(chat({ reasoning_effort: 'low' }))).toMatchObject({
      reasoning_effort: 'low',
    });
  });
});

describe('sign-up and sign-in bodies', () => {
  it('reads an address trimmed and lower-cased', () => {
    expect(registerBodySchema.parse({ email: '  Ada@Example.COM ', password: 'longenough' }).email).toBe(
      'ada@example.com',
    );
  });

  it.each([
    ['7 characters', 'short12', false],
    ['8 characters', 'eight888', true],
    ['72 bytes', 'x'.repeat(72), true],
    ['73 bytes', 'x'.repeat(73), false],
    ['24 three-byte characters (72 bytes)', '€'.repeat(24), true],
    ['25 three-byte characters (75 bytes, bcrypt would truncate)', '€'.repeat(25), false],
  ])('a password of %s is accepted: %s', (_name, password, ok) => {
    expect(passwordSchema.safeParse(password).success).toBe(ok);
  });

  it.each(['not-an-address', 'a@', '@b.c', `${'a'.repeat(250)}@b.cd`])('refuses the address %j', (email) => {
    expect(issuesOf(registerBodySchema, { email, password: 'longenough' })).toContain('email');
  });

  it('signs in with any password text (the check is the hash), up to a bound', () => {
    expect(loginJsonBodySchema.safeParse({ email: 'a@b.c', password: 'x' }).success).toBe(true);
    expect(issuesOf(loginJsonBodySchema, { email: 'a@b.c', password: 'x'.repeat(1025) })).toEqual(['password']);
  });
});

describe('usage queries', () => {
  it('has defaults', () => {
    expect(usageQuerySchema.parse({})).toEqual({ page: 1, limit: 20, group_by: 'day' });
    expect(usageStatsQuerySchema.parse({})).toEqual({ days: 30 });
  });

  it.each([
    [{ page: '2', limit: '100' }, true],
    [{ page: '0' }, false],
    [{ limit: '101' }, false],
    [{ page: '1.5' }, false],
    [{ page: '-1' }, false],
    [{ page: '1e3' }, false],
    [{ page: ' 1' }, false],
    [{ from: '2030-02-28', to: '2030-03-01' }, true],
    [{ from: '2030-02-29' }, false],
    [{ from: '2032-02-29' }, true],
    [{ to: '2030-13-01' }, false],
    [{ to: '2030-1-01' }, false],
    [{ group_by: 'model' }, true],
    [{ group_by: 'week' }, false],
    [{ api_key_id: '0123456789abcdef01234567' }, true],
    [{ api_key_id: 'key_1' }, false],
  ])('%j is valid: %s', (query, ok) => {
    expect(usageQuerySchema.safeParse(query).success).toBe(ok);
  });

  it.each([
    ['1', true],
    ['366', true],
    ['367', false],
    ['0', false],
  ])('stats over %s days are valid: %s', (days, ok) => {
    expect(usageStatsQuerySchema.safeParse({ days }).success).toBe(ok);
  });
});

describe('API key bodies', () => {
  it.each([
    [{ name: 'ci' }, true],
    [{ name: '  ' }, false],
    [{ name: 'ci', scopes: ['llm', 'usage:read'] }, true],
    [{ name: 'ci', scopes: [] }, false],
    [{ name: 'ci', scopes: ['llm', 'llm'] }, false],
    [{ name: 'ci', scopes: ['admin'] }, false],
    [{ name: 'ci', expires_at: '2000-01-01T00:00:00Z' }, false],
    [{ name: 'ci', expires_at: '2999-01-01T00:00:00+02:00' }, true],
    [{ name: 'ci', expires_at: '2999-01-01' }, false],
    [{ name: 'ci', expires_at: null }, true],
    [{ name: 'ci', owner: 'x' }, false],
  ])('create %j is valid: %s', (body, ok) => {
    expect(createApiKeyBodySchema.safeParse(body).success).toBe(ok);
  });

  it.each([
    [{}, true],
    [{ overlap_seconds: 0 }, true],
    [{ overlap_seconds: -1 }, false],
    [{ overlap_seconds: 1.5 }, false],
  ])('rotate %j is valid: %s', (body, ok) => {
    expect(rotateApiKeyBodySchema.safeParse(body).success).toBe(ok);
  });
});

describe('organization bodies', () => {
  const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) });
  it.each([
    ['plain settings', { theme: 'dark', limits: { a: [1, 2] } }, true],
    ['a $-prefixed name', { $set: 1 }, false],
    ['a dotted name', { 'a.b': 1 }, false],
    ['a bad name deep inside', { a: [{ 'x y': 1 }] }, false],
    ['five levels', nest(5), true],
    ['six levels', nest(6), false],
    ['16 KiB of JSON', { a: 'x'.repeat(16_384 - 8) }, true],
    ['more than 16 KiB of JSON', { a: 'x'.repeat(16_384) }, false],
  ])('settings with %s are valid: %s', (_name, settings, ok) => {
    expect(settingsSchema.safeParse(settings).success).toBe(ok);
  });

  it.each([
    [updateOrganizationBodySchema, {}, false],
    [updateOrganizationBodySchema, { name: 'x' }, true],
    [updateOrganizationBodySchema, { name: '  ' }, false],
    [updateMemberBodySchema, {}, false],
    [updateMemberBodySchema, { monthly_token_cap: null }, true],
    [updateMemberBodySchema, { role: 'owner' }, true],
    [updateMemberBodySchema, { monthly_token_cap: -1 }, false],
    [addMemberBodySchema, { email: 'a@b.co', role: 'owner' }, false],
    [addMemberBodySchema, { email: 'a@b.co', monthly_token_cap: 1e12 }, true],
    [addMemberBodySchema, { email: 'a@b.co', monthly_token_cap: 1e12 + 1 }, false],
  ] as const)('%# %j is valid: %s', (schema, body, ok) => {
    expect(schema.safeParse(body).success).toBe(ok);
  });

  it('invites as a member by default', () => {
    expect(addMemberBodySchema.parse({ email: 'a@b.co' }).role).toBe('member');
  });
});

describe('sub-user, billing, profile and admin bodies', () => {
  const subUser = { email: 'kid@example.com', password: 'longenough' };
  it.each([
    [createSubUserBodySchema, subUser, true],
    [createSubUserBodySchema, { ...subUser, permissions: { models: [] } }, false],
    [createSubUserBodySchema, { ...subUser, permissions: { models: null } }, true],
    [createSubUserBodySchema, { ...subUser, permissions: { admin: true } }, false],
    [createSubUserBodySchema, { ...subUser, limits: { requests_per_minute: 0 } }, false],
    [createSubUserBodySchema, { ...subUser, limits: { monthly_tokens: null } }, true],
    [updateSubUserBodySchema, {}, false],
    [updateSubUserBodySchema, { is_active: false }, true],
    [checkoutBodySchema, { plan: 'pro' }, true],
    [checkoutBodySchema, { plan: 'free' }, false],
    [checkoutBodySchema, { plan: 'pro', coupon: 'x' }, false],
    [checkoutBodySchema, { plan: 'pro', organization_id: 'org' }, false],
    [profileSchema, { timezone: 'Europe/Berlin' }, true],
    [profileSchema, { timezone: 'Mars/Base' }, false],
    [profileSchema, { website: 'javascript:alert(1)' }, false],
    [profileSchema, { website: null, company: null }, true],
    [profileSchema, { hobby: 'x' }, false],
    [patchUserBodySchema, {}, false],
    [patchUserBodySchema, { monthly_limit: 5, limit_overrides: { monthly_tokens: 5 } }, true],
    [patchUserBodySchema, { monthly_limit: 5, limit_overrides: { monthly_tokens: 6 } }, false],
    [patchUserBodySchema, { limit_overrides: { concurrent_streams: 0 } }, false],
    [patchUserBodySchema, { subscription_tier: 'gold' }, false],
  ] as const)('%# %j is valid: %s', (schema, body, ok) => {
    expect(schema.safeParse(body).success).toBe(ok);
  });

  it('reads admin list filters from query strings', () => {
    expect(listUsersQuerySchema.parse({ is_active: 'false', page: '3' })).toEqual({
      is_active: false,
      page: 3,
      per_page: 20,
    });
    expect(listUsersQuerySchema.safeParse({ is_active: 'no' }).success).toBe(false);
    expect(listUsersQuerySchema.safeParse({ per_page: '101' }).success).toBe(false);
  });
});
