import { z } from 'zod';
import type { Config } from '../../../config/index.js';
import { formBody, providerJson, ProviderError } from './provider-http.js';

export const PROVIDER_NAMES = ['github', 'google'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const isProviderName = (value: string): value is ProviderName =>
  (PROVIDER_NAMES as readonly string[]).includes(value);

/** Who the provider says signed in; `email` is only trusted when `emailVerified`. */
export interface OAuthIdentity {
  provider: ProviderName;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OAuthProvider {
  name: ProviderName;
  label: string;
  authorizeUrl(state: string, callbackUrl: string): string;
  /** Exchanges the provider's code server-side (with the client secret) and reads the account. */
  identify(code: string, callbackUrl: string): Promise<OAuthIdentity>;
}

interface Client {
  clientId: string;
  clientSecret: string;
}

const withQuery = (base: string, params: Record<string, string>) => {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
};

const tokenSchema = z.object({ access_token: z.string().min(1) });

function github(config: Config, { clientId, clientSecret }: Client): OAuthProvider {
  const api = config.GITHUB_API_URL.replace(/\/$/, '');
  const headers = (token: string) => ({
    Authorization: `Bearer ${token}`,
    Accept: 'application/vnd.github+json',
    'User-Agent': 'aicoder-backend',
  });
  return {
    name: 'github',
    label: 'GitHub',
    authorizeUrl: (state, callbackUrl) =>
      withQuery(config.GITHUB_AUTHORIZE_URL, {
        client_id: clientId,
        redirect_uri: callbackUrl,
        scope: 'read:user user:email',
        state,
        allow_signup: 'true',
      }),
    async identify(code, callbackUrl) {
      const { access_token } = await providerJson(
        'GitHub token exchange',
        config.GITHUB_TOKEN_URL,
        {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: formBody({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: callbackUrl }),
        },
        tokenSchema,
      );
      const user = await providerJson(
        'GitHub user',
        `${api}/user`,
        { headers: headers(access_token) },
        z.object({ id: z.union([z.number(), z.string()]), login: z.string(), name: z.string().nullish() }),
      );
      const emails = await providerJson(
        'GitHub emails',
        `${api}/user/emails`,
        { headers: headers(access_token) },
        z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() })),
      );
      const primary = emails.find((entry) => entry.primary);
      return {
        provider: 'github',
        subject: String(user.id),
        email: primary?.email ?? null,
        emailVerified: primary?.verified === true,
        name: user.name || user.login,
      };
    },
  };
}

const googleUserSchema = z.object({
  sub: z.string().min(1),
  email: z.string().nullish(),
  email_verified: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).nullish(),
  name: z.string().nullish(),
});

function google(config: Config, { clientId, clientSecret }: Client): OAuthProvider {
  return {
    name: 'google',
    label: 'Google',
    authorizeUrl: (state, callbackUrl) =>
      withQuery(config.GOOGLE_AUTHORIZE_URL, {
        client_id: clientId,
        redirect_uri: callbackUrl,
        response_type: 'code',
        scope: 'openid email profile',
        state,
        prompt: 'select_account',
      }),
    async identify(code, callbackUrl) {
      const { access_token } = await providerJson(
        'Google token exchange',
        config.GOOGLE_TOKEN_URL,
        {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: formBody({
            client_id: clientId,
            client_secret: clientSecret,
            code,
            redirect_uri: callbackUrl,
            grant_type: 'authorization_code',
          }),
        },
        tokenSchema,
      );
      const user = await providerJson(
        'Google userinfo',
        config.GOOGLE_USERINFO_URL,
        { headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' } },
        googleUserSchema,
      );
      return {
        provider: 'google',
        subject: user.sub,
        email: user.email ?? null,
        emailVerified: user.email_verified === true,
        name: user.name ?? null,
      };
    },
  };
}

/** The providers that have a client id (and, by config validation, a secret); the others answer 503. */
export function createProviders(config: Config): Partial<Record<ProviderName, OAuthProvider>> {
  const providers: Partial<Record<ProviderName, OAuthProvider>> = {};
  if (config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET)
    providers.github = github(config, { clientId: config.GITHUB_CLIENT_ID, clientSecret: config.GITHUB_CLIENT_SECRET });
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET)
    providers.google = google(config, { clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET });
  return providers;
}

export { ProviderError };
