import { Router } from 'express';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import { tokenPairSchema } from '../auth/schemas.js';
import { clientOf } from '../auth/sessions.js';
import type { AccountService } from './service.js';
import { presentMe } from './presenter.js';
import { changePasswordBodySchema, deactivateBodySchema, meResponseSchema, updateMeBodySchema } from './schemas.js';
import { CONFIRM_PASSWORD_ERRORS } from './password-confirmation.js';

export function createUsersRouter({
  account,
  authenticate,
}: {
  account: AccountService;
  authenticate: Authenticate;
}): Router {
  const router = Router();
  const tags = ['users'];

  route(
    router,
    {
      method: 'get',
      path: '/users/me',
      summary: 'My account (API keys need the account:read scope)',
      tags,
      auth: true,
      before: [authenticate.scoped('account:read')],
      responses: { 200: { description: 'The account', schema: meResponseSchema } },
    },
    (req, res) => {
      res.json(presentMe(requirePrincipal(req).user));
    },
  );

  route(
    router,
    {
      method: 'patch',
      path: '/users/me',
      errors: [
        'mail_disabled',
        'email_taken',
        'rate_limit_exceeded',
        'session_ended',
        'not_found',
        ...CONFIRM_PASSWORD_ERRORS,
      ],
      summary:
        'Update name, profile and alerts; a new email needs current_password and changes once the new address confirms (202)',
      tags,
      auth: true,
      before: [authenticate],
      body: updateMeBodySchema,
      responses: {
        200: { description: 'The updated account', schema: meResponseSchema },
        202: {
          description: 'Updated; the address change waits for the link mailed to pending_email',
          schema: meResponseSchema,
        },
      },
    },
    async (req, res, { body }) => {
      const { user, emailChangePending } = await account.update(requirePrincipal(req).user, body, req.ip ?? 'unknown');
      res.status(emailChangePending ? 202 : 200).json(presentMe(user));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/users/me/password',
      errors: ['reauthentication_required', 'server_busy', 'not_found', ...CONFIRM_PASSWORD_ERRORS],
      summary:
        'Change the password (a first password needs a sign-in within 10 minutes); every other session is signed out, API keys stay',
      tags,
      auth: true,
      before: [authenticate],
      body: changePasswordBodySchema,
      responses: { 200: { description: 'Fresh tokens for this session', schema: tokenPairSchema } },
    },
    async (req, res, { body }) => {
      res.json(
        await account.changePassword(
          requirePrincipal(req),
          body.current_password,
          body.new_password,
          clientOf(req, 'password'),
        ),
      );
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/users/me',
      errors: ['last_superadmin', 'role_change_busy', ...CONFIRM_PASSWORD_ERRORS],
      summary: 'Deactivate my account (password required); sessions and API keys are revoked',
      tags,
      auth: true,
      before: [authenticate],
      body: deactivateBodySchema,
      responses: { 204: { description: 'Deactivated' } },
    },
    async (req, res, { body }) => {
      await account.deactivate(requirePrincipal(req).user, body.password, req.ip ?? 'unknown');
      res.status(204).end();
    },
  );

  return router;
}
