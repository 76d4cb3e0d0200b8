import { createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { UnauthorizedError } from '../../lib/errors.js';
import type { AccessClaims } from '../../lib/http/principal.js';

interface Options {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** HS256 access tokens with an algorithm allowlist, issuer, audience, expiry and a token type claim. */
export function createAccessTokens({ secret, issuer, audience, ttlSeconds }: Options) {
  // A key object made once: given a string, jsonwebtoken first tries it as a PEM public key (and catches the
  // failure) on every verify, about a millisecond of CPU per request.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return {
    ttlSeconds,
    sign(claims: AccessClaims): string {
      return jwt.sign(
        { ver: claims.ver, role: claims.role, sid: claims.sid, auth_time: claims.authTime, typ: 'access' },
        key,
        {
          algorithm: 'HS256',
          subject: claims.sub,
          issuer,
          audience,
          expiresIn: ttlSeconds,
        },
      );
    },
    verify(token: string): AccessClaims {
      let payload: jwt.JwtPayload | string;
      try {
        payload = jwt.verify(token, key, { algorithms: ['HS256'], issuer, audience, complete: false });
      } catch (error) {
        const expired = error instanceof jwt.TokenExpiredError;
        throw new UnauthorizedError(
          expired ? 'Access token expired' : 'Invalid access token',
          expired ? 'token_expired' : 'invalid_token',
        );
      }
      if (
        typeof payload === 'string' ||
        payload.typ !== 'access' ||
        typeof payload.sub !== 'string' ||
        typeof payload.ver !== 'number'
      ) {
        throw new UnauthorizedError('Invalid access token', 'invalid_token');
      }
      const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
      const authTime = typeof payload.auth_time === 'number' ? payload.auth_time : undefined;
      return { sub: payload.sub, ver: payload.ver, role: String(payload.role ?? 'user'), sid, authTime };
    },
  };
}
export type AccessTokens = ReturnType<typeof createAccessTokens>;
