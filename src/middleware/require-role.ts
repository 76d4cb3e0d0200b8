import type { RequestHandler } from 'express';
import { ForbiddenError } from '../lib/errors.js';
import type { Role } from '../models/user.js';
import { requirePrincipal } from '../lib/http/principal.js';
import { declareErrors } from '../lib/http/error-responses.js';

export function requireRole(...roles: Role[]): RequestHandler {
  return declareErrors<RequestHandler>(
    (req, _res, next) => {
      const { user } = requirePrincipal(req);
      if (!roles.includes(user.role as Role))
        throw new ForbiddenError('This requires an administrator', 'admin_required');
      next();
    },
    ['admin_required'],
  );
}
