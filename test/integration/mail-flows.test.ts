import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { countMail, linkIn, mailbox, waitForMail } from '../helpers/mailpit.js';
import { TEST_PASSWORD, registerAndLogin } from '../factories/users.js';
import { login } from '../factories/accounts.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { UserModel } from '../../src/models/user.js';
import { MailTokenModel } from '../../src/models/mail.js';
import { sha256 } from '../../src/lib/hash.js';

const lines: string[] = [];
const sink = { write: (line: string) => void lines.push(line) };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('mail flows end to end (HTTP, the mail worker, Mailpit)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  const tokensSeen: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ LOG_LEVEL: 'debug', MAIL_MAX_PER_ADDRESS: '4' }, { logStream: sink });
    workers = await startWorkers(app.config, createLogger('debug', {}, sink), ['mail']);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
    // Logs never hold a token or a link with one.
    const log = lines.join('');
    expect(log).toContain('mail job done');
    for (const token of tokensSeen) expect(log).not.toContain(token);
    expect(log).not.toMatch(/token=[A-Za-z0-9_-]{20,}/);
  });

  const api = () => app.request;
  const me = async (auth: Record<string, string>) => (await api().get('/users/me').set(auth)).body;
  async function link(address: string, path: string, subject?: RegExp) {
    const found = await linkIn(address, path, subject);
    tokensSeen.push(found.token);
    return found;
  }
  /** A registered user whose address is proven through its verification link. */
  async function verifiedUser(label: string) {
    const user = await registerAndLogin(app, mailbox(label));
    const { token } = await link(user.email, '/auth/verify-email');
    expect((await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD })).status).toBe(200);
    return user;
  }

  describe('forgot password and reset', () => {
    it('answers 202 with the same body for an unknown address, and sends it nothing', async () => {
      const user = await verifiedUser('forgot');
      const unknown = mailbox('nobody');
      const known = await api().post('/auth/password/forgot').send({ email: user.email.toUpperCase() });
      const stranger = await api().post('/auth/password/forgot').send({ email: unknown });
      expect(known.status).toBe(202);
      expect(stranger.status).toBe(202);
      expect(stranger.body).toEqual(known.body);
      const { mail } = await link(user.email, '/auth/password/reset', /Reset your/);
      expect(mail.HTML).toContain('/auth/password/reset?token=');
      expect(await countMail(unknown)).toBe(0);
    });

    it('resets with the link: the page changes nothing, every session ends, API keys stay, the token works once', async () => {
      const user = await verifiedUser('reset');
      const other = await login(app, user.email);
      const key = (await api().post('/api-keys').set(user.auth).send({ name: 'kept' })).body.key as string;
      await api().post('/auth/password/forgot').send({ email: user.email });
      const { url, token } = await link(user.email, '/auth/password/reset', /Reset your/);
      const path = new URL(url).pathname + new URL(url).search;
      for (let i = 0; i < 2; i += 1) {
        const page = await api().get(path).set('Accept', 'text/html');
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.headers['cache-control']).toBe('no-store');
        expect(page.text).toContain('action="/auth/password/reset"');
      }
      const reset = await api().post('/auth/password/reset').send({ token, new_password: 'a brand new secret' });
      expect(reset.status).toBe(200);
      for (const session of [user, other]) {
        expect((await api().get('/auth/me').set(session.auth)).status).toBe(401);
        expect((await api().post('/auth/refresh').send({ refresh_token: session.refreshToken })).status).toBe(401);
      }
      expect((await api().get('/users/me').set(bearer(key))).status).toBe(200);
      expect((await api().post('/auth/login-json').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
        401,
      );
      await login(app, user.email, 'a brand new secret');
      const again = await api().post('/auth/password/reset').send({ token, new_password: 'yet another secret' });
      expect(again.status).toBe(400);
      expect(again.body.error).toMatchObject({ code: 'invalid_token', type: 'invalid_request_error' });
      expect((await api().get(path).set('Accept', 'text/html')).status).toBe(400);
      await waitForMail(user.email, { subject: /password was reset/ });
    });

    it('proves a never-proven address: the reset is its first proof, so what the account held before is gone', async () => {
      const user = await registerAndLogin(app, mailbox('unproven'));
      const key = (await api().post('/api-keys').set(user.auth).send({ name: 'planted' })).body.key as string;
      await api().post('/auth/password/forgot').send({ email: user.email });
      const { token } = await link(user.email, '/auth/password/reset', /Reset your/);
      expect(
        (await api().post('/auth/password/reset').send({ token, new_password: 'owner of the address' })).status,
      ).toBe(200);
      const stored = await UserModel.findById(user.user.id).lean();
      expect(stored).toMatchObject({ is_verified: true });
      expect((await api().get('/users/me').set(bearer(key))).status).toBe(401);
      const owner = await login(app, user.email, 'owner of the address');
      expect((await me(owner.auth)).is_verified).toBe(true);
    });

    it('lets exactly one of many concurrent resets with one token through, and refuses an expired token', async () => {
      const user = await verifiedUser('race');
      await api().post('/auth/password/forgot').send({ email: user.email });
      const { token } = await link(user.email, '/auth/password/reset', /Reset your/);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api()
            .post('/auth/password/reset')
            .send({ token, new_password: `racer number ${i}` }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);

      await api().post('/auth/password/forgot').send({ email: user.email });
      const second = await link(user.email, '/auth/password/reset', /Reset your/);
      await MailTokenModel.updateOne(
        { hash: sha256(second.token) },
        { $set: { expires_at: new Date(Date.now() - 1000) } },
      );
      const expired = await api()
        .post('/auth/password/reset')
        .send({ token: second.token, new_password: 'too late for this' });
      expect(expired.body.error.code).toBe('invalid_token');
    });

    it('serves people: the form posts and gets a page back', async () => {
      const user = await verifiedUser('form');
      await api().post('/auth/password/forgot').send({ email: user.email });
      const { token } = await link(user.email, '/auth/password/reset', /Reset your/);
      const res = await api()
        .post('/auth/password/reset')
        .type('form')
        .send({ token, new_password: 'typed in a browser' });
      expect(res.status).toBe(200);
      expect(res.text).toContain('Password changed');
      const reused = await api()
        .post('/auth/password/reset')
        .type('form')
        .send({ token, new_password: 'typed in a browser' });
      expect(reused.status).toBe(400);
      expect(reused.text).toContain('This link does not work');
      await login(app, user.email, 'typed in a browser');
    });

    it('sends a security notice when the password is changed, even to a user who switched alerts off', async () => {
      const user = await verifiedUser('notice');
      await api().patch('/users/me').set(user.auth).send({ email_alerts: false });
      const res = await api()
        .post('/users/me/password')
        .set(user.auth)
        .send({ current_password: TEST_PASSWORD, new_password: 'changed on purpose' });
      expect(res.status).toBe(200);
      const [mail] = await waitForMail(user.email, { subject: /password was changed/ });
      expect(mail!.Text).toContain('If this was not you');
    });

    it('limits mails per address, for known and unknown addresses alike', async () => {
      const unknown = mailbox('flood');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await api().post('/auth/password/forgot').send({ email: unknown })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 429]);
    });
  });

  describe('verification', () => {
    it('sends a link at registration; the page changes nothing; confirming needs the password; the token works once', async () => {
      const user = await registerAndLogin(app, mailbox('verify'));
      expect((await api().get('/auth/me').set(user.auth)).body.is_verified).toBe(false);
      const { url, token } = await link(user.email, '/auth/verify-email', /Confirm your/);
      const path = new URL(url).pathname + new URL(url).search;
      const page = await api().get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('name="password"');
      expect((await api().get('/auth/me').set(user.auth)).body.is_verified).toBe(false);
      const noPassword = await api().post('/auth/verify-email').send({ token });
      expect(noPassword.body.error).toMatchObject({ code: 'password_required', param: 'password' });
      const wrong = await api().post('/auth/verify-email').send({ token, password: 'not the password' });
      expect(wrong.body.error.code).toBe('invalid_password');
      const ok = await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ email: user.email, is_verified: true });
      expect((await api().get('/auth/me').set(user.auth)).body.is_verified).toBe(true);
      expect((await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD })).body.error.code).toBe(
        'invalid_token',
      );
    });

    it('resends a link to a signed-in user, not to a verified one; a token of another purpose is refused and kept', async () => {
      const user = await registerAndLogin(app, mailbox('resend'));
      await waitForMail(user.email, { subject: /Confirm your/ });
      expect((await api().post('/auth/verify-email/resend')).status).toBe(401);
      expect((await api().post('/auth/verify-email/resend').set(user.auth)).status).toBe(202);
      const [latest] = await waitForMail(user.email, { count: 2, subject: /Confirm your/ });
      expect(latest!.Text).toContain('/auth/verify-email?token=');

      await api().post('/auth/password/forgot').send({ email: user.email });
      const reset = await link(user.email, '/auth/password/reset', /Reset your/);
      const crossed = await api().post('/auth/verify-email').send({ token: reset.token, password: TEST_PASSWORD });
      expect(crossed.body.error.code).toBe('invalid_token');
      expect(
        (await api().post('/auth/password/reset').send({ token: reset.token, new_password: 'still works fine' }))
          .status,
      ).toBe(200);
      const signedIn = await login(app, user.email, 'still works fine');
      const already = await api().post('/auth/verify-email/resend').set(signedIn.auth);
      expect(already.status).toBe(409);
      expect(already.body.error.code).toBe('already_verified');
    });
  });

  it('keeps an unproven address out of organizations until it is verified', async () => {
    const owner = await verifiedUser('org-owner');
    const org = await api().post('/organizations').set(owner.auth).send({ name: 'Team' });
    const invitee = await registerAndLogin(app, mailbox('invitee'));
    const refused = await api()
      .post(`/organizations/${org.body.id as string}/members`)
      .set(owner.auth)
      .send({ email: invitee.email, role: 'member' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('email_not_verified');
    const { token } = await link(invitee.email, '/auth/verify-email', /Confirm your/);
    expect(
      (await api().post('/auth/verify-email').type('form').send({ token, password: TEST_PASSWORD })).text,
    ).toContain('Address confirmed');
    expect(
      (
        await api()
          .post(`/organizations/${org.body.id as string}/members`)
          .set(owner.auth)
          .send({ email: invitee.email, role: 'member' })
      ).status,
    ).toBe(201);
  });

  describe('address change', () => {
    it('changes the address only when the new one confirms; the old one hears of it twice', async () => {
      const user = await verifiedUser('old');
      const next = mailbox('new');
      const res = await api()
        .patch('/users/me')
        .set(user.auth)
        .send({ email: next, current_password: TEST_PASSWORD, name: 'Renamed' });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ email: user.email, pending_email: next, name: 'Renamed' });
      await waitForMail(user.email, { subject: /was requested/ });
      const { token } = await link(next, '/auth/verify-email', /new .*address/);
      expect((await me(user.auth)).email).toBe(user.email);
      const page = await api().get(`/auth/verify-email?token=${token}`);
      expect(page.text).toContain(next);
      expect(page.text).toContain('name="password"');
      const confirmed = await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD });
      expect(confirmed.status).toBe(200);
      expect(await me(user.auth)).toMatchObject({ email: next, is_verified: true, pending_email: null });
      await waitForMail(user.email, { subject: /was changed/ });
      await login(app, next);
      expect((await api().post('/auth/login-json').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(
        401,
      );
      expect((await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD })).body.error.code).toBe(
        'invalid_token',
      );
    });

    it('gives one of many accounts confirming the same new address the address, the rest 409', async () => {
      const racers = await Promise.all(
        // As many as the address may be mailed in a window (MAIL_MAX_PER_ADDRESS is 4 here).
        Array.from({ length: 4 }, (_, i) => registerAndLogin(app, mailbox(`racer${i}`))),
      );
      const wanted = mailbox('contested');
      for (const racer of racers) {
        expect(
          (await api().patch('/users/me').set(racer.auth).send({ email: wanted, current_password: TEST_PASSWORD }))
            .status,
        ).toBe(202);
      }
      const mails = await waitForMail(wanted, { count: racers.length });
      const tokens = mails.map((m) => /token=([A-Za-z0-9_-]+)/.exec(m.Text)![1]!);
      tokensSeen.push(...tokens);
      const results = await Promise.all(
        tokens.map((token) => api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'email_taken')).toBe(true);
      expect(await UserModel.countDocuments({ email: wanted })).toBe(1);
    });

    it('refuses with 409 when the new address was taken meanwhile, and 409 at once when it already is', async () => {
      const user = await verifiedUser('meanwhile');
      const wanted = mailbox('taken');
      expect(
        (await api().patch('/users/me').set(user.auth).send({ email: wanted, current_password: TEST_PASSWORD })).status,
      ).toBe(202);
      const { token } = await link(wanted, '/auth/verify-email', /new .*address/);
      await registerAndLogin(app, wanted);
      const late = await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('email_taken');
      expect((await me(user.auth)).email).toBe(user.email);
      const now = await api()
        .patch('/users/me')
        .set(user.auth)
        .send({ email: wanted, current_password: TEST_PASSWORD });
      expect(now.status).toBe(409);
    });
  });
});

describe('with MAIL_DISABLED=true', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ MAIL_DISABLED: 'true' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers 503 mail_disabled where mail is needed, and still registers', async () => {
    const user = await registerAndLogin(app, mailbox('nomail'));
    for (const res of [
      await app.request.post('/auth/password/forgot').send({ email: user.email }),
      await app.request.post('/auth/verify-email/resend').set(user.auth),
      await app.request
        .patch('/users/me')
        .set(user.auth)
        .send({ email: mailbox('elsewhere'), current_password: TEST_PASSWORD }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'mail_disabled', type: 'service_unavailable' });
    }
    expect(await app.producer.queues.mail.count()).toBe(0);
  });
});
