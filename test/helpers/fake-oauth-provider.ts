import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';

export type FakeProviderName = 'github' | 'google';

export interface FakeAccount {
  id: string;
  email: string | null;
  verified: boolean;
  name?: string;
}

interface IssuedCode {
  provider: FakeProviderName;
  account: FakeAccount;
  redirectUri: string;
  used: boolean;
}

export interface TokenRequest {
  provider: FakeProviderName;
  form: Record<string, string>;
}

export const FAKE_CLIENT = { id: 'fake-client-id', secret: 'fake-client-secret-do-not-log' };

/**
 * A real HTTP server that behaves like GitHub's and Google's OAuth endpoints: authorize (auto-approves as the
 * account set with `signInAs`), token exchange (checks client credentials, code, redirect_uri; codes are single
 * use) and the user/email endpoints. Tests point the app's GITHUB_* / GOOGLE_* URLs at it.
 */
export async function startFakeOAuthProvider() {
  const codes = new Map<string, IssuedCode>();
  const tokens = new Map<string, FakeAccount>();
  const next: Record<FakeProviderName, FakeAccount | 'deny'> = {
    github: { id: '1001', email: 'octo@example.com', verified: true },
    google: { id: 'g-1001', email: 'goo@example.com', verified: true },
  };
  const failTokenExchange: Record<FakeProviderName, boolean> = { github: false, google: false };
  const tokenRequests: TokenRequest[] = [];
  const app = express();
  app.use(express.urlencoded({ extended: false }));

  function authorize(provider: FakeProviderName) {
    return (req: Request, res: Response) => {
      const { client_id, redirect_uri, state, response_type } = req.query as Record<string, string | undefined>;
      if (
        client_id !== FAKE_CLIENT.id ||
        !redirect_uri ||
        !state ||
        (provider === 'google' && response_type !== 'code')
      ) {
        res.status(400).send('bad authorize request');
        return;
      }
      const target = new URL(redirect_uri);
      const account = next[provider];
      if (account === 'deny') {
        target.searchParams.set('error', 'access_denied');
      } else {
        const code = randomBytes(12).toString('hex');
        codes.set(code, { provider, account, redirectUri: redirect_uri, used: false });
        target.searchParams.set('code', code);
      }
      target.searchParams.set('state', state);
      res.redirect(302, target.toString());
    };
  }

  function token(provider: FakeProviderName) {
    return (req: Request, res: Response) => {
      const form = req.body as Record<string, string>;
      tokenRequests.push({ provider, form });
      if (failTokenExchange[provider]) {
        res.status(500).json({ error: 'server_error' });
        return;
      }
      const issued = codes.get(form.code ?? '');
      if (form.client_id !== FAKE_CLIENT.id || form.client_secret !== FAKE_CLIENT.secret) {
        res
          .status(provider === 'google' ? 401 : 200)
          .json({ error: provider === 'google' ? 'invalid_client' : 'incorrect_client_credentials' });
        return;
      }
      if (provider === 'google' && form.grant_type !== 'authorization_code') {
        res.status(400).json({ error: 'unsupported_grant_type' });
        return;
      }
      if (!issued || issued.used || issued.provider !== provider || issued.redirectUri !== form.redirect_uri) {
        res
          .status(provider === 'google' ? 400 : 200)
          .json({ error: provider === 'google' ? 'invalid_grant' : 'bad_verification_code' });
        return;
      }
      issued.used = true;
      const accessToken = `fake_at_${randomBytes(12).toString('hex')}`;
      tokens.set(accessToken, issued.account);
      res.json({ access_token: accessToken, token_type: 'bearer', scope: 'x' });
    };
  }

  const accountOf = (req: Request) => tokens.get((req.get('authorization') ?? '').replace(/^Bearer /, ''));

  app.get('/github/login/oauth/authorize', authorize('github'));
  app.post('/github/login/oauth/access_token', token('github'));
  app.get('/github/api/user', (req, res) => {
    const account = accountOf(req);
    if (!account || !req.get('user-agent')) return void res.status(401).json({ message: 'Bad credentials' });
    res.json({ id: Number(account.id), login: `login-${account.id}`, name: account.name ?? null });
  });
  app.get('/github/api/user/emails', (req, res) => {
    const account = accountOf(req);
    if (!account) return void res.status(401).json({ message: 'Bad credentials' });
    // A verified secondary address is listed too: only the primary one may be used.
    const emails = [{ email: `secondary-${account.id}@example.org`, primary: false, verified: true, visibility: null }];
    if (account.email)
      emails.push({ email: account.email, primary: true, verified: account.verified, visibility: null });
    res.json(emails);
  });
  app.get('/google/authorize', authorize('google'));
  app.post('/google/token', token('google'));
  app.get('/google/userinfo', (req, res) => {
    const account = accountOf(req);
    if (!account) return void res.status(401).json({ error: 'invalid_token' });
    res.json({
      sub: account.id,
      email: account.email ?? undefined,
      email_verified: account.verified,
      name: account.name ?? 'Goo Gle',
    });
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    tokenRequests,
    /** The account the next authorization approves, or `deny` for a user who refuses consent. */
    signInAs(provider: FakeProviderName, account: FakeAccount | 'deny') {
      next[provider] = account;
    },
    failTokenExchange(provider: FakeProviderName, fail: boolean) {
      failTokenExchange[provider] = fail;
    },
    /** The app's configuration for both providers pointing here. */
    env(): Record<string, string> {
      return {
        GITHUB_CLIENT_ID: FAKE_CLIENT.id,
        GITHUB_CLIENT_SECRET: FAKE_CLIENT.secret,
        GITHUB_AUTHORIZE_URL: `${url}/github/login/oauth/authorize`,
        GITHUB_TOKEN_URL: `${url}/github/login/oauth/access_token`,
        GITHUB_API_URL: `${url}/github/api`,
        GOOGLE_CLIENT_ID: FAKE_CLIENT.id,
        GOOGLE_CLIENT_SECRET: FAKE_CLIENT.secret,
        GOOGLE_AUTHORIZE_URL: `${url}/google/authorize`,
        GOOGLE_TOKEN_URL: `${url}/google/token`,
        GOOGLE_USERINFO_URL: `${url}/google/userinfo`,
      };
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeOAuthProvider = Awaited<ReturnType<typeof startFakeOAuthProvider>>;
