import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import cookieParser from 'cookie-parser';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { z } from 'zod';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../../../lib/errors.js';
import { requirePrincipal } from '../../../lib/http/principal.js';
import type { Authenticate } from '../../../middleware/authenticate.js';
import { UserModel, type UserDoc } from '../../../models/user.js';
import type { AuthService } from '../../auth/service.js';
import { KNOWN_CLIENT_COOKIE } from '../../auth/known-clients.js';
import type { AdminSessions } from './sessions.js';
import { clientOf, type Sessions } from '../../auth/sessions.js';
import { LOGIN_PAGE_CSP, loginPage } from './pages.js';
import { setPageCsp } from '../../../middleware/security-headers.js';
import { isObjectId } from '../../../lib/ids.js';

export const BOARD_PATH = '/admin/queues';
const LOGIN_PATH = '/admin/login';
const COOKIE = 'aic_admin_session';

interface Deps {
  queues: Record<string, Queue>;
  authenticate: Authenticate;
  sessions: AdminSessions;
  /** The user-visible sessions: a dashboard sign-in is listed in GET /auth/sessions and can be ended there. */
  userSessions: Pick<Sessions, 'begin' | 'isEnded' | 'signOut'>;
  /** The sign-in check (brute-force limits included) shared with /auth/login. */
  verifyCredentials: AuthService['verifyCredentials'];
  publicUrl: string;
  /** Lifetime of the known-client cookie that lets this browser past a lock-out strangers caused. */
  knownClientTtlSeconds: number;
}

const isAdmin = (user: UserDoc) => user.role === 'admin' || user.role === 'superadmin';
// No NUL characters: the database (PostgreSQL under FerretDB) cannot compare them and would answer an error.
const noNul = /^[^\0]*$/;
const loginBodySchema = z.object({
  email: z.string().trim().toLowerCase().max(254).regex(noNul),
  password: z.string().max(1024).regex(noNul),
});

/** A cross-site form or script may not drive the dashboard (SameSite=Strict already keeps the cookie away). */
function assertSameOrigin(req: Request): void {
  const origin = req.get('origin');
  if (!origin || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== req.get('host')) throw new ForbiddenError('Cross-origin request refused', 'cross_origin');
}

/**
 * Bull Board's UI: its scripts (and highlight worker) from here, inline styles, Google Fonts (its stylesheet links
 * them), data: images, its API on this origin; `<base href>` points at this origin.
 */
const BOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * Under `no-referrer` a browser sends `Origin: null` with a form post, which the same-origin check must refuse;
 * `same-origin` keeps the real Origin on this site's own posts and still sends nothing to other sites.
 */
const ADMIN_REFERRER_POLICY = 'same-origin';

const wantsHtml = (req: Request) => req.method === 'GET' && req.accepts(['json', 'html']) === 'html';

/**
 * The board may inspect and operate queues (retry, promote, clean, pause) but never forge work: its API adds jobs
 * with POST and edits them (data, delay, priority, schedulers) with PATCH, so both are refused for everyone.
 */
function refuseJobEdits(req: Request): void {
  if (req.method === 'POST' || req.method === 'PATCH') {
    throw new ForbiddenError('The queue dashboard cannot add or edit jobs', 'board_read_only');
  }
}

/**
 * Bull Board at /admin/queues for browsers: a small sign-in page creates a Redis-backed session (httpOnly,
 * SameSite=Strict, Secure on https) for admins and superadmins only; a Bearer access token of an admin works too.
 */
export function createBoardRouter({
  queues,
  authenticate,
  sessions,
  userSessions,
  verifyCredentials,
  publicUrl,
  knownClientTtlSeconds,
}: Deps): Router {
  const router = Router();
  const secure = publicUrl.startsWith('https:');
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/admin' };

  const serverAdapter = new ExpressAdapter().setBasePath(BOARD_PATH);
  createBullBoard({
    queues: Object.values(queues).map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express pins its own copy of @bull-board/api; the adapter is the same at run time.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: {
      uiConfig: {
        boardTitle: 'AI Coder queues',
        miscLinks: [{ text: 'Sign out', url: '/admin/logout' }],
        hideDocsLink: true,
      },
    },
  });

  async function sessionUser(req: Request): Promise<UserDoc | null> {
    const session = await sessions.read(req.cookies?.[COOKIE]);
    if (!session || !isObjectId(session.user_id)) return null;
    if (session.sid && (await userSessions.isEnded(session.sid))) return null;
    const user = await UserModel.findById(session.user_id);
    const valid = user && user.is_active && isAdmin(user) && (user.token_version ?? 0) === session.ver;
    return valid ? user : null;
  }

  async function endSession(req: Request, res: Response) {
    res.clearCookie(COOKIE, cookieOptions);
    const session = await sessions.read(req.cookies?.[COOKIE]);
    if (session?.sid) await userSessions.signOut(session.sid);
    await sessions.destroy(req.cookies?.[COOKIE]);
  }

  const guard: RequestHandler = async (req, res, next) => {
    setPageCsp(res, BOARD_CSP);
    res.setHeader('Referrer-Policy', ADMIN_REFERRER_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    assertSameOrigin(req);
    if (req.get('authorization')) {
      await authenticate(req, res, () => undefined);
      if (!isAdmin(requirePrincipal(req).user))
        throw new ForbiddenError('This requires an administrator', 'admin_required');
      refuseJobEdits(req);
      return next();
    }
    if (await sessionUser(req)) {
      refuseJobEdits(req);
      return next();
    }
    if (req.cookies?.[COOKIE]) await endSession(req, res);
    if (wantsHtml(req)) return res.redirect(303, LOGIN_PATH);
    throw new UnauthorizedError('Sign in at /admin/login or send an admin access token', 'missing_credentials');
  };

  function renderLogin(res: Response, status: number, message?: string, email?: string) {
    res
      .status(status)
      .setHeader('Content-Security-Policy', LOGIN_PAGE_CSP)
      .setHeader('Referrer-Policy', ADMIN_REFERRER_POLICY);
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(loginPage({ message, email }));
  }

  router.use(['/admin/login', '/admin/logout', BOARD_PATH], cookieParser());

  router.get(LOGIN_PATH, async (req, res) => {
    if (await sessionUser(req)) return res.redirect(303, BOARD_PATH);
    renderLogin(res, 200);
  });

  router.post(LOGIN_PATH, async (req, res) => {
    assertSameOrigin(req);
    const parsed = loginBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) return renderLogin(res, 400, 'Enter your email and password.');
    const { email, password } = parsed.data;
    const ip = req.ip ?? 'unknown';
    let user: UserDoc;
    let knownClientToken: string;
    try {
      ({ user, knownClientToken } = await verifyCredentials(email, password, ip, req.cookies?.[KNOWN_CLIENT_COOKIE]));
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.setHeader('Retry-After', error.extra.headers?.['Retry-After'] ?? '60');
        return renderLogin(res, 429, 'Too many failed sign-in attempts; try again later.', email);
      }
      if (error instanceof UnauthorizedError) return renderLogin(res, 401, 'Incorrect email or password.', email);
      throw error;
    }
    if (!isAdmin(user)) return renderLogin(res, 403, 'This dashboard is for administrators only.', email);
    const sid = `board-${randomUUID()}`;
    await userSessions.begin(user, sid, clientOf(req, 'dashboard'), new Date(Date.now() + sessions.ttlSeconds * 1000));
    const id = await sessions.create({ user_id: user._id.toString(), ver: user.token_version ?? 0, sid });
    res.cookie(COOKIE, id, { ...cookieOptions, maxAge: sessions.ttlSeconds * 1000 });
    res.cookie(KNOWN_CLIENT_COOKIE, knownClientToken, { ...cookieOptions, maxAge: knownClientTtlSeconds * 1000 });
    res.redirect(303, BOARD_PATH);
  });

  const logout: RequestHandler = async (req, res) => {
    assertSameOrigin(req);
    await endSession(req, res);
    res.redirect(303, LOGIN_PATH);
  };
  router.get('/admin/logout', logout);
  router.post('/admin/logout', logout);

  // The adapter is an Express app of its own: it would announce itself (X-Powered-By) like any default app.
  const board = serverAdapter.getRouter() as RequestHandler & { disable?: (setting: string) => void };
  board.disable?.('x-powered-by');
  router.use(BOARD_PATH, guard, board);
  return router;
}
