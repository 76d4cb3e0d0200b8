import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isAiCoderError,
  memoryTokenStore,
  secretStorageTokenStore,
  type AiCoderError,
  type SecretStorageLike,
  type StoredCredentials,
  type TokenStore,
} from '../../clients/typescript/src/index.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startFakeOAuthProvider, type FakeOAuthProvider } from '../helpers/fake-oauth-provider.js';
import { VSCODE_REDIRECT, approveAtProvider, followCallback } from '../helpers/oauth-browser.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { newClient } from '../helpers/client.js';

/** A store that does not report changes (as a file would): a client keeps what it read until it reads again. */
const withoutEvents = (store: TokenStore): TokenStore => ({ read: () => store.read(), write: (c) => store.write(c) });

/** VS Code's SecretStorage, as the extension host gives it: values per key, and change events for every window. */
function fakeSecretStorage(): SecretStorageLike {
  const values = new Map<string, string>();
  const listeners = new Set<(event: { key: string }) => unknown>();
  const changed = (key: string) => listeners.forEach((listener) => listener({ key }));
  return {
    get: async (key) => values.get(key),
    store: async (key, value) => {
      values.set(key, value);
      changed(key);
    },
    delete: async (key) => {
      values.delete(key);
      changed(key);
    },
    onDidChange(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
}

describe('@aicoder/client sign-in and sessions against the service', () => {
  let app: TestApp;
  let fake: FakeOAuthProvider;

  beforeAll(async () => {
    fake = await startFakeOAuthProvider();
    app = await startTestApp(fake.env());
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
  });

  const register = async () => {
    const email = uniqueEmail('client');
    expect((await app.request.post('/auth/register').send({ email, password: TEST_PASSWORD })).status).toBe(201);
    return email;
  };
  const liveSessions = async (accessToken: string) =>
    (await app.request.get('/auth/sessions').set('Authorization', `Bearer ${accessToken}`)).body.data as unknown[];

  /** The browser's part of an OAuth sign-in: open the URL, approve at the provider, come back with our cookie. */
  async function browser(url: string): Promise<URL> {
    const started = await fetch(url, { redirect: 'manual' });
    const cookie = started.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(started.status).toBe(302);
    const back = await followCallback(await approveAtProvider(started.headers.get('location')!), cookie);
    return back.location!;
  }

  it('signs in with a password, keeps the known-client token across sign-outs and sends it back', async () => {
    const email = await register();
    const store = memoryTokenStore();
    const client = newClient(app.url, { store });
    const login = await client.signInWithPassword(email, TEST_PASSWORD);
    expect(login.user.email).toBe(email);
    const stored = await store.read();
    expect(stored.session?.refresh_token).toBe(login.refresh_token);
    expect(stored.known_client_token).toEqual(expect.any(String));
    expect((await client.me()).email).toBe(email);

    await client.signOut();
    const after = await store.read();
    expect(after.session).toBeUndefined();
    expect(after.known_client_token).toBe(stored.known_client_token);
    const spent = await app.request.post('/auth/refresh').send({ refresh_token: login.refresh_token });
    expect(spent.body.error.code).toBe('refresh_token_revoked');
    await expect(client.me()).rejects.toMatchObject({ code: 'not_signed_in' });

    // A known token comes back renewed as the same value; an unknown one would be replaced.
    await client.signInWithPassword(email, TEST_PASSWORD);
    expect((await store.read()).known_client_token).toBe(stored.known_client_token);
  });

  it('a wrong password is invalid_credentials, and nothing is stored', async () => {
    const email = await register();
    const store = memoryTokenStore();
    const error = await newClient(app.url, { store })
      .signInWithPassword(email, 'not the password')
      .catch((e: unknown) => e);
    expect(isAiCoderError(error, 'invalid_credentials')).toBe(true);
    expect((error as AiCoderError).status).toBe(401);
    expect(await store.read()).toEqual({});
  });

  it('signs in with GitHub: PKCE start URL, the browser round trip, then the exchange of the vscode:// code', async () => {
    const email = uniqueEmail('octo');
    fake.signInAs('github', { id: String(Date.now()), email, verified: true });
    const client = newClient(app.url);
    const pending = await client.startOAuth('github', VSCODE_REDIRECT);
    const url = new URL(pending.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${app.url}/auth/oauth/github`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const redirect = await browser(pending.url);
    expect(redirect.protocol).toBe('vscode:');
    // A redirect of another sign-in attempt is refused before anything is sent.
    const other = await client.startOAuth('github', VSCODE_REDIRECT);
    await expect(client.completeOAuth(redirect, other)).rejects.toMatchObject({ code: 'oauth_state_mismatch' });

    const login = await client.completeOAuth(redirect, pending);
    expect(login.user.email).toBe(email);
    expect((await client.me()).email).toBe(email);
    // The code works once.
    await expect(newClient(app.url).completeOAuth(redirect, pending)).rejects.toMatchObject({
      code: 'invalid_grant',
      status: 400,
    });
  });

  it('a refused consent at the provider comes back as oauth_access_denied', async () => {
    fake.signInAs('google', 'deny');
    const client = newClient(app.url);
    const pending = await client.startOAuth('google', VSCODE_REDIRECT);
    const redirect = await browser(pending.url);
    await expect(client.completeOAuth(redirect, pending)).rejects.toMatchObject({ code: 'oauth_access_denied' });
  });

  it('a failure at the provider comes back as oauth_server_error', async () => {
    fake.signInAs('github', { id: String(Date.now()), email: uniqueEmail('fails'), verified: true });
    fake.failTokenExchange('github', true);
    try {
      const client = newClient(app.url);
      const pending = await client.startOAuth('github', VSCODE_REDIRECT);
      await expect(client.completeOAuth(await browser(pending.url), pending)).rejects.toMatchObject({
        code: 'oauth_server_error',
      });
      expect(await client.currentSession()).toBeUndefined();
    } finally {
      fake.failTokenExchange('github', false);
    }
  });

  it('two windows on one store refreshing at once both keep working, in one session', async () => {
    const email = await register();
    const store = memoryTokenStore();
    const first = newClient(app.url, { store });
    const second = newClient(app.url, { store });
    await first.signInWithPassword(email, TEST_PASSWORD);
    for (let round = 0; round < 3; round += 1) {
      const [a, b] = await Promise.all([first.refresh(), second.refresh()]);
      expect(a.refresh_token).toBe(b.refresh_token);
      expect((await first.me()).email).toBe(email);
      expect((await second.me()).email).toBe(email);
    }
    expect(await liveSessions((await store.read()).session!.access_token)).toHaveLength(1);
  });

  it('refreshes in one process are single-flight: one rotation for many callers', async () => {
    const email = await register();
    const client = newClient(app.url);
    await client.signInWithPassword(email, TEST_PASSWORD);
    const sessions = await Promise.all(Array.from({ length: 5 }, () => client.refresh()));
    expect(new Set(sessions.map((s) => s.access_token)).size).toBe(1);
  });

  it('a window whose token another window rotated meanwhile refreshes from the store, not from its stale copy', async () => {
    const email = await register();
    const shared = memoryTokenStore();
    const active = newClient(app.url, { store: shared });
    await active.signInWithPassword(email, TEST_PASSWORD);
    let skewMs = 0;
    const idle = newClient(app.url, { store: withoutEvents(shared), now: () => Date.now() + skewMs });
    expect((await idle.me()).email).toBe(email);
    // The active window rotates twice: the idle window's copy is now an old ancestor, a replay if presented.
    await active.refresh();
    await active.refresh();
    // Half an hour later for the idle window: its access token expires, so it refreshes.
    skewMs = 31 * 60_000;
    expect((await idle.me()).email).toBe(email);
    skewMs = 0;
    expect((await active.me()).email).toBe(email);
    await active.refresh();
    expect((await idle.me()).email).toBe(email);
    expect(await liveSessions((await shared.read()).session!.access_token)).toHaveLength(1);
  });

  it('refresh_token_reused: the store is read again and the newer session another window stored is used', async () => {
    const email = await register();
    const old = newClient(app.url);
    await old.signInWithPassword(email, TEST_PASSWORD);
    const spent: StoredCredentials = { session: (await old.currentSession())! };
    await old.refresh();
    await old.refresh();
    // Another window signs in anew into the shared store.
    const shared = memoryTokenStore();
    await newClient(app.url, { store: shared }).signInWithPassword(email, TEST_PASSWORD);
    const current = (await shared.read()).session!;
    // This window's read of the store raced that: its first read still sees the spent token.
    let stale: StoredCredentials | undefined = spent;
    const racing: TokenStore = {
      read: async () => {
        const value = stale ?? (await shared.read());
        stale = undefined;
        return value;
      },
      write: (c) => shared.write(c),
    };
    const signedOut: AiCoderError[] = [];
    const window = newClient(app.url, { store: racing, onSignedOut: (e) => signedOut.push(e) });
    const session = await window.refresh();
    expect(session.refresh_token).toBe(current.refresh_token);
    expect((await window.me()).email).toBe(email);
    expect(signedOut).toEqual([]);
    expect((await shared.read()).session?.refresh_token).toBe(current.refresh_token);
  });

  it('a session ended elsewhere signs the window out once: the store forgets it and the listener is told', async () => {
    const email = await register();
    const store = memoryTokenStore();
    const signedOut: AiCoderError[] = [];
    const client = newClient(app.url, { store, onSignedOut: (e) => signedOut.push(e) });
    const login = await client.signInWithPassword(email, TEST_PASSWORD);
    await app.request.post('/auth/logout').send({ refresh_token: login.refresh_token });
    const error = await client.me().catch((e: unknown) => e);
    expect(isAiCoderError(error, 'refresh_token_revoked')).toBe(true);
    expect((error as AiCoderError).sessionEnded).toBe(true);
    expect(signedOut.map((e) => e.code)).toEqual(['refresh_token_revoked']);
    expect((await store.read()).session).toBeUndefined();
    await expect(client.me()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('a window whose session ended adopts the session another window signed in with, instead of signing out', async () => {
    const email = await register();
    const shared = memoryTokenStore();
    const signedOut: AiCoderError[] = [];
    const stale = newClient(app.url, { store: withoutEvents(shared), onSignedOut: (e) => signedOut.push(e) });
    const first = await stale.signInWithPassword(email, TEST_PASSWORD);
    await app.request.post('/auth/logout').send({ refresh_token: first.refresh_token });
    await newClient(app.url, { store: shared }).signInWithPassword(email, TEST_PASSWORD);
    expect((await stale.me()).email).toBe(email);
    expect(signedOut).toEqual([]);
    expect((await shared.read()).session?.refresh_token).not.toBe(first.refresh_token);
  });

  it('an access token the server refuses is refreshed once and the call sent again', async () => {
    const session = await registerAndLogin(app);
    const store = memoryTokenStore({
      session: { access_token: 'not-a-token', refresh_token: session.refreshToken, expires_at: Date.now() + 600_000 },
    });
    const client = newClient(app.url, { store });
    expect((await client.me()).email).toBe(session.email);
    expect((await store.read()).session?.refresh_token).not.toBe(session.refreshToken);
  });

  it("VS Code's SecretStorage: windows share the session and see each other's changes", async () => {
    const email = await register();
    const secrets = fakeSecretStorage();
    const first = newClient(app.url, { store: secretStorageTokenStore(secrets) });
    const second = newClient(app.url, { store: secretStorageTokenStore(secrets) });
    await expect(second.me()).rejects.toMatchObject({ code: 'not_signed_in' });
    await first.signInWithPassword(email, TEST_PASSWORD);
    expect((await second.me()).email).toBe(email);
    const rotated = await second.refresh();
    expect((await first.currentSession())?.refresh_token).toBe(rotated.refresh_token);
    expect((await first.me()).email).toBe(email);
    await first.signOut();
    expect(await second.currentSession()).toBeUndefined();
    expect(JSON.parse((await secrets.get('aicoder.credentials'))!)).toEqual({
      known_client_token: expect.any(String),
    });
  });
});
