import { AiCoderError } from './errors.js';
import type { OAuthProvider } from './types.js';

/** A started OAuth sign-in: open `url` in the browser, keep the rest until the redirect comes back. */
export interface PendingOAuth {
  provider: OAuthProvider;
  url: string;
  /** The `vscode://<publisher.name>/<path>` URI the server redirects to with the one-time code. */
  redirectUri: string;
  state: string;
  /** The PKCE code verifier; never leaves this process before the exchange. */
  verifier: string;
}

const base64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const randomToken = (bytes: number): string => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** BASE64URL(SHA-256(verifier)): the S256 code challenge (RFC 7636). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A verifier (43 characters of base64url) and state, and the sign-in URL on the server. */
export async function startOAuth(baseUrl: string, provider: OAuthProvider, redirectUri: string): Promise<PendingOAuth> {
  const verifier = randomToken(32);
  const state = randomToken(16);
  const url = new URL(`${baseUrl}/auth/oauth/${provider}`);
  url.search = new URLSearchParams({
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    redirect_uri: redirectUri,
  }).toString();
  return { provider, url: url.toString(), redirectUri, state, verifier };
}

const OAUTH_ERRORS = {
  access_denied: 'oauth_access_denied',
  server_error: 'oauth_server_error',
  invalid_request: 'oauth_invalid_request',
} as const;

/** The one-time code of the redirect, once its state is the pending sign-in's and it reports no error. */
export function codeOfRedirect(redirect: string | URL, pending: PendingOAuth): string {
  const params = new URL(redirect.toString()).searchParams;
  if (params.get('state') !== pending.state) {
    throw new AiCoderError(0, 'oauth_state_mismatch', 'This sign-in redirect belongs to another sign-in attempt');
  }
  const error = params.get('error');
  if (error) {
    const code = OAUTH_ERRORS[error as keyof typeof OAUTH_ERRORS] ?? 'oauth_server_error';
    throw new AiCoderError(0, code, params.get('error_description') ?? `Sign-in failed: ${error}`);
  }
  const code = params.get('code');
  if (!code) throw new AiCoderError(0, 'oauth_invalid_request', 'The sign-in redirect has no code');
  return code;
}
