import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { countMail, linkIn, mailbox, waitForMail } from '../helpers/mailpit.js';
import { TEST_PASSWORD, registerAndLogin } from '../factories/users.js';
import { login } from '../factories/accounts.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { UserModel } from '../../src/models/user.js';
import { waitFor } from '../helpers/wait.js';

/**
 * Issue 17, findings 1, 3 and 4: a pending address change is bound to the one change it was minted for, dies with
 * every clean-up, is confirmed only with the requesting account's password, can be cancelled from the notice, and
 * cannot be used to mail a stranger more than the per-address and per-account limits allow.
 */
describe('address-change attacks (HTTP, the mail worker, Mailpit)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  beforeAll(async () => {
    app = await startTestApp({ MAIL_MAX_PER_ADDRESS: '4', MAIL_MAX_PER_ACCOUNT: '6' });
    workers = await startWorkers(app.config, createLogger('silent'), ['mail']);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  const api = () => app.request;
  const me = async (auth: Record<string, string>) => (await api().get('/users/me').set(auth)).body;
  const stored = (id: string) => UserModel.findById(id).lean();

  async function verifiedUser(label: string) {
    const user = await registerAndLogin(app, mailbox(label));
    const { token } = await linkIn(user.email, '/auth/verify-email');
    expect((await api().post('/auth/verify-email').send({ token, password: TEST_PASSWORD })).status).toBe(200);
    return user;
  }

  async function requestChange(auth: Record<string, string>, email: string, password = TEST_PASSWORD) {
    return api().patch('/users/me').set(auth).send({ email, current_password: password });
  }

  /** The confirmation link of the latest change mailed to `address` (waits for the `count`-th such mail). */
  async function changeLink(address: string, count = 1) {
    const [mail] = await waitForMail(address, { count, subject: /new .*address/ });
    return /token=([A-Za-z0-9_-]+)/.exec(mail!.Text)![1]!;
  }

  async function resetPassword(email: string, newPassword: string) {
    const before = (await waitForMailCount(email, /Reset your/)) + 1;
    expect((await api().post('/auth/password/forgot').send({ email })).status).toBe(202);
    const [mail] = await waitForMail(email, { count: before, subject: /Reset your/ });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.Text)![1]!;
    expect((await api().post('/auth/password/reset').send({ token, new_password: newPassword })).status).toBe(200);
  }
  async function waitForMailCount(email: string, subject: RegExp) {
    return (await waitForMail(email, { count: 0, subject })).length;
  }

  const confirm = (token: string, password?: string) =>
    api()
      .post('/auth/verify-email')
      .send(password === undefined ? { token } : { token, password });

  describe('finding 1: a pending change outlives every clean-up', () => {
    it('pre-account: the owner proves the address by reset; the squatter’s old change link is dead', async () => {
      const victim = mailbox('victim');
      const attacker = mailbox('attacker');
      const squatter = await registerAndLogin(app, victim);
      expect((await requestChange(squatter.auth, attacker)).status).toBe(202);
      const token = await changeLink(attacker);

      await resetPassword(victim, 'the real owner chose this');
      const owner = await login(app, victim, 'the real owner chose this');
      await api().post('/api-keys').set(owner.auth).send({ name: 'owner key' });

      expect((await confirm(token, TEST_PASSWORD)).status).toBe(400);
      expect((await confirm(token, 'the real owner chose this')).status).toBe(400);
      expect(await stored(squatter.user.id)).toMatchObject({ email: victim, pending_email: null });
    });

    it('verified account: a thief’s change dies with the owner’s reset, password change and session purge', async () => {
      const owner = await verifiedUser('leaked');
      const thief = mailbox('thief');
      const stolen = await login(app, owner.email);
      expect((await requestChange(stolen.auth, thief)).status).toBe(202);
      const token = await changeLink(thief);

      await resetPassword(owner.email, 'a fresh owner secret');
      const back = await login(app, owner.email, 'a fresh owner secret');
      const changed = await api()
        .post('/users/me/password')
        .set(back.auth)
        .send({ current_password: 'a fresh owner secret', new_password: 'another owner secret' });
      expect(changed.status).toBe(200);

      expect((await confirm(token, TEST_PASSWORD)).status).toBe(400);
      expect((await confirm(token, 'another owner secret')).status).toBe(400);
      expect((await me(bearerOf(changed.body.access_token as string))).email).toBe(owner.email);
    });

    for (const cleanUp of ['password change', 'ending other sessions', 'deactivation'] as const) {
      it(`${cleanUp} alone cancels the pending change`, async () => {
        const owner = await verifiedUser('cleanup');
        const next = mailbox('next');
        expect((await requestChange(owner.auth, next)).status).toBe(202);
        const token = await changeLink(next);
        if (cleanUp === 'password change') {
          const res = await api()
            .post('/users/me/password')
            .set(owner.auth)
            .send({ current_password: TEST_PASSWORD, new_password: TEST_PASSWORD });
          expect(res.status).toBe(200);
        } else if (cleanUp === 'ending other sessions') {
          expect((await api().delete('/auth/sessions').set(owner.auth)).status).toBe(204);
        } else {
          expect((await api().delete('/users/me').set(owner.auth).send({ password: TEST_PASSWORD })).status).toBe(204);
          // An administrator reactivates the account later: the old change must not come back with it.
          await UserModel.updateOne({ _id: owner.user.id }, { $set: { is_active: true } });
        }
        expect((await stored(owner.user.id))!.pending_email).toBeNull();
        expect((await confirm(token, TEST_PASSWORD)).status).toBe(400);
        expect((await stored(owner.user.id))!.email).toBe(owner.email);
      });
    }

    it('a change requested while a reset lands never survives it, whatever the interleaving', async () => {
      // The reset is sent first; the thief's request follows while the reset hashes the new password.
      for (const offsetMs of [0, 10, 20, 30, 40, 50, 60, 70, 80, 100]) {
        const owner = await verifiedUser('race');
        const thief = await login(app, owner.email);
        expect((await api().post('/auth/password/forgot').send({ email: owner.email })).status).toBe(202);
        const { token } = await linkIn(owner.email, '/auth/password/reset', /Reset your/);
        const reset = api().post('/auth/password/reset').send({ token, new_password: 'owner wins the race' });
        const resetDone = reset.then((res) => res);
        await new Promise((resolve) => setTimeout(resolve, offsetMs));
        const change = await requestChange(thief.auth, mailbox('race-thief'));
        expect((await resetDone).status).toBe(200);
        // Accepted before the reset (then cleared by it), or refused: a wrong password by then, or an ended session.
        expect([202, 400, 401], JSON.stringify(change.body)).toContain(change.status);
        expect((await stored(owner.user.id))!.pending_email, `offset ${offsetMs} ms`).toBeNull();
      }
    });

    it('a cancelled change’s link stays dead when the same address is requested again', async () => {
      const user = await verifiedUser('again');
      const next = mailbox('again-next');
      expect((await requestChange(user.auth, next)).status).toBe(202);
      const first = await changeLink(next);
      expect((await api().patch('/users/me').set(user.auth).send({ email: user.email })).status).toBe(200);
      expect((await requestChange(user.auth, next)).status).toBe(202);
      const second = await changeLink(next, 2);
      expect(second).not.toBe(first);
      expect((await confirm(first, TEST_PASSWORD)).status).toBe(400);
      expect((await confirm(second, TEST_PASSWORD)).status).toBe(200);
      expect((await stored(user.user.id))!.email).toBe(next);
    });

    it('the notice to the old address cancels the change in one click (a POST behind a page)', async () => {
      const user = await verifiedUser('notice');
      const next = mailbox('notice-next');
      expect((await requestChange(user.auth, next)).status).toBe(202);
      const token = await changeLink(next);
      const { url, token: cancelToken } = await linkIn(user.email, '/auth/email-change/cancel', /was requested/);
      const path = new URL(url).pathname + new URL(url).search;
      const page = await api().get(path).set('Accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('action="/auth/email-change/cancel"');
      expect((await stored(user.user.id))!.pending_email).toBe(next);
      const cancelled = await api().post('/auth/email-change/cancel').send({ token: cancelToken });
      expect(cancelled.status).toBe(200);
      expect((await stored(user.user.id))!.pending_email).toBeNull();
      expect((await confirm(token, TEST_PASSWORD)).status).toBe(400);
      expect((await api().post('/auth/email-change/cancel').send({ token: cancelToken })).status).toBe(400);
    });
  });

  describe('finding 3: confirming a change needs the requesting account’s password', () => {
    it('a stranger’s click cannot hand the attacker the address; the page and mail say which account asked', async () => {
      const attacker = await verifiedUser('asker');
      const victim = mailbox('clicker');
      expect((await requestChange(attacker.auth, victim)).status).toBe(202);
      const [mail] = await waitForMail(victim, { subject: /new .*address/ });
      expect(mail!.Text).toContain(attacker.email);
      expect(mail!.Text).toMatch(/did not ask/i);
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.Text)![1]!;
      const page = await api().get(`/auth/verify-email?token=${token}`).set('Accept', 'text/html');
      expect(page.text).toContain('name="password"');
      const click = await confirm(token);
      expect(click.status).toBe(400);
      expect(click.body.error.code).toBe('password_required');
      expect((await confirm(token, 'not the password')).status).toBe(400);
      expect((await stored(attacker.user.id))!.email).toBe(attacker.email);
      expect((await confirm(token, TEST_PASSWORD)).status).toBe(200);
      expect((await stored(attacker.user.id))!.email).toBe(victim);
    });
  });

  describe('finding 4: address-change mail is limited per address and per account', () => {
    it('a stranger gets at most MAIL_MAX_PER_ADDRESS mails however the requests are cycled', async () => {
      const target = mailbox('stranger');
      const attacker = await verifiedUser('spammer');
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        statuses.push((await requestChange(attacker.auth, target)).status);
        await api().patch('/users/me').set(attacker.auth).send({ email: attacker.email });
      }
      expect(statuses.filter((s) => s === 202)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      await waitForMail(target, { count: 4 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await countMail(target)).toBe(4);
    });

    it('asking again for the address already pending sends nothing new', async () => {
      const user = await verifiedUser('repeat');
      const next = mailbox('repeat-next');
      for (let i = 0; i < 3; i += 1) expect((await requestChange(user.auth, next)).status).toBe(202);
      await waitForMail(next);
      await waitFor(async () => (await countMail(user.email)) >= 2 || undefined, 'the notice');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await countMail(next)).toBe(1);
    });

    it('one account cannot mail more than MAIL_MAX_PER_ACCOUNT strangers in a window', async () => {
      const user = await verifiedUser('fanout');
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) statuses.push((await requestChange(user.auth, mailbox(`fan${i}`))).status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(6);
      expect(statuses.slice(6)).toEqual([429, 429]);
    });
  });
});

const bearerOf = (token: string) => ({ Authorization: `Bearer ${token}` });
