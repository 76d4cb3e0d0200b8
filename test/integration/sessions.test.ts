import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startSecondInstance } from '../helpers/second-instance.js';
import { expectCleanError } from '../helpers/assertions.js';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { createSubUser } from '../factories/teams.js';
import { userWithRole } from '../factories/accounts.js';

/** Short enough to wait out in a test, long enough for five refreshes on a busy machine to land inside it. */
const GRACE_SECONDS = 3;

let app: TestApp;
let second: Awaited<ReturnType<typeof startSecondInstance>>;

beforeAll(async () => {
  app = await startTestApp({ REFRESH_REUSE_GRACE_SECONDS: String(GRACE_SECONDS), LLM_AUTH_CACHE_MS: '60000' });
  second = await startSecondInstance(app);
});
afterAll(async () => {
  await second?.stop();
  await app?.stop();
});

type Session = {
  id: string;
  current: boolean;
  user_agent: string | null;
  approximate_address: string | null;
  method: string;
  created_at: string;
  last_used_at: string;
};
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const instances = () => [app.request, second.request];
const refresh = (token: string) => app.request.post('/auth/refresh').send({ refresh_token: token });
const listSessions = async (token: string): Promise<Session[]> => {
  const res = await app.request.get('/auth/sessions').set(bearer(token));
  expect(res.status).toBe(200);
  return res.body.data as Session[];
};

function signIn(email: string, headers: Record<string, string> = {}) {
  return app.request.post('/auth/login-json').set(headers).send({ email, password: TEST_PASSWORD });
}

/** An access token is served on both API instances: by /auth/me (a full lookup) and /v1/models (the cached LLM path). */
async function expectServed(token: string) {
  for (const on of instances()) {
    expect((await on.get('/auth/me').set(bearer(token))).status).toBe(200);
    expect((await on.get('/v1/models').set(bearer(token))).status).toBe(200);
  }
}
async function expectRefused(token: string) {
  for (const on of instances()) {
    expect((await on.get('/auth/me').set(bearer(token))).status).toBe(401);
    expect((await on.get('/v1/models').set(bearer(token))).status).toBe(401);
  }
}

describe('GET /auth/sessions', () => {
  it('lists each sign-in with its client, its approximate network and which one is the caller', async () => {
    const { email, accessToken } = await registerAndLogin(app);
    const laptop = await signIn(email, { 'User-Agent': 'VSCode/1.95 laptop', 'X-Forwarded-For': '203.0.113.77' });
    const phone = await signIn(email, { 'User-Agent': 'Dashboard phone', 'X-Forwarded-For': '2001:db8:abcd:12:34::9' });
    expect(laptop.status).toBe(200);
    expect(phone.status).toBe(200);

    const sessions = await listSessions(laptop.body.access_token);
    expect(sessions).toHaveLength(3);
    const mine = sessions.filter((s) => s.current);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      user_agent: 'VSCode/1.95 laptop',
      approximate_address: '203.0.113.0/24',
      method: 'password',
    });
    expect(sessions.find((s) => s.user_agent === 'Dashboard phone')).toMatchObject({
      approximate_address: '2001:db8:abcd::/48',
      current: false,
    });
    for (const session of sessions) {
      expect(session.id).toMatch(/^[a-f0-9]{24}$/);
      expect(Date.parse(session.created_at)).not.toBeNaN();
      expect(Date.parse(session.last_used_at)).not.toBeNaN();
      expect(Object.keys(session).sort()).toEqual([
        'approximate_address',
        'created_at',
        'current',
        'expires_at',
        'id',
        'last_used_at',
        'method',
        'user_agent',
      ]);
    }
    // The first sign-in (no forwarded address) is the loopback network; the caller differs per token.
    const first = await listSessions(accessToken);
    expect(first.find((s) => s.current)?.approximate_address).toBe('127.0.0.0/24');
    // Nothing secret in the answer: no token, hash or family id.
    const raw = JSON.stringify(sessions);
    expect(raw).not.toContain(laptop.body.refresh_token);
    expect(raw).not.toMatch(/rt_|hash|family/);
  });

  it("a refresh keeps the session (same id, later last_used_at) and the list shows only its user's live sessions", async () => {
    const owner = await registerAndLogin(app);
    const stranger = await registerAndLogin(app);
    const [before] = await listSessions(owner.accessToken);
    const rotated = await refresh(owner.refreshToken);
    expect(rotated.status).toBe(200);
    const after = await listSessions(rotated.body.access_token);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.current).toBe(true);
    expect(Date.parse(after[0]!.last_used_at)).toBeGreaterThanOrEqual(Date.parse(before!.last_used_at));
    expect((await listSessions(stranger.accessToken)).map((s) => s.id)).not.toContain(before!.id);
    // A logged-out session is no longer listed.
    expect((await app.request.post('/auth/logout').send({ refresh_token: rotated.body.refresh_token })).status).toBe(
      204,
    );
    const other = await signIn(owner.email);
    expect((await listSessions(other.body.access_token)).map((s) => s.id)).toEqual([
      expect.not.stringMatching(before!.id),
    ]);
  });

  it('sub-users get sessions of their own; an API key cannot list or end sessions', async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent);
    const subSessions = await listSessions(sub.accessToken);
    expect(subSessions).toHaveLength(1);
    expect(subSessions[0]!.current).toBe(true);
    expect((await listSessions(parent.accessToken)).map((s) => s.id)).not.toContain(subSessions[0]!.id);

    const key = await app.request.post('/api-keys').set(parent.auth).send({ name: 'k' });
    expect(key.status).toBe(201);
    for (const call of [
      app.request.get('/auth/sessions'),
      app.request.delete('/auth/sessions'),
      app.request.delete(`/auth/sessions/${subSessions[0]!.id}`),
    ]) {
      const res = await call.set(bearer(key.body.key));
      expect(res.status).toBe(403);
      expectCleanError(res.body, 'api_key_not_allowed');
    }
  });
});

describe('ending sessions', () => {
  it("DELETE /auth/sessions/{id} ends that session's refresh and access tokens at once, on every instance", async () => {
    const { email, accessToken: keptAccess } = await registerAndLogin(app);
    const doomed = await signIn(email, { 'User-Agent': 'lost laptop' });
    await expectServed(doomed.body.access_token); // both instances now hold it in their credential cache
    const target = (await listSessions(keptAccess)).find((s) => s.user_agent === 'lost laptop')!;

    expect((await app.request.delete(`/auth/sessions/${target.id}`).set(bearer(keptAccess))).status).toBe(204);

    await expectRefused(doomed.body.access_token);
    const refused = await refresh(doomed.body.refresh_token);
    expect(refused.status).toBe(401);
    expectCleanError(refused.body, 'refresh_token_revoked');
    await expectServed(keptAccess);
    expect((await listSessions(keptAccess)).map((s) => s.id)).not.toContain(target.id);
    // Ending it again: it is no longer a live session.
    const again = await app.request.delete(`/auth/sessions/${target.id}`).set(bearer(keptAccess));
    expect(again.status).toBe(404);
    expectCleanError(again.body, 'session_not_found');
  });

  it("another user's or an unknown session is a 404 that changes nothing; a malformed id is a 400", async () => {
    const victim = await registerAndLogin(app);
    const attacker = await registerAndLogin(app);
    const [victimSession] = await listSessions(victim.accessToken);
    for (const id of [victimSession!.id, 'a'.repeat(24), '0123456789abcdef01234567']) {
      const res = await app.request.delete(`/auth/sessions/${id}`).set(attacker.auth);
      expect(res.status).toBe(404);
      expectCleanError(res.body, 'session_not_found');
    }
    for (const id of ['not-an-id', 'A'.repeat(24), 'a'.repeat(25), '%24ne']) {
      const res = await app.request.delete(`/auth/sessions/${id}`).set(attacker.auth);
      expect(res.status).toBe(400);
      expectCleanError(res.body, 'validation_error');
    }
    await expectServed(victim.accessToken);
    expect((await refresh(victim.refreshToken)).status).toBe(200);
  });

  it("DELETE /auth/sessions ends every other session and keeps the caller's", async () => {
    const { email, accessToken, refreshToken } = await registerAndLogin(app);
    const others = await Promise.all([signIn(email), signIn(email), signIn(email)]);
    for (const other of others) await expectServed(other.body.access_token);
    const stranger = await registerAndLogin(app);

    expect((await app.request.delete('/auth/sessions').set(bearer(accessToken))).status).toBe(204);

    for (const other of others) {
      await expectRefused(other.body.access_token);
      expect((await refresh(other.body.refresh_token)).status).toBe(401);
    }
    const left = await listSessions(accessToken);
    expect(left).toHaveLength(1);
    expect(left[0]!.current).toBe(true);
    await expectServed(accessToken);
    expect((await refresh(refreshToken)).status).toBe(200);
    await expectServed(stranger.accessToken);
  });

  it("ending the caller's own session by id signs the caller out", async () => {
    const { accessToken, refreshToken } = await registerAndLogin(app);
    const [own] = await listSessions(accessToken);
    expect((await app.request.delete(`/auth/sessions/${own!.id}`).set(bearer(accessToken))).status).toBe(204);
    await expectRefused(accessToken);
    expect((await refresh(refreshToken)).status).toBe(401);
  });
});

describe('the queue dashboard sign-in', () => {
  /** Signs in at /admin/login like a browser; returns the session cookie. */
  async function dashboardSignIn(email: string): Promise<string> {
    const res = await app.request
      .post('/admin/login')
      .set('User-Agent', 'Firefox dashboard')
      .type('form')
      .send({ email, password: TEST_PASSWORD });
    expect(res.status).toBe(303);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('aic_admin_session='));
    return cookie!.split(';')[0]!;
  }
  const board = (cookie: string) => app.request.get('/admin/queues/api/queues').set('Cookie', cookie);

  it('is a session in the list; ending it there signs the browser out, and signing out there removes it', async () => {
    const admin = await userWithRole(app, 'admin');
    const cookie = await dashboardSignIn(admin.email);
    expect((await board(cookie)).status).toBe(200);
    const listed = (await listSessions(admin.accessToken)).find((s) => s.method === 'dashboard');
    expect(listed).toMatchObject({ user_agent: 'Firefox dashboard', current: false });

    expect((await app.request.delete(`/auth/sessions/${listed!.id}`).set(admin.auth)).status).toBe(204);
    expect((await board(cookie)).status).toBe(401);

    const again = await dashboardSignIn(admin.email);
    expect((await listSessions(admin.accessToken)).filter((s) => s.method === 'dashboard')).toHaveLength(1);
    expect((await app.request.post('/admin/logout').set('Cookie', again)).status).toBe(303);
    expect((await listSessions(admin.accessToken)).filter((s) => s.method === 'dashboard')).toHaveLength(0);
  });
});

describe(`refresh reuse grace window (${GRACE_SECONDS} s here)`, () => {
  /** Every returned pair works: the access token is served, and its refresh token can be refreshed again. */
  async function expectAllSignedIn(
    results: Array<{ status: number; body: { access_token: string; refresh_token: string } }>,
  ) {
    for (const result of results) expect(result.status).toBe(200);
    // Every caller holds the one child of the shared token (deterministic from it), so the line never forks.
    const tokens = results.map((result) => result.body.refresh_token);
    expect(new Set(tokens).size).toBe(1);
    for (const result of results) await expectServed(result.body.access_token);
    const next = await Promise.all(results.map((result) => refresh(result.body.refresh_token)));
    for (const result of next) expect(result.status).toBe(200);
    for (const result of next) await expectServed(result.body.access_token);
    return next;
  }

  for (const windows of [2, 5]) {
    it(`${windows} windows refreshing one shared token at once all stay signed in, on one line of one session`, async () => {
      const { refreshToken, accessToken } = await registerAndLogin(app);
      const [session] = await listSessions(accessToken);
      const results = await Promise.all(Array.from({ length: windows }, () => refresh(refreshToken)));
      const next = await expectAllSignedIn(results);
      const listed = await listSessions(next[0]!.body.access_token);
      expect(listed.map((s) => s.id)).toEqual([session!.id]);
      expect(listed[0]!.current).toBe(true);
    });
  }

  it('a token captured within the window gives the same child as its owner got: no branch to outlive the owner', async () => {
    const victim = await registerAndLogin(app);
    const own = await refresh(victim.refreshToken);
    expect(own.status).toBe(200);
    const captured = await refresh(victim.refreshToken);
    expect(captured.status).toBe(200);
    // One line: the thief holds the victim's own next token, not a branch of its own.
    expect(captured.body.refresh_token).toBe(own.body.refresh_token);
    expect(await listSessions(own.body.access_token)).toHaveLength(1);
    const thiefNext = await refresh(captured.body.refresh_token);
    expect(thiefNext.status).toBe(200);
    // The victim ends every other session; then uses its line after the window: a replay, which ends the thief.
    expect((await app.request.delete('/auth/sessions').set(bearer(own.body.access_token))).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 250));
    const victimNext = await refresh(own.body.refresh_token);
    expect(victimNext.status).toBe(401);
    await expectRefused(thiefNext.body.access_token);
    expect((await refresh(thiefNext.body.refresh_token)).status).toBe(401);
  });

  it('an older ancestor presented within the window is still a replay: the whole session is revoked', async () => {
    const { refreshToken } = await registerAndLogin(app);
    const child = await refresh(refreshToken);
    const grandchild = await refresh(child.body.refresh_token);
    expect(grandchild.status).toBe(200);
    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(401);
    expectCleanError(replay.body, 'refresh_token_reused');
    await expectRefused(grandchild.body.access_token);
    expect((await refresh(grandchild.body.refresh_token)).status).toBe(401);
  });

  it('a spent token presented after the window is a replay that revokes the session, however many took part', async () => {
    const { refreshToken } = await registerAndLogin(app);
    const results = await Promise.all(Array.from({ length: 3 }, () => refresh(refreshToken)));
    for (const result of results) expect(result.status).toBe(200);
    const spentBy = Date.now();
    // The window is measured from the token's first spend, which happened before `spentBy`.
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 - (Date.now() - spentBy) + 250));
    const replay = await refresh(refreshToken);
    expect(replay.status).toBe(401);
    expectCleanError(replay.body, 'refresh_token_reused');
    for (const result of results) {
      await expectRefused(result.body.access_token);
      expect((await refresh(result.body.refresh_token)).status).toBe(401);
    }
  });

  it('a session ended by the user cannot be revived through the window', async () => {
    const { email, accessToken } = await registerAndLogin(app);
    const other = await signIn(email, { 'User-Agent': 'ended' });
    const rotated = await refresh(other.body.refresh_token);
    expect(rotated.status).toBe(200);
    const target = (await listSessions(accessToken)).find((s) => s.user_agent === 'ended')!;
    expect((await app.request.delete(`/auth/sessions/${target.id}`).set(bearer(accessToken))).status).toBe(204);
    const reuse = await refresh(other.body.refresh_token);
    expect(reuse.status).toBe(401);
    expectCleanError(reuse.body, 'refresh_token_revoked');
  });

  it('a password change still ends every other session', async () => {
    const { email, accessToken, refreshToken } = await registerAndLogin(app, uniqueEmail('pw'));
    const other = await signIn(email);
    const changed = await app.request
      .post('/users/me/password')
      .set(bearer(accessToken))
      .send({ current_password: TEST_PASSWORD, new_password: 'another long passphrase' });
    expect(changed.status).toBe(200);
    expect((await refresh(refreshToken)).status).toBe(401);
    expect((await refresh(other.body.refresh_token)).status).toBe(401);
    const left = await listSessions(changed.body.access_token);
    expect(left).toHaveLength(1);
    expect(left[0]!.current).toBe(true);
  });
});
