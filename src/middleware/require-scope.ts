import type { RequestHandler } from 'express';
import { ForbiddenError } from '../lib/errors.js';
import { requirePrincipal } from '../lib/http/principal.js';
import type { ApiKeyScope } from '../lib/http/scopes.js';

/** Access tokens pass; an API key passes only when it carries the scope. */
export function requireScope(scope: ApiKeyScope): RequestHandler {
  return (req, _res, next) => {
    const principal = requirePrincipal(req);
    if (principal.via === 'api_key' && !principal.apiKey?.scopes.includes(scope)) {
      throw new ForbiddenError(`This API key lacks the "${scope}" scope`, 'insufficient_scope');
    }
    next();
  };
}
