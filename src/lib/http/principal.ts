import type { Logger } from 'pino';
import type { UserDoc } from '../../models/user.js';
import type { EpochReads } from '../auth-epochs.js';

/** Who is calling: resolved once by the authenticate middleware from an access token or an API key. */
export interface Principal {
  user: UserDoc;
  via: 'access_token' | 'api_key';
  apiKey?: { id: string; organization_id: string | null; scopes: string[] };
  /** Access tokens only: when the person signed in (seconds since the epoch), unchanged by refreshes. */
  authTime?: number;
  /** Access tokens only: the session (refresh-token family) the token belongs to. */
  sessionId?: string;
  /** The auth epochs read while resolving this request's principal (cached LLM paths), reused by later checks. */
  epochs?: EpochReads;
}

/** What a verified access token says (signed and checked by the auth module's access tokens). */
export interface AccessClaims {
  sub: string;
  /** The user's token_version when issued; bumping it revokes every earlier access token. */
  ver: number;
  role: string;
  /** The session (refresh-token family); a revoked family ends its access tokens too. */
  sid?: string;
  /** When the person last signed in (seconds since the epoch, as OIDC's auth_time); refreshes keep it. */
  authTime?: number;
}

/** What the authenticate middleware needs of access tokens: a verify that throws 401 on a bad token. */
export interface AccessTokenVerifier {
  verify(token: string): AccessClaims;
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
    principal?: Principal;
  }
}

export function requirePrincipal(req: { principal?: Principal }): Principal {
  if (!req.principal) throw new Error('authenticate middleware did not run');
  return req.principal;
}
