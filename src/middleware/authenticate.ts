import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { GLOBAL_EPOCH, epochOf, type EpochCache, type EpochReads } from '../lib/auth-epochs.js';
import { ForbiddenError, UnauthorizedError } from '../lib/errors.js';
import type { AccessClaims, AccessTokenVerifier, Principal } from '../lib/http/principal.js';
import { UserModel } from '../models/user.js';
import { RevokedFamilyModel } from '../models/refresh-token.js';
import type { ApiKeyScope } from '../lib/http/scopes.js';
import { requireScope } from './require-scope.js';
import { isObjectId } from '../lib/ids.js';
import { declareErrors, type ErrorDecl } from '../lib/http/error-responses.js';

/** Resolves an API key to a principal; provided by the api-keys module. Returns null when the key is unknown. */
export type ApiKeyResolver = (key: string, options?: { cached?: boolean }) => Promise<Principal | null>;

export const API_KEY_PREFIX = 'aic_';

interface Deps {
  accessTokens: AccessTokenVerifier;
  resolveApiKey?: ApiKeyResolver;
  /** Access-token principals remembered per token and validated by auth epochs (see src/lib/auth-epochs.ts). */
  tokenCache?: EpochCache<Principal>;
}

/**
 * `authenticate` accepts access tokens only (API keys get 403 there: account changes, key management,
 * organizations, admin). `authenticate.scoped(scope)` also accepts an API key that carries the scope;
 * `{ cached: true }` (the LLM hot path) reuses a principal while its user's and session's auth epochs are unchanged.
 */
export type Authenticate = RequestHandler & {
  scoped(scope: ApiKeyScope, options?: { cached?: boolean }): RequestHandler;
};

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** What any credential check can answer: no, unreadable, expired or unknown credentials. */
const CREDENTIAL_ERRORS: readonly ErrorDecl[] = [
  'missing_credentials',
  ['invalid_token', 401],
  'token_expired',
  'invalid_api_key',
];

/** One credential layer for every route: access tokens and (when the module is wired) API keys. */
export function createAuthenticate({ accessTokens, resolveApiKey, tokenCache }: Deps): Authenticate {
  async function identify(req: Request, cached = false): Promise<Principal> {
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new UnauthorizedError('Missing bearer credentials', 'missing_credentials');
    if (token.startsWith(API_KEY_PREFIX) && resolveApiKey) {
      const principal = await resolveApiKey(token, { cached });
      if (!principal) throw new UnauthorizedError('Invalid API key', 'invalid_api_key');
      return principal;
    }
    const claims = accessTokens.verify(token);
    if (!cached || !tokenCache) return lookUp(claims);
    const refs = [GLOBAL_EPOCH, epochOf('users', claims.sub), ...(claims.sid ? [epochOf('session', claims.sid)] : [])];
    const epochs: EpochReads = new Map();
    const key = createHash('sha256').update(token).digest('base64url');
    // A copy per request: the cached principal is shared, the epochs this request read are its own.
    return { ...(await tokenCache(key, refs, () => lookUp(claims), epochs)), epochs };
  }

  async function lookUp(claims: AccessClaims): Promise<Principal> {
    const [user, sessionRevoked] = await Promise.all([
      isObjectId(claims.sub) ? UserModel.findById(claims.sub) : null,
      claims.sid ? RevokedFamilyModel.exists({ family_id: claims.sid }) : null,
    ]);
    if (!user || !user.is_active || (user.token_version ?? 0) !== claims.ver || sessionRevoked) {
      throw new UnauthorizedError('Invalid access token', 'invalid_token');
    }
    return { user, via: 'access_token', authTime: claims.authTime, sessionId: claims.sid };
  }

  const authenticate = declareErrors<RequestHandler>(
    async (req, _res, next) => {
      const principal = await identify(req);
      if (principal.via === 'api_key') {
        throw new ForbiddenError('API keys cannot be used here; sign in with an access token', 'api_key_not_allowed');
      }
      req.principal = principal;
      next();
    },
    [...CREDENTIAL_ERRORS, 'api_key_not_allowed'],
  );

  function scoped(scope: ApiKeyScope, { cached = false }: { cached?: boolean } = {}): RequestHandler {
    const check = requireScope(scope);
    return declareErrors<RequestHandler>(
      async (req, res, next) => {
        req.principal = await identify(req, cached);
        check(req, res, next);
      },
      [...CREDENTIAL_ERRORS, 'insufficient_scope'],
    );
  }

  return Object.assign(authenticate, { scoped });
}
