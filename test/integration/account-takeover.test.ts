import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserModel } from '../../src/models/user.js';
import { registerAndLogin, registerVerified, TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import {
  startFakeOAuthProvider,
  type FakeOAuthProvider,
  type FakeProviderName,
} from '../helpers/fake-oauth-provider.js';
import { chatBody, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { browserSignIn } from '../helpers/oauth-browser.js';
import { startSecondInstance } from '../helpers/second-instance.js';

type Auth = Record<string, string>;
type Instance = { request: LlmEnv['app']['request'] };

/**
 * Issue 8, item 3: pre-account takeover. An attacker who holds an address before its owner proves it (a sub-user
 * made with it, a password registration, an email change) must keep nothing once the owner signs in with a
 * provider that verified the address. Everything runs over HTTP against the fake OAuth provider, with the LLM
 * credential cache on and a second API instance, so revocation must be immediate everywhere.
 */
let env: LlmEnv;
let fake: FakeOAuthProvider;
let second: Awaited<ReturnType<typeof startSecondInstance>>;
let nextId = 90_000;

beforeAll(async () => {
  fake = await startFakeOAuthProvider();
  env = await startLlmEnv({ ...fake.env(), LLM_AUTH_CACHE_MS: '60000', LLM_FREE_MODELS: '*' });
  second = await startSecondInstance(env.app);
});
afterAll(async () => {
  await second?.stop();
  await env?.stop();
  await fake?.stop();
});

const api = () => env.app.request;
const bearer = (token: string): Auth => ({ Authorization: `Bearer ${token}` });
const instances = (): Instance[] => [env.app, second];
const chat = (on: Instance, auth: Auth, headers: Auth = {}) =>
  on.request
    .post('/v1/chat/completions')
    .set(auth)
    .set(headers)
    .send(chatBody('hello', { model: 'gpt-3.5-turbo', max_tokens: 3 }));

/** Served on both instances (three times each, so the LLM credential cache holds the credential). */
async function expectServedEverywhere(auth: Auth, headers: Auth = {}) {
  for (const on of instances()) {
    expect((await on.request.get('/v1/models').set(auth)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await chat(on, auth, headers)).status).toBe(200);
  }
}
async function expectRefusedEverywhere(auth: Auth, headers: Auth = {}) {
  for (const on of instances()) {
    expect((await on.request.get('/v1/models').set(auth)).status).toBe(401);
    const res = await chat(on, auth, headers);
    expect([401, 403, 404]).toContain(res.status);
    expect(res.body.error).toBeDefined();
  }
}

async function apiKey(auth: Auth, body: Record<string, unknown> = {}) {
  const res = await api()
    .post('/api-keys')
    .set(auth)
    .send({ name: 'k', ...body });
  expect(res.status).toBe(201);
  return bearer(res.body.key as string);
}

/** The owner of `email` signs in with a provider that verified it; returns the login-json answer. */
async function ownerSignsIn(provider: FakeProviderName, email: string) {
  fake.signInAs(provider, { id: String(nextId++), email, verified: true, name: 'Real Owner' });
  const flow = await browserSignIn(env.app.url, provider);
  expect(flow.redirect.searchParams.get('error')).toBeNull();
  const tokens = await api().post('/auth/oauth/exchange').send({ code: flow.code, code_verifier: flow.verifier });
  expect(tokens.status).toBe(200);
  return tokens.body as { access_token: string; refresh_token: string; user: { id: string; email: string } };
}

describe.each<FakeProviderName>(['github', 'google'])(
  'attack A with %s: a sub-user made with the victim address',
  (provider) => {
    it("never receives the victim's OAuth sign-in: the sign-in is refused with a clear error and the sub-user stays unlinked", async () => {
      const attacker = await registerAndLogin(env.app);
      const victimEmail = uniqueEmail('victim-a');
      const sub = await api()
        .post('/sub-users')
        .set(attacker.auth)
        .send({ email: victimEmail, password: TEST_PASSWORD });
      expect(sub.status).toBe(201);

      fake.signInAs(provider, { id: String(nextId++), email: victimEmail, verified: true });
      const flow = await browserSignIn(env.app.url, provider);
      expect(flow.code).toBeNull();
      expect(flow.redirect.searchParams.get('error')).toBe('access_denied');
      expect(flow.redirect.searchParams.get('error_description')).toMatch(/sub-user/);
      expect(flow.redirect.searchParams.get('state')).toBe(flow.clientState);

      const stored = await UserModel.findById(sub.body.id).lean();
      expect(stored?.oauth_identities).toEqual([]);
      // The attacker resetting the sub-user's password gains nothing: no session of the victim ever existed there.
      expect(
        (
          await api()
            .patch(`/sub-users/${sub.body.id as string}`)
            .set(attacker.auth)
            .send({ password: 'attacker chosen pw' })
        ).status,
      ).toBe(200);
      expect(await UserModel.countDocuments({ email: victimEmail })).toBe(1);
    });

    it('also releases a victim captured before the fix: an identity already linked to a sub-user no longer opens it', async () => {
      const attacker = await registerAndLogin(env.app);
      const victimEmail = uniqueEmail('victim-linked');
      const sub = await api()
        .post('/sub-users')
        .set(attacker.auth)
        .send({ email: victimEmail, password: TEST_PASSWORD });
      const victim = { id: String(nextId++), email: victimEmail, verified: true };
      // The link the old email matching made.
      await UserModel.updateOne(
        { _id: sub.body.id },
        { $set: { oauth_identities: [{ provider, subject: victim.id, email: victimEmail, linked_at: new Date() }] } },
      );
      fake.signInAs(provider, victim);
      const flow = await browserSignIn(env.app.url, provider);
      expect(flow.code).toBeNull();
      expect(flow.redirect.searchParams.get('error')).toBe('access_denied');
    });
  },
);

describe('attack B: an account registered with the victim address before the victim proves it', () => {
  it('keeps nothing of what it set up once the victim signs in with a verified email: password, sessions, keys, sub-users, organizations', async () => {
    const victimEmail = uniqueEmail('victim-b');
    const attacker = await registerAndLogin(env.app, victimEmail);
    const accomplice = await registerVerified(env.app);

    // What the attacker sets up while holding the address.
    const attackerKey = await apiKey(attacker.auth);
    const sub = await api()
      .post('/sub-users')
      .set(attacker.auth)
      .send({ email: uniqueEmail('planted'), password: TEST_PASSWORD, permissions: { can_create_api_keys: true } });
    expect(sub.status).toBe(201);
    const subLogin = await api().post('/auth/login-json').send({ email: sub.body.email, password: TEST_PASSWORD });
    const subAuth = bearer(subLogin.body.access_token);
    const subKey = await apiKey(subAuth);
    const org = await api().post('/organizations').set(attacker.auth).send({ name: 'Planted' });
    expect(org.status).toBe(201);
    const orgHeader = { 'X-Organization-Id': org.body.id as string };
    const invitation = await api()
      .post(`/organizations/${org.body.id as string}/members`)
      .set(attacker.auth)
      .send({ email: accomplice.email, role: 'admin' });
    expect(invitation.status).toBe(201);
    expect(
      (
        await api()
          .post(`/organizations/invitations/${invitation.body.id as string}/accept`)
          .set(accomplice.auth)
      ).status,
    ).toBe(200);
    const accompliceOrgKey = await apiKey(accomplice.auth, { organization_id: org.body.id });
    const accompliceOrg = await api().post('/organizations').set(accomplice.auth).send({ name: 'Elsewhere' });
    // An unproven address is never drawn into someone's organization.
    const drawnIn = await api()
      .post(`/organizations/${accompliceOrg.body.id as string}/members`)
      .set(accomplice.auth)
      .send({ email: victimEmail, role: 'member' });
    expect(drawnIn.status).toBe(409);
    expect(drawnIn.body.error.code).toBe('email_not_verified');

    for (const auth of [attackerKey, subKey, subAuth, attacker.auth]) await expectServedEverywhere(auth);
    await expectServedEverywhere(accompliceOrgKey);
    await expectServedEverywhere(accomplice.auth, orgHeader);

    const owner = await ownerSignsIn('google', victimEmail);
    expect(owner.user.id).toBe(attacker.user.id);

    // No password, no session, no key of the attacker acts as the victim, on any instance.
    expect((await api().post('/auth/login-json').send({ email: victimEmail, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await api().post('/auth/refresh').send({ refresh_token: attacker.refreshToken })).status).toBe(401);
    await expectRefusedEverywhere(attacker.auth);
    await expectRefusedEverywhere(attackerKey);
    // The planted sub-user can neither sign in nor spend, with its session or its key.
    expect((await api().post('/auth/login-json').send({ email: sub.body.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await api().post('/auth/refresh').send({ refresh_token: subLogin.body.refresh_token })).status).toBe(401);
    await expectRefusedEverywhere(subAuth);
    await expectRefusedEverywhere(subKey);
    // The accomplice no longer spends from the organization the account owns.
    await expectRefusedEverywhere(accompliceOrgKey);
    for (const on of instances()) expect((await chat(on, accomplice.auth, orgHeader)).status).toBe(404);

    // What the owner sees: the account with nothing planted in it, and their own session working.
    const ownerAuth = bearer(owner.access_token);
    expect((await api().get('/api-keys').set(ownerAuth)).body.data).toEqual([]);
    expect((await api().get('/sub-users').set(ownerAuth)).body.data).toEqual([]);
    const orgs = await api().get('/organizations').set(ownerAuth);
    expect(orgs.body.data.map((o: { id: string }) => o.id)).toEqual([org.body.id]);
    const members = await api()
      .get(`/organizations/${org.body.id as string}/members`)
      .set(ownerAuth);
    expect(members.body.data.map((m: { user_id: string }) => m.user_id)).toEqual([owner.user.id]);
    await expectServedEverywhere(ownerAuth);
    const stored = await UserModel.findById(owner.user.id).lean();
    expect(stored).toMatchObject({ is_verified: true, password_hash: null });
    expect(stored?.email_verified_at).toBeInstanceOf(Date);

    // Only the first proof clears the account: what the owner makes afterwards survives the next sign-in.
    const ownerKey = await apiKey(ownerAuth);
    await ownerSignsIn('github', victimEmail);
    expect((await api().get('/v1/models').set(ownerKey)).status).toBe(200);
    expect((await api().get('/v1/models').set(ownerAuth)).status).toBe(200);
  });

  it("through an email change: nothing changes until the new address confirms, so the owner's sign-in opens an account of their own", async () => {
    const attacker = await registerAndLogin(env.app);
    const victimEmail = uniqueEmail('victim-c');
    const changed = await api()
      .patch('/users/me')
      .set(attacker.auth)
      .send({ email: victimEmail, current_password: TEST_PASSWORD });
    // The confirmation link goes to the victim's mailbox; the attacker's address stays what it was.
    expect(changed.status).toBe(202);
    expect(changed.body).toMatchObject({ email: attacker.email, pending_email: victimEmail });
    const key = await apiKey(attacker.auth);

    const owner = await ownerSignsIn('google', victimEmail);
    expect(owner.user.id).not.toBe(attacker.user.id);
    expect(owner.user.email).toBe(victimEmail);
    expect((await api().get('/v1/models').set(key)).status).toBe(200);
    expect(await UserModel.countDocuments({ email: victimEmail })).toBe(1);
  });

  it("pre-account: the squatter's own pending address change dies with the owner's provider sign-in (its links with it)", async () => {
    const victimEmail = uniqueEmail('victim-d');
    const squatter = await registerAndLogin(env.app, victimEmail);
    const away = uniqueEmail('squatter-elsewhere');
    const changed = await api()
      .patch('/users/me')
      .set(squatter.auth)
      .send({ email: away, current_password: TEST_PASSWORD });
    expect(changed.status).toBe(202);
    expect(await UserModel.findById(squatter.user.id).lean()).toMatchObject({ pending_email: away });

    const owner = await ownerSignsIn('github', victimEmail);
    expect(owner.user.id).toBe(squatter.user.id);
    // Confirmation links are bound to the change id: with the change gone, the squatter's link confirms nothing.
    expect(await UserModel.findById(squatter.user.id).lean()).toMatchObject({
      email: victimEmail,
      pending_email: null,
      pending_email_change_id: null,
    });
  });

  it("leaves nothing behind that the attacker creates in a race with the victim's first sign-in (keys, sub-users, sign-ins, members)", async () => {
    const victimEmail = uniqueEmail('victim-race');
    const attacker = await registerAndLogin(env.app, victimEmail);
    const accomplice = await registerVerified(env.app);
    const org = await api().post('/organizations').set(attacker.auth).send({ name: 'Racing' });
    const keys: Array<Promise<{ status: number; body: { key?: string } }>> = [];
    const subs: Array<Promise<{ status: number; body: { email?: string } }>> = [];
    const logins: Array<Promise<{ status: number; body: { access_token?: string; refresh_token?: string } }>> = [];
    const members: Array<Promise<{ status: number }>> = [];
    // Rounds of attacker requests every 30 ms from shortly before the owner's sign-in until shortly after it
    // (at most 20 rounds, so a slow machine floods no more than a fast one).
    let racing = true;
    const race = (async () => {
      for (let round = 0; racing && round < 20; round += 1) {
        keys.push(
          api()
            .post('/api-keys')
            .set(attacker.auth)
            .send({ name: 'race' })
            .then((r) => r),
        );
        subs.push(
          api()
            .post('/sub-users')
            .set(attacker.auth)
            .send({ email: uniqueEmail('race'), password: TEST_PASSWORD })
            .then((r) => r),
        );
        logins.push(
          api()
            .post('/auth/login-json')
            .send({ email: victimEmail, password: TEST_PASSWORD })
            .then((r) => r),
        );
        // The accomplice accepts each invitation as soon as it has one.
        members.push(
          api()
            .post(`/organizations/${org.body.id as string}/members`)
            .set(attacker.auth)
            .send({ email: accomplice.email, role: 'member' })
            .then((invited) =>
              invited.status === 201
                ? api()
                    .post(`/organizations/invitations/${invited.body.id as string}/accept`)
                    .set(accomplice.auth)
                    .then((r) => r)
                : invited,
            ),
        );
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const owner = await ownerSignsIn('google', victimEmail);
    await new Promise((resolve) => setTimeout(resolve, 100));
    racing = false;
    await race;
    const [keyResults, , loginResults] = await Promise.all([
      Promise.all(keys),
      Promise.all(subs),
      Promise.all(logins),
      Promise.all(members),
    ]);
    expect(keyResults.filter((r) => r.status === 201).length).toBeGreaterThan(0);

    for (const created of keyResults.filter((r) => r.status === 201)) {
      expect((await api().get('/v1/models').set(bearer(created.body.key!))).status).toBe(401);
    }
    // Every sub-user made in the race is gone (so it can neither sign in nor spend).
    expect(await UserModel.countDocuments({ parent_user_id: attacker.user.id })).toBe(0);
    for (const signedIn of loginResults.filter((r) => r.status === 200)) {
      expect((await api().get('/auth/me').set(bearer(signedIn.body.access_token!))).status).toBe(401);
      expect((await api().post('/auth/refresh').send({ refresh_token: signedIn.body.refresh_token })).status).toBe(401);
    }
    const ownerAuth = bearer(owner.access_token);
    expect((await api().get('/sub-users').set(ownerAuth)).body.data).toEqual([]);
    expect((await api().get('/api-keys').set(ownerAuth)).body.data).toEqual([]);
    const left = await api()
      .get(`/organizations/${org.body.id as string}/members`)
      .set(ownerAuth);
    expect(left.body.data.map((m: { user_id: string }) => m.user_id)).toEqual([owner.user.id]);
  }, 120_000);
});
