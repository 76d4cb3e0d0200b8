import { createHash, randomBytes } from 'node:crypto';

export const VSCODE_REDIRECT = 'vscode://aicoder.aicoder-vscode/auth-callback';

export const newVerifier = () => randomBytes(48).toString('base64url');
export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export interface StartOptions {
  verifier?: string;
  clientState?: string;
  redirectUri?: string;
}

export interface Started {
  status: number;
  location: string | null;
  cookie: string;
  verifier: string;
  clientState: string;
  body: unknown;
}

const manual = { redirect: 'manual' } as const;

/** What the extension does: open the initiate URL in a browser (here, a fetch that does not follow redirects). */
export async function startSignIn(apiUrl: string, provider: string, options: StartOptions = {}): Promise<Started> {
  const verifier = options.verifier ?? newVerifier();
  const clientState = options.clientState ?? randomBytes(16).toString('hex');
  const query = new URLSearchParams({
    code_challenge: challengeOf(verifier),
    code_challenge_method: 'S256',
    state: clientState,
    redirect_uri: options.redirectUri ?? VSCODE_REDIRECT,
  });
  const response = await fetch(`${apiUrl}/auth/oauth/${provider}?${query}`, manual);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = response.status === 302 ? undefined : await response.json();
  return { status: response.status, location: response.headers.get('location'), cookie, verifier, clientState, body };
}

/** The browser at the provider: it approves and is sent back to our callback URL. */
export async function approveAtProvider(providerLocation: string): Promise<string> {
  const response = await fetch(providerLocation, manual);
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`provider did not redirect: ${response.status}`);
  return location;
}

/** The browser back at our callback (with its cookies): returns where we send it (the extension's redirect). */
export async function followCallback(
  callbackUrl: string,
  cookie: string,
): Promise<{ status: number; location: URL | null; body: unknown }> {
  const response = await fetch(callbackUrl, { ...manual, headers: cookie ? { cookie } : {} });
  const location = response.headers.get('location');
  const body = location ? undefined : await response.json();
  return { status: response.status, location: location ? new URL(location) : null, body };
}

/** The whole browser leg: initiate, approve, callback. Returns the extension redirect and the verifier. */
export async function browserSignIn(apiUrl: string, provider: string, options: StartOptions = {}) {
  const started = await startSignIn(apiUrl, provider, options);
  if (started.status !== 302 || !started.location)
    throw new Error(`initiate failed: ${started.status} ${JSON.stringify(started.body)}`);
  const callbackUrl = await approveAtProvider(started.location);
  const back = await followCallback(callbackUrl, started.cookie);
  if (!back.location) throw new Error(`callback failed: ${back.status} ${JSON.stringify(back.body)}`);
  return { ...started, callbackUrl, redirect: back.location, code: back.location.searchParams.get('code') };
}
