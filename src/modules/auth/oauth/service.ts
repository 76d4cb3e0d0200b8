import type { Logger } from 'pino';
import type { Config } from '../../../config/index.js';
import { BadRequestError, NotFoundError, ServiceUnavailableError } from '../../../lib/errors.js';
import { UserModel, type UserDoc } from '../../../models/user.js';
import type { AuthService, TokenPair } from '../service.js';
import type { RefreshTokens } from '../refresh-tokens.js';
import type { SessionClient } from '../sessions.js';
import { sha256 } from '../../../lib/hash.js';
import { OAuthDenied, type OAuthAccounts } from './accounts.js';
import type { OneTimeStore } from './one-time-store.js';
import type { OAuthStateStore } from './state-store.js';
import { verifierMatches } from './pkce.js';
import { ProviderError, isProviderName, type OAuthProvider, type ProviderName } from './providers.js';
import { isAllowedRedirect, redirectWith } from './redirect-allowlist.js';

export interface InitiateInput {
  code_challenge: string;
  state: string;
  redirect_uri: string;
}

export interface CallbackInput {
  state?: string;
  code?: string;
  error?: string;
}

interface Deps {
  config: Pick<Config, 'PUBLIC_URL' | 'VSCODE_EXTENSION_ID' | 'OAUTH_REDIRECT_ALLOWLIST'>;
  providers: Partial<Record<ProviderName, OAuthProvider>>;
  /** Pending sign-ins (Redis). */
  states: OAuthStateStore;
  /** One-time codes for the extension (MongoDB). */
  store: OneTimeStore;
  accounts: OAuthAccounts;
  auth: Pick<AuthService, 'issueTokens'>;
  refreshTokens: Pick<RefreshTokens, 'revokeFamily'>;
  logger: Logger;
}

/** The cookie that ties a pending sign-in to the browser that started it (named after the state, so flows coexist). */
export const browserCookieName = (state: string) => `aic_oauth_${sha256(state).slice(0, 16)}`;

const invalidState = (why: string) =>
  new BadRequestError(`Sign-in state ${why}; start the sign-in again from the editor`, {
    code: 'invalid_state',
    param: 'state',
  });
const invalidGrant = (why: string) => new BadRequestError(why, { code: 'invalid_grant', param: 'code' });

/**
 * Sign-in for the extension: it opens `initiate` in a browser with its PKCE challenge, state and redirect URI;
 * the provider calls back here; the extension receives a one-time code and exchanges it with its verifier.
 */
export function createOAuthService({ config, providers, states, store, accounts, auth, refreshTokens, logger }: Deps) {
  const callbackUrl = (provider: ProviderName) =>
    `${config.PUBLIC_URL.replace(/\/$/, '')}/auth/oauth/${provider}/callback`;

  function provider(name: string): OAuthProvider {
    if (!isProviderName(name)) throw new NotFoundError('OAuth provider', 'oauth_provider_not_found');
    const found = providers[name];
    if (!found)
      throw new ServiceUnavailableError(
        `Sign-in with ${name} is not configured on this server`,
        'oauth_provider_not_configured',
      );
    return found;
  }

  async function initiate(name: string, input: InitiateInput): Promise<{ location: string; cookie: string }> {
    const chosen = provider(name);
    if (
      !isAllowedRedirect(input.redirect_uri, {
        extensionId: config.VSCODE_EXTENSION_ID,
        extra: config.OAUTH_REDIRECT_ALLOWLIST,
      })
    ) {
      throw new BadRequestError('redirect_uri is not allowed for sign-in', {
        code: 'redirect_uri_not_allowed',
        param: 'redirect_uri',
      });
    }
    const state = await states.create({
      provider: chosen.name,
      code_challenge: input.code_challenge,
      redirect_uri: input.redirect_uri,
      client_state: input.state,
    });
    return { location: chosen.authorizeUrl(state, callbackUrl(chosen.name)), cookie: browserCookieName(state) };
  }

  async function completeSignIn(chosen: OAuthProvider, input: CallbackInput): Promise<UserDoc> {
    if (input.error) throw new OAuthDenied('access_denied', `Sign-in was cancelled at ${chosen.label}`);
    if (!input.code) throw new OAuthDenied('invalid_request', `${chosen.label} did not return an authorization code`);
    try {
      return await accounts.signIn(await chosen.identify(input.code, callbackUrl(chosen.name)), chosen.label);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      logger.warn({ provider: chosen.name, err: error.message }, 'OAuth provider call failed');
      throw new OAuthDenied('server_error', `${chosen.label} sign-in failed; try again`);
    }
  }

  /**
   * Returns where to send the browser. A state we cannot trust gets a 400 (we never redirect on it); past that
   * point every outcome goes back to the extension, with a one-time code or an RFC 6749 error.
   */
  async function callback(
    name: string,
    input: CallbackInput,
    cookies: Record<string, string>,
  ): Promise<{ location: string; cookie: string }> {
    const chosen = provider(name);
    if (!input.state) throw invalidState('is missing');
    const cookie = browserCookieName(input.state);
    const pending = await states.find(input.state);
    if (!pending || pending.provider !== chosen.name) throw invalidState('is unknown, expired or already used');
    if (cookies[cookie] !== '1') throw invalidState('was started in another browser');
    if (!(await states.spend(input.state))) throw invalidState('was already used');
    const back = (params: Record<string, string>) => ({
      location: redirectWith(pending.redirect_uri, { ...params, state: pending.client_state }),
      cookie,
    });
    try {
      const user = await completeSignIn(chosen, input);
      const code = await store.create('code', {
        provider: chosen.name,
        code_challenge: pending.code_challenge,
        redirect_uri: pending.redirect_uri,
        client_state: pending.client_state,
        user_id: user._id,
        credential_generation: user.credential_generation ?? 0,
      });
      return back({ code });
    } catch (error) {
      if (!(error instanceof OAuthDenied)) throw error;
      return back({ error: error.error, error_description: error.message });
    }
  }

  /** One-time code + PKCE verifier -> the same tokens as login-json. Replaying a code revokes what it issued. */
  async function exchange(
    code: string,
    verifier: string,
    client: SessionClient,
  ): Promise<{ user: UserDoc; tokens: TokenPair }> {
    const record = await store.find('code', code);
    if (!record?.user_id) throw invalidGrant('The sign-in code is unknown or expired');
    if (!verifierMatches(verifier, record.code_challenge))
      throw invalidGrant('code_verifier does not match the code_challenge');
    const familyId = `oauth-${record._id.toString()}`;
    if (!(await store.spend(record))) {
      await refreshTokens.revokeFamily(familyId, 'oauth_code_reuse');
      throw invalidGrant('The sign-in code was already used');
    }
    const user = await UserModel.findById(record.user_id);
    if (!user || !user.is_active) throw invalidGrant('This account is disabled');
    // A code issued before the account's address was proven (to whoever held it then) signs nobody in after.
    if ((record.credential_generation ?? 0) !== (user.credential_generation ?? 0))
      throw invalidGrant('The sign-in code is no longer valid; sign in again');
    user.last_login_at = new Date();
    await UserModel.updateOne({ _id: user._id }, { $set: { last_login_at: user.last_login_at } });
    return { user, tokens: await auth.issueTokens(user, { familyId, authTime: user.last_login_at, client }) };
  }

  return { initiate, callback, exchange, provider };
}
export type OAuthService = ReturnType<typeof createOAuthService>;
