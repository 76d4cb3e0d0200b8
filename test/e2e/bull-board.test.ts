import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chromiumMissingMessage, findChromium } from '../../scripts/lib/chromium.js';
import { TEST_PASSWORD, registerAndLogin } from '../factories/users.js';
import { type Session, userWithRole } from '../factories/accounts.js';

const CHROMIUM = findChromium();
const QUEUES = ['llm', 'usage', 'quota-reset', 'stripe-sync', 'maintenance', 'mail'];
const SCREENSHOT_DIR = path.resolve('test-output');

/** Real headless Chromium (Debian's package, or CHROMIUM_PATH) with a fresh profile per context. */
async function browserContext(profiles: string[]): Promise<BrowserContext> {
  if (!CHROMIUM) throw new Error(chromiumMissingMessage());
  const profile = mkdtempSync(path.join(os.tmpdir(), 'aic-chromium-'));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

describe('Bull Board at /admin/queues', () => {
  let app: TestApp;
  let admin: Session;
  let user: Session;
  const profiles: string[] = [];
  beforeAll(async () => {
    app = await startTestApp();
    admin = await userWithRole(app, 'admin');
    user = await registerAndLogin(app);
    await app.producer.queues['quota-reset'].add(
      'visible-job',
      { mode: 'all-due', as_of: new Date().toISOString() },
      { delay: 600_000 },
    );
  });
  afterAll(async () => {
    await app.stop();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  const loginForm = (email: string, password: string) =>
    app.request.post('/admin/login').type('form').send({ email, password });
  const sessionCookie = (res: { headers: Record<string, unknown> }) =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('aic_admin_session='));

  it('sends browsers without a session to the sign-in page, and API clients a 401', async () => {
    const browser = await app.request.get('/admin/queues').set('Accept', 'text/html,application/xhtml+xml');
    expect(browser.status).toBe(303);
    expect(browser.headers.location).toBe('/admin/login');
    const api = await app.request.get('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    expect(api.body.error.type).toBe('authentication_error');
    const page = await app.request.get('/admin/login');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post" action="/admin/login">');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('gives admins an httpOnly SameSite=Strict session and nobody else one', async () => {
    const wrong = await loginForm(admin.email, 'not the password');
    expect(wrong.status).toBe(401);
    expect(sessionCookie(wrong)).toBeUndefined();
    const nonAdmin = await loginForm(user.email, TEST_PASSWORD);
    expect(nonAdmin.status).toBe(403);
    expect(nonAdmin.text).toContain('administrators only');
    expect(sessionCookie(nonAdmin)).toBeUndefined();

    const ok = await loginForm(admin.email, TEST_PASSWORD);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/admin/queues');
    const cookie = sessionCookie(ok)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).not.toMatch(/Secure/);
    const pair = cookie.split(';')[0]!;
    const queues = await app.request.get('/admin/queues/api/queues').set('Cookie', pair);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([...QUEUES].sort());

    const logout = await app.request.post('/admin/logout').set('Cookie', pair);
    expect(logout.status).toBe(303);
    expect((await app.request.get('/admin/queues/api/queues').set('Cookie', pair)).status).toBe(401);
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const secureApp = await import('../../src/app.js');
    const { createApp } = secureApp;
    const { createLogger } = await import('../../src/lib/logger.js');
    const supertest = (await import('supertest')).default;
    const handle = createApp({
      config: { ...app.config, PUBLIC_URL: 'https://api.example.com' },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const res = await supertest(handle.app)
      .post('/admin/login')
      .type('form')
      .send({ email: admin.email, password: TEST_PASSWORD });
    expect(sessionCookie(res)).toMatch(/Secure/);
    await handle.close();
  });

  it('refuses cross-site form posts, ends sessions on password change, and accepts admin Bearer tokens only', async () => {
    const crossSite = await app.request
      .post('/admin/login')
      .type('form')
      .set('Origin', 'https://evil.example')
      .send({ email: admin.email, password: TEST_PASSWORD });
    expect(crossSite.status).toBe(403);
    expect(sessionCookie(crossSite)).toBeUndefined();

    expect((await app.request.get('/admin/queues/api/queues').set(user.auth)).status).toBe(403);
    expect((await app.request.get('/admin/queues/api/queues').set(admin.auth)).status).toBe(200);

    const other = await userWithRole(app, 'admin', 'admin-pw');
    const pair = sessionCookie(await loginForm(other.email, TEST_PASSWORD))!.split(';')[0]!;
    expect((await app.request.get('/admin/queues/api/queues').set('Cookie', pair)).status).toBe(200);
    await app.request
      .post('/users/me/password')
      .set(other.auth)
      .send({ current_password: TEST_PASSWORD, new_password: 'another long password' });
    expect((await app.request.get('/admin/queues/api/queues').set('Cookie', pair)).status).toBe(401);
  });

  it('lets no admin add or edit jobs through the board API (no forged work), while reading still works', async () => {
    const stripeQueue = app.producer.queues['stripe-sync'];
    const before = await stripeQueue.count();
    const forged = {
      name: 'stripe-sync',
      data: {
        event_id: 'evt_forged',
        type: 'customer.subscription.created',
        created: 1,
        payload: '{}',
        signature: 't=1,v1=00',
      },
      options: {},
    };
    const add = await app.request.post('/admin/queues/api/queues/stripe-sync/add').set(admin.auth).send(forged);
    expect(add.status, JSON.stringify(add.body)).toBe(403);
    expect(add.body.error.code).toBe('board_read_only');
    // The same through a signed-in dashboard session.
    const session = sessionCookie(await loginForm(admin.email, TEST_PASSWORD))!.split(';')[0]!;
    const viaSession = await app.request
      .post('/admin/queues/api/queues/stripe-sync/add')
      .set('Cookie', session)
      .send(forged);
    expect(viaSession.status).toBe(403);
    expect(viaSession.body.error.code).toBe('board_read_only');
    expect(await stripeQueue.count()).toBe(before);

    const resetQueue = app.producer.queues['quota-reset'];
    const job = (await resetQueue.getDelayed())[0]!;
    for (const [path, body] of [
      [
        `update-data`,
        { jobData: { mode: 'one', payer_type: 'user', payer_id: admin.user.id, as_of: new Date().toISOString() } },
      ],
      ['delay', { runAt: Date.now() }],
      ['priority', { priority: 1 }],
    ] as const) {
      const edit = await app.request
        .patch(`/admin/queues/api/queues/quota-reset/${job.id}/${path}`)
        .set(admin.auth)
        .send(body);
      expect(edit.status, path).toBe(403);
      expect(edit.body.error.code).toBe('board_read_only');
    }
    const after = (await resetQueue.getJob(job.id!))!;
    expect(after.data).toEqual(job.data);
    expect(await after.getState()).toBe('delayed');
    expect((await app.request.get(`/admin/queues/api/queues/quota-reset/${job.id}`).set(admin.auth)).status).toBe(200);
  });

  it('shows every queue to an admin in a real browser, and no dashboard to a non-admin', async () => {
    expect(CHROMIUM, chromiumMissingMessage()).toBeDefined();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });

    const adminBrowser = await browserContext(profiles);
    try {
      const page = adminBrowser.pages()[0] ?? (await adminBrowser.newPage());
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      await page.goto(`${app.url}/admin/queues`);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      await page.fill('#email', admin.email);
      await page.fill('#password', TEST_PASSWORD);
      await Promise.all([page.waitForURL(`${app.url}/admin/queues**`), page.click('button[type=submit]')]);
      for (const name of QUEUES) {
        await page.getByText(name, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
      }
      // The overview has loaded one card per queue from the board's API (through the session cookie).
      await expect.poll(() => page.getByText(/^\d+ Jobs?$/).count(), { timeout: 15_000 }).toBe(QUEUES.length);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bull-board-admin.png'), fullPage: true });
      expect(cspViolations).toEqual([]);
      const cookies = await adminBrowser.cookies(`${app.url}/admin/queues`);
      expect(cookies.find((c) => c.name === 'aic_admin_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    } finally {
      await adminBrowser.close();
    }

    const userBrowser = await browserContext(profiles);
    try {
      const page = userBrowser.pages()[0] ?? (await userBrowser.newPage());
      await page.goto(`${app.url}/admin/login`);
      await page.fill('#email', user.email);
      await page.fill('#password', TEST_PASSWORD);
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
      await page.getByText('This dashboard is for administrators only.').waitFor({ state: 'visible' });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'bull-board-non-admin.png') });
      await page.goto(`${app.url}/admin/queues`);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      const body = await page.content();
      for (const name of ['quota-reset', 'stripe-sync']) expect(body).not.toContain(name);
      expect(await userBrowser.cookies(`${app.url}/admin/queues`)).toEqual([]);
    } finally {
      await userBrowser.close();
    }
  }, 60_000);

  it('renders the API docs page in a real browser under its Content-Security-Policy', async () => {
    const browser = await browserContext(profiles);
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      const response = await page.goto(`${app.url}/docs`);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page
        .getByText('/v1/chat/completions', { exact: true })
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'docs.png') });
      expect(cspViolations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
