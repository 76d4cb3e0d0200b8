import type { RequestHandler } from 'express';
import { ForbiddenError } from '../lib/errors.js';
import { requirePrincipal } from '../lib/http/principal.js';
import { declareErrors } from '../lib/http/error-responses.js';

/** Sub-users act only on their own session and LLM calls; team and account management is their parent's. */
export function rejectSubUsers(what: string): RequestHandler {
  return declareErrors<RequestHandler>(
    (req, _res, next) => {
      if (requirePrincipal(req).user.is_sub_user)
        throw new ForbiddenError(`Sub-user accounts cannot ${what}`, 'sub_user_forbidden');
      next();
    },
    ['sub_user_forbidden'],
  );
}

/** Management routes need a signed-in session: an API key (meant for LLM calls) cannot change a team. */
export const requireSession = declareErrors<RequestHandler>(
  (req, _res, next) => {
    if (requirePrincipal(req).via !== 'access_token') {
      throw new ForbiddenError('This needs a signed-in session, not an API key', 'session_required');
    }
    next();
  },
  ['session_required'],
);
