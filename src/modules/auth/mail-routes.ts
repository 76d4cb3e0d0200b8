import { Router, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from '../../lib/errors.js';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import type { EmailVerification } from './email-verification.js';
import type { EmailChange } from '../users/email-change.js';
import { pages, sendPage } from './mail-pages.js';
import type { PasswordReset } from './password-reset.js';
import { invalidToken } from './mail-token-errors.js';
import {
  acceptedSchema,
  cancelEmailChangeBodySchema,
  emailChangeCancelledSchema,
  emailVerifiedSchema,
  forgotPasswordBodySchema,
  mailTokenQuerySchema,
  resetPasswordBodySchema,
  verifyEmailBodySchema,
} from './schemas.js';
import { CONFIRM_PASSWORD_ERRORS } from '../users/password-confirmation.js';

interface Deps {
  passwordReset: PasswordReset;
  verification: EmailVerification;
  emailChange: Pick<EmailChange, 'describeCancel' | 'cancelByLink'>;
  authenticate: Authenticate;
  /** Per-IP limit of forgot-password requests, before anything else. */
  forgotLimit: RequestHandler;
}

const FORGOT_ANSWER = { message: 'If an account uses this address, a link to reset its password is on its way.' };
const HTML = 'text/html';
/** Pages opened from a mail: link trackers and mail scanners add query parameters of their own. */
const LINK_PAGE = true;

/** The page's own form posts arrive as a form and get a page back; clients posting JSON get JSON. */
const fromPage = (req: Request) => Boolean(req.is('application/x-www-form-urlencoded'));
/** A browser (Accept: text/html) gets a page saying the link does not work; any other client the JSON error. */
const deadLink = (req: Request, res: Response) => {
  if (req.accepts(['json', 'html']) !== 'html') throw invalidToken();
  sendPage(res, 400, pages.invalidLink());
};

/** Runs a form post's action; an error becomes the page again with its message (same status), for people. */
async function asPage(res: Response, run: () => Promise<void>, errorPage: (message: string) => string): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    sendPage(res, error.status, error.code === 'invalid_token' ? pages.invalidLink() : errorPage(error.message));
  }
}

export function createMailFlowRouter({
  passwordReset,
  verification,
  emailChange,
  authenticate,
  forgotLimit,
}: Deps): Router {
  const router = Router();
  const tags = ['auth'];

  route(
    router,
    {
      method: 'post',
      path: '/auth/password/forgot',
      errors: ['mail_disabled', 'rate_limit_exceeded'],
      summary: 'Send a password reset link (the same answer whether or not the address has an account)',
      tags,
      body: forgotPasswordBodySchema,
      before: [forgotLimit],
      responses: { 202: { description: 'Accepted', schema: acceptedSchema } },
    },
    async (_req, res, { body }) => {
      await passwordReset.requestReset(body.email);
      res.status(202).json(FORGOT_ANSWER);
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/password/reset',
      looseQuery: LINK_PAGE,
      errors: [['invalid_token', 400]],
      summary: 'The page a reset link opens: a form that posts to POST /auth/password/reset (changes nothing)',
      tags,
      query: mailTokenQuerySchema,
      responses: {
        200: { description: 'The form', contentType: HTML },
        400: { description: 'The link does not work', contentType: HTML },
      },
    },
    async (req, res, { query }) => {
      if (await passwordReset.isLive(query.token)) sendPage(res, 200, pages.resetForm(query.token));
      else deadLink(req, res);
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/password/reset',
      errors: [['invalid_token', 400], 'server_busy'],
      summary: "Set a new password with a reset link's token; signs out every session (API keys stay)",
      tags,
      body: resetPasswordBodySchema,
      bodyType: 'form',
      responses: { 200: { description: 'Password changed', schema: acceptedSchema } },
    },
    async (req, res, { body }) => {
      const done = 'Your password was changed, and every session signed out. Sign in with the new password.';
      if (!fromPage(req)) {
        await passwordReset.reset(body.token, body.new_password);
        res.json({ message: done });
        return;
      }
      await asPage(
        res,
        async () => {
          await passwordReset.reset(body.token, body.new_password);
          sendPage(res, 200, pages.done('Password changed', done));
        },
        (message) => pages.resetForm(body.token, message),
      );
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/verify-email/resend',
      errors: ['mail_disabled', 'already_verified', 'rate_limit_exceeded'],
      summary: 'Send another verification link to my address',
      tags,
      auth: true,
      before: [authenticate],
      responses: { 202: { description: 'Accepted', schema: acceptedSchema } },
    },
    async (req, res) => {
      await verification.resend(requirePrincipal(req).user);
      res.status(202).json({ message: 'A verification link is on its way.' });
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/verify-email',
      looseQuery: LINK_PAGE,
      errors: [['invalid_token', 400]],
      summary: 'The page a verification link opens: a button that posts to POST /auth/verify-email (changes nothing)',
      tags,
      query: mailTokenQuerySchema,
      responses: {
        200: { description: 'The confirmation page', contentType: HTML },
        400: { description: 'The link does not work', contentType: HTML },
      },
    },
    async (req, res, { query }) => {
      const pending = await verification.describe(query.token);
      if (!pending) deadLink(req, res);
      else
        sendPage(
          res,
          200,
          pages.verifyForm(query.token, {
            newAddress: pending.purpose === 'email_change',
            email: pending.email,
            needsPassword: pending.needsPassword,
          }),
        );
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/verify-email',
      errors: [['invalid_token', 400], 'email_taken', ...CONFIRM_PASSWORD_ERRORS],
      summary: "Confirm an address with a verification or address-change link's token",
      tags,
      body: verifyEmailBodySchema,
      bodyType: 'form',
      responses: { 200: { description: 'The address is verified', schema: emailVerifiedSchema } },
    },
    async (req, res, { body }) => {
      const ip = req.ip ?? 'unknown';
      if (!fromPage(req)) {
        const { email } = await verification.confirm(body.token, body.password, ip);
        res.json({ email, is_verified: true });
        return;
      }
      const pending = await verification.describe(body.token);
      if (!pending) return sendPage(res, 400, pages.invalidLink());
      await asPage(
        res,
        async () => {
          const { email } = await verification.confirm(body.token, body.password, ip);
          sendPage(res, 200, pages.done('Address confirmed', `${email} is now the verified address of your account.`));
        },
        (message) =>
          pages.verifyForm(body.token, {
            newAddress: pending.purpose === 'email_change',
            email: pending.email,
            needsPassword: pending.needsPassword,
            message,
          }),
      );
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/auth/email-change/cancel',
      looseQuery: LINK_PAGE,
      errors: [['invalid_token', 400]],
      summary: "The page the change notice's cancel link opens: a button that posts to POST /auth/email-change/cancel",
      tags,
      query: mailTokenQuerySchema,
      responses: {
        200: { description: 'The cancel page', contentType: HTML },
        400: { description: 'The link does not work', contentType: HTML },
      },
    },
    async (req, res, { query }) => {
      const pending = await emailChange.describeCancel(query.token);
      if (!pending) deadLink(req, res);
      else sendPage(res, 200, pages.cancelChangeForm(query.token, pending.email));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/auth/email-change/cancel',
      errors: [['invalid_token', 400]],
      summary: "Cancel a pending address change with the change notice's link token (no sign-in needed)",
      tags,
      body: cancelEmailChangeBodySchema,
      bodyType: 'form',
      responses: { 200: { description: 'The change is cancelled', schema: emailChangeCancelledSchema } },
    },
    async (req, res, { body }) => {
      if (!fromPage(req)) {
        const { email } = await emailChange.cancelByLink(body.token);
        res.json({ pending_email: null, cancelled_email: email });
        return;
      }
      await asPage(
        res,
        async () => {
          const { email } = await emailChange.cancelByLink(body.token);
          const next = 'Reset your password now: whoever asked for the change may know it.';
          sendPage(res, 200, pages.done('Change cancelled', `The move to ${email} is cancelled. ${next}`));
        },
        () => pages.invalidLink(),
      );
    },
  );

  return router;
}
