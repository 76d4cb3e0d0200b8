import { Router, type RequestHandler, type Response } from 'express';
import cookieParser from 'cookie-parser';
import type { Config } from '../../../config/index.js';
import { route } from '../../../lib/http/route.js';
import { declareErrors } from '../../../lib/http/error-responses.js';
import { presentUser } from '../presenter.js';
import { endpointsOf } from '../endpoints.js';
import { loginResponseSchema } from '../schemas.js';
import { ONE_TIME_TTL_MS } from './one-time-store.js';
import type { OAuthService } from './service.js';
import { clientOf } from '../sessions.js';
import { callbackQuerySchema, exchangeBodySchema, initiateQuerySchema, providerParamsSchema } from './schemas.js';

interface Deps {
  config: Pick<Config, 'PUBLIC_URL'>;
  oauth: OAuthService;
  /** The per-IP limit of sign-in starts (each one stores a pending state for 10 minutes). */
  initiateLimit: RequestHandler;
}

export function createOAuthRouter({ config, oauth, initiateLimit }: Deps): Router {
  const router = Router();
  const tags = ['auth'];
  const secure = config.PUBLIC_URL.startsWith('https:');
  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure, path: '/auth/oauth' } as const;
  // Unknown (404) and unconfigured (503) providers answer before the query is validated.
  const knownProvider = declareErrors<RequestHandler>(
    (req, _res, next) => {
      oauth.provider(String(req.params.provider));
      next();
    },
    ['oauth_provider_not_found', 'oauth_provider_not_configured'],
  );
  const noStore = (res: Response) => res.setHeader('Cache-Control', 'no-store');

  route(
    router,
    {
      method: 'get',
      path: '/auth/oauth/:provider',
      errors: ['redirect_uri_not_allowed'],
      summary: 'Start OAuth sign-in (PKCE S256) for the extension',
      tags,
      params: providerParamsSchema,
      query: initiateQuerySchema,
      before: [knownProvider, initiateLimit],
      responses: { 302: { description: 'Redirect to the provider' } },
    },
    async (_req, res, { params, query }) => {
      const { location, cookie } = await oauth.initiate(params.provider, query);
      noStore(res);
      res.cookie(cookie, '1', { ...cookieOptions, maxAge: ONE_TIME_TTL_MS });
      res.redirect(302, location);
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/oauth/:provider/callback',
      errors: ['invalid_state'],
      summary: 'OAuth provider callback; redirects to the extension',
      tags,
      params: providerParamsSchema,
      query: callbackQuerySchema,
      // Providers add parameters of their own to the redirect (Google: scope, authuser, prompt, hd).
      looseQuery: true,
      before: [knownProvider, cookieParser()],
      responses: { 302: { description: 'Redirect to the extension with a one-time code or an error' } },
    },
    async (req, res, { params, query }) => {
      const { location, cookie } = await oauth.callback(params.provider, query, req.cookies as Record<string, string>);
      noStore(res);
      res.clearCookie(cookie, cookieOptions);
      res.redirect(302, location);
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/oauth/exchange',
      errors: ['invalid_grant'],
      summary: 'Exchange the one-time code and PKCE verifier for tokens',
      tags,
      body: exchangeBodySchema,
      responses: { 200: { description: 'Tokens and the user, as login-json', schema: loginResponseSchema } },
    },
    async (req, res, { body }) => {
      const { user, tokens } = await oauth.exchange(body.code, body.code_verifier, clientOf(req, 'oauth'));
      noStore(res);
      res.json({ ...tokens, user: presentUser(user), ...endpointsOf(config) });
    },
  );

  return router;
}
