import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../lib/errors.js';
import type { Principal } from '../lib/http/principal.js';
import { UserModel } from '../models/user.js';
import { RevokedFamilyModel } from '../models/refresh-token.js';
import type { AccessTokens } from '../modules/auth/access-tokens.js';

/** Resolves an API key to a principal; provided by the api-keys module. Returns null when the key is unknown. */
export type ApiKeyResolver = (key: string) => Promise<Principal | null>;

export const API_KEY_PREFIX = 'aic_';

interface Deps {
  accessTokens: AccessTokens;
  resolveApiKey?: ApiKeyResolver;
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** One credential layer for every route: access tokens and (when the module is wired) API keys. */
export function createAuthenticate({ accessTokens, resolveApiKey }: Deps): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new UnauthorizedError('Missing bearer credentials', 'missing_credentials');
    if (token.startsWith(API_KEY_PREFIX) && resolveApiKey) {
      const principal = await resolveApiKey(token);
      if (!principal) throw new UnauthorizedError('Invalid API key', 'invalid_api_key');
      req.principal = principal;
      return next();
    }
    const claims = accessTokens.verify(token);
    const [user, sessionRevoked] = await Promise.all([
      /^[a-f0-9]{24}$/.test(claims.sub) ? UserModel.findById(claims.sub) : null,
      claims.sid ? RevokedFamilyModel.exists({ family_id: claims.sid }) : null,
    ]);
    if (!user || !user.is_active || (user.token_version ?? 0) !== claims.ver || sessionRevoked) {
      throw new UnauthorizedError('Invalid access token', 'invalid_token');
    }
    req.principal = { user, via: 'access_token' };
    next();
  };
}
