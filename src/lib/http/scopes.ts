/**
 * What an API key may do. Access tokens carry every scope; a key carries the ones it was created with.
 * Routes that do not name a scope (account changes, key management, organizations, admin) refuse API keys.
 */
export const API_KEY_SCOPES = {
  llm: 'Chat completions, models and LLM request status/streams',
  'usage:read': 'Token balance and usage history',
  'account:read': 'Read the account (GET /users/me)',
} as const;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const SCOPE_NAMES = Object.keys(API_KEY_SCOPES) as [ApiKeyScope, ...ApiKeyScope[]];
export const DEFAULT_SCOPES: ApiKeyScope[] = [...SCOPE_NAMES];
