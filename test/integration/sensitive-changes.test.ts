import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshTokenModel } from '../../src/models/refresh-token.js';
import { UserModel } from '../../src/models/user.js';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { startFakeOAuthProvider, type FakeOAuthProvider } from '../helpers/fake-oauth-provider.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { browserSignIn } from '../helpers/oauth-browser.js';

let app: TestApp;
let fake: FakeOAuthProvider;
let nextId = 70_000;

beforeAll(async () => {
  fake = await startFakeOAuthProvider();
  app = await startTestApp(fake.env());
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as { auth_time?: number; iat: number };
const refresh = async (refreshToken: string) => {
  const res = await app.request.post('/auth/refresh').send({ refresh_token: refreshToken });
  expect(res.status).toBe(200);
  return res.body as { access_token: string; refresh_token: string };
};

async function googleSignIn(email: string) {
  fake.signInAs('google', { id: String(nextId++), email, verified: true });
  const flow = await browserSignIn(app.url, 'google');
  const res = await app.request.post('/auth/oauth/exchange').send({ code: flow.code, code_verifier: flow.verifier });
  expect(res.status).toBe(200);
  return res.body as { access_token: string; refresh_token: string; user: { id: string } };
}

/** Writes the sign-in time of every session of the user this far into the past (instead of waiting). */
async function ageSessions(userId: string, minutes: number) {
  await RefreshTokenModel.updateMany(
    { user_id: userId },
    { $set: { auth_time: new Date(Date.now() - minutes * 60_000) } },
  );
}

describe('issue 8 item 6: a first password needs a recent sign-in', () => {
  it('refuses a stolen access token minted by a refresh more than 10 minutes after the sign-in, and accepts a fresh sign-in', async () => {
    const email = uniqueEmail('oauth-only');
    const signedIn = await googleSignIn(email);
    const rotated = await refresh(signedIn.refresh_token);
    expect(claimsOf(rotated.access_token).auth_time).toBe(claimsOf(signedIn.access_token).auth_time);
    expect(claimsOf(rotated.access_token).auth_time).toBeGreaterThan(0);

    await ageSessions(signedIn.user.id, 11);
    const stolen = await refresh(rotated.refresh_token);
    const refused = await app.request
      .post('/users/me/password')
      .set(bearer(stolen.access_token))
      .send({ new_password: 'attacker chosen password' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'reauthentication_required',
      type: expect.any(String),
      message: expect.stringMatching(/sign in again/i),
    });
    expect((await UserModel.findById(signedIn.user.id).lean())?.password_hash).toBeNull();
    // Nothing was signed out by the refusal.
    expect((await app.request.get('/auth/me').set(bearer(stolen.access_token))).status).toBe(200);

    const fresh = await googleSignIn(email);
    const set = await app.request
      .post('/users/me/password')
      .set(bearer(fresh.access_token))
      .send({ new_password: 'owner chosen password' });
    expect(set.status).toBe(200);
    expect((await app.request.post('/auth/login-json').send({ email, password: 'owner chosen password' })).status).toBe(
      200,
    );
    // The stolen session ended with the password change.
    expect((await app.request.get('/auth/me').set(bearer(stolen.access_token))).status).toBe(401);
  });

  it('keeps the sign-in time across rotations: a session just under 10 minutes old may still set the first password', async () => {
    const signedIn = await googleSignIn(uniqueEmail('oauth-recent'));
    await ageSessions(signedIn.user.id, 9);
    const rotated = await refresh(signedIn.refresh_token);
    expect(Date.now() / 1000 - claimsOf(rotated.access_token).auth_time!).toBeGreaterThan(8 * 60);
    const res = await app.request
      .post('/users/me/password')
      .set(bearer(rotated.access_token))
      .send({ new_password: 'owner chosen password' });
    expect(res.status).toBe(200);
  });

  it('still changes an existing password with the current one, however old the sign-in', async () => {
    const me = await registerAndLogin(app);
    await ageSessions(me.user.id, 60);
    const old = await refresh(me.refreshToken);
    const res = await app.request
      .post('/users/me/password')
      .set(bearer(old.access_token))
      .send({ current_password: TEST_PASSWORD, new_password: 'another fine password' });
    expect(res.status).toBe(200);
  });
});

describe('issue 8 item 10: a password change keeps API keys (as GitHub and Stripe do)', () => {
  it('ends every other session but leaves the keys working; they are revoked on their own page', async () => {
    const me = await registerAndLogin(app);
    const other = await app.request.post('/auth/login-json').send({ email: me.email, password: TEST_PASSWORD });
    const created = await app.request.post('/api-keys').set(me.auth).send({ name: 'ci' });
    const key = bearer(created.body.key);
    expect((await app.request.get('/users/me').set(key)).status).toBe(200);

    const changed = await app.request
      .post('/users/me/password')
      .set(me.auth)
      .send({ current_password: TEST_PASSWORD, new_password: 'a brand new password' });
    expect(changed.status).toBe(200);
    expect((await app.request.get('/auth/me').set(bearer(other.body.access_token))).status).toBe(401);
    expect((await app.request.post('/auth/refresh').send({ refresh_token: other.body.refresh_token })).status).toBe(
      401,
    );
    expect((await app.request.get('/users/me').set(key)).status).toBe(200);
    expect((await app.request.get('/api-keys').set(bearer(changed.body.access_token))).body.data).toHaveLength(1);
  });
});
