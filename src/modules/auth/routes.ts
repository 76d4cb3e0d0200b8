import { Router, type Request, type RequestHandler } from 'express';
import type { Authenticate } from '../../middleware/authenticate.js';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import { presentUser } from './presenter.js';
import { endpointsOf } from './endpoints.js';
import { buildVscodeConfig, vscodeConfigSchema } from './vscode-config.js';
import type { AuthService } from './service.js';
import type { Entitlements } from '../../domain/plans/entitlement.js';
import { KNOWN_CLIENT_HEADER } from './known-clients.js';
import { clientOf } from './sessions.js';
import {
  formLoginResponseSchema,
  loginFormBodySchema,
  loginJsonBodySchema,
  loginResponseSchema,
  refreshBodySchema,
  registerBodySchema,
  tokenPairSchema,
  userResponseSchema,
} from './schemas.js';

interface Deps {
  config: Config;
  auth: AuthService;
  authenticate: Authenticate;
  /** The per-IP limit of registrations, checked before the body is read or a password hashed. */
  registerLimit: RequestHandler;
  entitlementOf: Entitlements;
}

/** The known-client token from the body field, else from the header. */
const presentedToken = (req: Request, body: { known_client_token?: string }) =>
  body.known_client_token ?? req.get(KNOWN_CLIENT_HEADER);

export function createAuthRouter({ config, auth, authenticate, registerLimit, entitlementOf }: Deps): Router {
  const router = Router();
  const tags = ['auth'];

  route(
    router,
    {
      method: 'post',
      path: '/auth/register',
      errors: ['email_taken', 'server_busy'],
      summary: 'Create an account',
      tags,
      body: registerBodySchema,
      before: [registerLimit],
      responses: { 201: { description: 'Created', schema: z.object({ user: userResponseSchema }) } },
    },
    async (_req, res, { body }) => {
      const user = await auth.register(body);
      res.status(201).json({ user: presentUser(user) });
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/login',
      errors: ['invalid_credentials', 'too_many_login_attempts', 'server_busy'],
      summary: 'OAuth2 password-style login (form fields username, password)',
      tags,
      body: loginFormBodySchema,
      bodyType: 'form',
      responses: { 200: { description: 'Tokens', schema: formLoginResponseSchema } },
    },
    async (req, res, { body }) => {
      const { tokens, knownClientToken } = await auth.login(
        body.username,
        body.password,
        clientOf(req, 'password'),
        presentedToken(req, body),
      );
      res.json({ ...tokens, ...endpointsOf(config), known_client_token: knownClientToken });
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/login-json',
      errors: ['invalid_credentials', 'too_many_login_attempts', 'server_busy'],
      summary: 'Login with a JSON body',
      tags,
      body: loginJsonBodySchema,
      responses: { 200: { description: 'Tokens and the user', schema: loginResponseSchema } },
    },
    async (req, res, { body }) => {
      const { user, tokens, knownClientToken } = await auth.login(
        body.email,
        body.password,
        clientOf(req, 'password'),
        presentedToken(req, body),
      );
      res.json({
        ...tokens,
        user: presentUser(user),
        ...endpointsOf(config),
        known_client_token: knownClientToken,
      });
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/refresh',
      errors: ['invalid_refresh_token', 'refresh_token_revoked', 'refresh_token_expired', 'refresh_token_reused'],
      summary: 'Rotate a refresh token into a new pair',
      tags,
      body: refreshBodySchema,
      responses: { 200: { description: 'A new pair', schema: tokenPairSchema } },
    },
    async (_req, res, { body }) => {
      res.json(await auth.refresh(body.refresh_token));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/logout',
      summary: 'Revoke a refresh token and its family',
      tags,
      body: refreshBodySchema,
      responses: { 204: { description: 'Logged out' } },
    },
    async (_req, res, { body }) => {
      await auth.logout(body.refresh_token);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user',
      tags,
      auth: true,
      before: [authenticate.scoped('account:read')],
      responses: { 200: { description: 'The user', schema: userResponseSchema } },
    },
    async (req, res) => {
      const principal = requirePrincipal(req);
      // The account's own view: an organization-bound API key does not turn it into the organization's.
      res.json(presentUser(principal.user, await entitlementOf({ ...principal, apiKey: undefined })));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/vscode-config',
      summary: 'Configuration for the VS Code extension',
      tags,
      auth: true,
      before: [authenticate.scoped('account:read')],
      responses: { 200: { description: 'Extension configuration', schema: vscodeConfigSchema } },
    },
    async (req, res) => {
      const principal = requirePrincipal(req);
      res.json(buildVscodeConfig(config, principal.user, await entitlementOf(principal)));
    },
  );

  return router;
}
