import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { login, userWithRole } from '../factories/accounts.js';
import mongoose from 'mongoose';
import { UserModel } from '../../src/models/user.js';
import { ApiKeyModel } from '../../src/models/api-key.js';

describe('account management (/users/me)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('reads and updates the name and profile fields', async () => {
    const me = await registerAndLogin(app);
    const read = await app.request.get('/users/me').set(me.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ email: me.email, profile: { company: null, timezone: null } });
    expect(read.body.password_hash).toBeUndefined();

    const patch = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({
        name: 'Ada Lovelace',
        first_name: 'Ada',
        last_name: 'Lovelace',
        profile: { company: 'Analytical Engines', timezone: 'Europe/London', website: 'https://ada.example' },
      });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      name: 'Ada Lovelace',
      first_name: 'Ada',
      profile: {
        company: 'Analytical Engines',
        timezone: 'Europe/London',
        website: 'https://ada.example',
        job_title: null,
      },
    });

    const partial = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({ profile: { company: null, job_title: 'Analyst' } });
    expect(partial.body.profile).toMatchObject({ company: null, job_title: 'Analyst', timezone: 'Europe/London' });
    expect((await app.request.get('/auth/me').set(me.auth)).body.name).toBe('Ada Lovelace');
  });

  it('refuses bad profile input with 400 and changes nothing', async () => {
    const me = await registerAndLogin(app);
    for (const body of [
      {},
      { profile: { timezone: 'Mars/Olympus' } },
      { profile: { website: 'javascript:alert(1)' } },
      { profile: { shoe_size: '9' } },
      { role: 'admin' },
      { subscription_tier: 'enterprise' },
      { tokens_remaining: 1e9 },
      { name: 'x'.repeat(201) },
      { email: 'not-an-email' },
    ]) {
      const res = await app.request.patch('/users/me').set(me.auth).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const stored = await UserModel.findById(me.user.id).lean();
    expect(stored).toMatchObject({ role: 'user', subscription_tier: 'free', monthly_limit: 10_000 });
  });

  it('changes the email only with the current password, and keeps emails unique case-insensitively', async () => {
    const me = await registerAndLogin(app);
    const other = await registerAndLogin(app);
    const next = uniqueEmail('renamed');
    const noPassword = await app.request.patch('/users/me').set(me.auth).send({ email: next });
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error).toMatchObject({ code: 'password_required', param: 'current_password' });
    const wrong = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({ email: next, current_password: 'wrong password' });
    expect(wrong.body.error.code).toBe('invalid_password');
    const taken = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({ email: other.email.toUpperCase(), current_password: TEST_PASSWORD });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');

    // The address changes only once the new one confirms (test/integration/mail-flows.test.ts follows the link).
    const ok = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({ email: next.toUpperCase(), current_password: TEST_PASSWORD });
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({ email: me.email, pending_email: next });
    await login(app, me.email);
    expect((await app.request.post('/auth/login-json').send({ email: next, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    const cancelled = await app.request.patch('/users/me').set(me.auth).send({ email: me.email });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.pending_email).toBeNull();
  });

  it('switches alerts off and on; other fields keep working alongside', async () => {
    const me = await registerAndLogin(app);
    expect((await app.request.get('/users/me').set(me.auth)).body.email_alerts).toBe(true);
    const off = await app.request.patch('/users/me').set(me.auth).send({ email_alerts: false, name: 'Quiet' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ email_alerts: false, name: 'Quiet' });
    expect((await app.request.patch('/users/me').set(me.auth).send({ email_alerts: 'no' })).status).toBe(400);
    expect((await app.request.patch('/users/me').set(me.auth).send({ email_alerts: true })).body.email_alerts).toBe(
      true,
    );
  });

  it('changes the password: policy as at sign-up, other sessions revoked, fresh tokens for this one', async () => {
    const me = await registerAndLogin(app);
    const otherSession = await login(app, me.email);
    for (const body of [
      { current_password: TEST_PASSWORD, new_password: 'short' },
      { current_password: TEST_PASSWORD, new_password: '€'.repeat(25) },
      { new_password: 'a perfectly fine one' },
    ]) {
      expect((await app.request.post('/users/me/password').set(me.auth).send(body)).status).toBe(400);
    }
    const wrong = await app.request
      .post('/users/me/password')
      .set(me.auth)
      .send({ current_password: 'not it at all', new_password: 'a perfectly fine one' });
    expect(wrong.body.error.code).toBe('invalid_password');

    const newPassword = 'é'.repeat(36);
    const res = await app.request
      .post('/users/me/password')
      .set(me.auth)
      .send({ current_password: TEST_PASSWORD, new_password: newPassword });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 1800 });

    for (const session of [me, otherSession]) {
      expect((await app.request.get('/auth/me').set(session.auth)).status).toBe(401);
      expect((await app.request.post('/auth/refresh').send({ refresh_token: session.refreshToken })).status).toBe(401);
    }
    expect((await app.request.get('/auth/me').set('Authorization', `Bearer ${res.body.access_token}`)).status).toBe(
      200,
    );
    expect((await app.request.post('/auth/refresh').send({ refresh_token: res.body.refresh_token })).status).toBe(200);
    expect((await app.request.post('/auth/login-json').send({ email: me.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    await login(app, me.email, newPassword);
  });

  it('lets an account without a password (OAuth sign-up) set one without a current password', async () => {
    const me = await registerAndLogin(app);
    await UserModel.updateOne({ _id: me.user.id }, { $set: { password_hash: null } });
    const email = await app.request
      .patch('/users/me')
      .set(me.auth)
      .send({ email: uniqueEmail(), current_password: 'x' });
    expect(email.body.error.code).toBe('password_not_set');
    const res = await app.request.post('/users/me/password').set(me.auth).send({ new_password: 'brand new password' });
    expect(res.status).toBe(200);
    await login(app, me.email, 'brand new password');
  });

  it('deactivates with the password: sessions and API keys revoked, the document kept', async () => {
    const me = await registerAndLogin(app);
    const key = await app.request.post('/api-keys').set(me.auth).send({ name: 'k' });
    const keyAuth = { Authorization: `Bearer ${key.body.key as string}` };
    expect((await app.request.get('/users/me').set(keyAuth)).status).toBe(200);

    expect((await app.request.delete('/users/me').set(me.auth).send({})).status).toBe(400);
    const wrong = await app.request.delete('/users/me').set(me.auth).send({ password: 'definitely wrong' });
    expect(wrong.body.error.code).toBe('invalid_password');
    expect((await app.request.delete('/users/me').set(keyAuth).send({ password: TEST_PASSWORD })).status).toBe(403);

    expect((await app.request.delete('/users/me').set(me.auth).send({ password: TEST_PASSWORD })).status).toBe(204);
    expect((await app.request.get('/users/me').set(me.auth)).status).toBe(401);
    expect((await app.request.get('/users/me').set(keyAuth)).status).toBe(401);
    expect((await app.request.post('/auth/refresh').send({ refresh_token: me.refreshToken })).status).toBe(401);
    expect((await app.request.post('/auth/login-json').send({ email: me.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect(await UserModel.findById(me.user.id).lean()).toMatchObject({ email: me.email, is_active: false });
    expect((await ApiKeyModel.findById(key.body.id).lean())!.revoked_at).toBeInstanceOf(Date);
  });

  it('limits password guesses made with a stolen access token', async () => {
    const me = await registerAndLogin(app);
    const allowed = app.config.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP;
    const statuses: number[] = [];
    for (let i = 0; i <= allowed; i += 1) {
      statuses.push(
        (
          await app.request
            .delete('/users/me')
            .set(me.auth)
            .send({ password: `guess number ${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, allowed)).toEqual(Array(allowed).fill(400));
    expect(statuses[allowed]).toBe(429);
    expect((await UserModel.findById(me.user.id).lean())!.is_active).toBe(true);
  });

  it('keeps the last active superadmin from deactivating themselves', async () => {
    const root = await userWithRole(app, 'superadmin', 'root');
    await UserModel.updateMany(
      { role: 'superadmin', _id: mongoose.trusted({ $ne: root.user.id }) },
      { $set: { role: 'user' } },
    );
    const res = await app.request.delete('/users/me').set(root.auth).send({ password: TEST_PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('last_superadmin');
    expect((await app.request.get('/users/me').set(root.auth)).status).toBe(200);
  });

  it('needs credentials', async () => {
    expect((await app.request.get('/users/me')).status).toBe(401);
    expect((await app.request.patch('/users/me').send({ name: 'x' })).status).toBe(401);
    expect((await app.request.post('/users/me/password').send({})).status).toBe(401);
    expect((await app.request.delete('/users/me').send({})).status).toBe(401);
  });
});
