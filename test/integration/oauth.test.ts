import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import {
  FAKE_CLIENT,
  startFakeOAuthProvider,
  type FakeOAuthProvider,
  type FakeProviderName,
} from '../helpers/fake-oauth-provider.js';
import {
  VSCODE_REDIRECT,
  approveAtProvider,
  browserSignIn,
  followCallback,
  newVerifier,
  startSignIn,
} from '../helpers/oauth-browser.js';
import { TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { OAuthCodeModel } from '../../src/models/oauth-code.js';
import { UserModel } from '../../src/models/user.js';
import { waitFor } from '../helpers/wait.js';

let app: TestApp;
let fake: FakeOAuthProvider;
let nextId = 5000;

beforeAll(async () => {
  fake = await startFakeOAuthProvider();
  app = await startTestApp({ ...fake.env(), OAUTH_REDIRECT_ALLOWLIST: 'http://127.0.0.1/oauth/callback' });
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

/** The Redis keys of pending sign-ins (our OAuth state lives there, with a TTL). */
const pendingStates = () => app.redis.keys(`${app.config.REDIS_PREFIX}:oauth-state:*`);
const exchange = (code: string | null, code_verifier: string) =>
  app.request.post('/auth/oauth/exchange').send({ code, code_verifier });

describe.each<FakeProviderName>(['github', 'google'])('OAuth sign-in with %s against a fake provider', (provider) => {
  const account = (email: string | null = uniqueEmail(provider), verified = true) => {
    const created = { id: String(nextId++), email, verified, name: `${provider} person` };
    fake.signInAs(provider, created);
    return created;
  };

  it('signs a new user in: provider round trip, one-time code, PKCE exchange, tokens that work', async () => {
    const who = account();
    const flow = await browserSignIn(app.url, provider);
    expect(flow.redirect.protocol).toBe('vscode:');
    expect(flow.redirect.searchParams.get('state')).toBe(flow.clientState);
    expect(flow.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const providerUrl = new URL(flow.location!);
    expect(providerUrl.searchParams.get('client_id')).toBe(FAKE_CLIENT.id);
    expect(flow.location).not.toContain(FAKE_CLIENT.secret);
    expect(providerUrl.searchParams.get('state')).not.toBe(flow.clientState);
    expect(fake.tokenRequests.at(-1)?.form.client_secret).toBe(FAKE_CLIENT.secret);

    const tokens = await exchange(flow.code, flow.verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, api_endpoint: app.config.PUBLIC_URL });
    expect(tokens.body.user).toMatchObject({
      email: who.email,
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
    });
    const me = await app.request.get('/auth/me').set('Authorization', `Bearer ${tokens.body.access_token}`);
    expect(me.body.email).toBe(who.email);
    // The extension's sign-in is a session the user sees and can end.
    const sessions = await app.request.get('/auth/sessions').set('Authorization', `Bearer ${tokens.body.access_token}`);
    expect(sessions.body.data).toEqual([
      expect.objectContaining({ method: 'oauth', current: true, approximate_address: '127.0.0.0/24' }),
    ]);
    expect((await app.request.post('/auth/refresh').send({ refresh_token: tokens.body.refresh_token })).status).toBe(
      200,
    );

    const stored = await UserModel.findOne({ email: who.email }).lean();
    expect(stored?.oauth_identities).toEqual([
      expect.objectContaining({ provider, subject: who.id, email: who.email }),
    ]);
    expect(stored?.password_hash).toBeNull();
    expect(stored?.is_verified).toBe(true);
    expect(await OAuthCodeModel.countDocuments({ hash: flow.code })).toBe(0);
  });

  it('finds the same user again by identity even when the provider email changed', async () => {
    const who = account();
    const firstFlow = await browserSignIn(app.url, provider);
    const firstLogin = await exchange(firstFlow.code, firstFlow.verifier);
    fake.signInAs(provider, { ...who, email: uniqueEmail('renamed') });
    const again = await browserSignIn(app.url, provider);
    const second = await exchange(again.code, again.verifier);
    expect(second.body.user.id).toBe(firstLogin.body.user.id);
    expect(second.body.user.email).toBe(who.email);
  });

  it('links an existing password account by verified email and drops the unproven password', async () => {
    const email = uniqueEmail('linked');
    const registered = await app.request.post('/auth/register').send({ email, password: TEST_PASSWORD });
    const session = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    account(email.toUpperCase());
    const flow = await browserSignIn(app.url, provider);
    const tokens = await exchange(flow.code, flow.verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body.user.id).toBe(registered.body.user.id);
    expect(await UserModel.countDocuments({ email })).toBe(1);
    // Whoever registered the address before its owner proved it keeps nothing.
    expect((await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await app.request.post('/auth/refresh').send({ refresh_token: session.body.refresh_token })).status).toBe(
      401,
    );
    expect((await app.request.get('/auth/me').set('Authorization', `Bearer ${session.body.access_token}`)).status).toBe(
      401,
    );
    expect((await app.request.get('/auth/me').set('Authorization', `Bearer ${tokens.body.access_token}`)).status).toBe(
      200,
    );
  });

  it('refuses an account whose email is not verified: error back to the extension, no code, no user', async () => {
    const who = account(uniqueEmail('unverified'), false);
    const flow = await browserSignIn(app.url, provider);
    expect(flow.code).toBeNull();
    expect(flow.redirect.searchParams.get('error')).toBe('access_denied');
    expect(flow.redirect.searchParams.get('error_description')).toMatch(/verified/);
    expect(flow.redirect.searchParams.get('state')).toBe(flow.clientState);
    expect(await UserModel.countDocuments({ email: who.email })).toBe(0);
    account(null, true);
    const noEmail = await browserSignIn(app.url, provider);
    expect(noEmail.redirect.searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a wrong code_verifier without burning the code', async () => {
    account();
    const flow = await browserSignIn(app.url, provider);
    const wrong = await exchange(flow.code, newVerifier());
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_grant');
    expect(wrong.body.access_token).toBeUndefined();
    expect((await exchange(flow.code, 'short')).status).toBe(400);
    expect((await exchange(flow.code, flow.verifier)).status).toBe(200);
  });

  it('refuses a reused code and revokes the session the first use created', async () => {
    account();
    const flow = await browserSignIn(app.url, provider);
    const first = await exchange(flow.code, flow.verifier);
    expect(first.status).toBe(200);
    const replay = await exchange(flow.code, flow.verifier);
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('invalid_grant');
    expect((await app.request.post('/auth/refresh').send({ refresh_token: first.body.refresh_token })).status).toBe(
      401,
    );
    expect((await app.request.get('/auth/me').set('Authorization', `Bearer ${first.body.access_token}`)).status).toBe(
      401,
    );
  });

  it('lets exactly one of 10 concurrent exchanges of one code win', async () => {
    account();
    const flow = await browserSignIn(app.url, provider);
    const results = await Promise.all(Array.from({ length: 10 }, () => exchange(flow.code, flow.verifier)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.error.code === 'invalid_grant')).toHaveLength(9);
  });

  it('refuses an expired code and an expired state', async () => {
    account();
    const flow = await browserSignIn(app.url, provider);
    await OAuthCodeModel.updateMany({ kind: 'code' }, { $set: { expires_at: new Date(Date.now() - 1000) } });
    const late = await exchange(flow.code, flow.verifier);
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('invalid_grant');

    const started = await startSignIn(app.url, provider);
    const callbackUrl = await approveAtProvider(started.location!);
    for (const key of await pendingStates()) await app.redis.pexpire(key, 1);
    await waitFor(async () => (await pendingStates()).length === 0, 'the pending sign-in states expired');
    const back = await followCallback(callbackUrl, started.cookie);
    expect(back.status).toBe(400);
    expect(back.location).toBeNull();
    expect(back.body).toMatchObject({ error: { code: 'invalid_state' } });
  });

  it('refuses redirect URIs outside the allowlist without redirecting anywhere', async () => {
    const refused = [
      'https://evil.example/callback',
      'vscode://other.extension/auth-callback',
      'vscode://aicoder.aicoder-vscode.evil/cb',
      'vscode://evil@aicoder.aicoder-vscode/cb',
      'vscode://aicoder.aicoder-vscode:1234/cb',
      `${VSCODE_REDIRECT}#frag`,
      'http://127.0.0.1/oauth/callback/extra',
      'http://localhost/oauth/callback',
      'javascript:alert(1)',
      'vscode:aicoder.aicoder-vscode/cb',
    ];
    const before = (await pendingStates()).length;
    for (const redirectUri of refused) {
      const started = await startSignIn(app.url, provider, { redirectUri });
      expect(started.status, redirectUri).toBe(400);
      expect(started.location).toBeNull();
      expect(started.body).toMatchObject({ error: { code: 'redirect_uri_not_allowed', param: 'redirect_uri' } });
    }
    expect(await pendingStates()).toHaveLength(before);
  });

  it('accepts an allowlisted loopback redirect on any port', async () => {
    account();
    const flow = await browserSignIn(app.url, provider, { redirectUri: 'http://127.0.0.1:53121/oauth/callback' });
    expect(flow.redirect.origin).toBe('http://127.0.0.1:53121');
    expect((await exchange(flow.code, flow.verifier)).status).toBe(200);
  });

  it('refuses a callback whose state is unknown, replayed or from another browser', async () => {
    account();
    const started = await startSignIn(app.url, provider);
    const callbackUrl = await approveAtProvider(started.location!);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'not-a-state-we-issued');
    expect((await followCallback(forged.toString(), started.cookie)).body).toMatchObject({
      error: { code: 'invalid_state' },
    });
    const otherBrowser = await followCallback(callbackUrl, '');
    expect(otherBrowser.status).toBe(400);
    expect(otherBrowser.body).toMatchObject({ error: { code: 'invalid_state' } });
    const other = provider === 'github' ? 'google' : 'github';
    expect(
      (await followCallback(callbackUrl.replace(`/oauth/${provider}/`, `/oauth/${other}/`), started.cookie)).status,
    ).toBe(400);
    const ok = await followCallback(callbackUrl, started.cookie);
    expect(ok.location?.searchParams.get('code')).toBeTruthy();
    const replay = await followCallback(callbackUrl, started.cookie);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: { code: 'invalid_state' } });
  });

  it('sends a refusal at the provider and a provider failure back to the extension as OAuth errors', async () => {
    fake.signInAs(provider, 'deny');
    const denied = await browserSignIn(app.url, provider);
    expect(denied.redirect.searchParams.get('error')).toBe('access_denied');
    expect(denied.code).toBeNull();
    account();
    fake.failTokenExchange(provider, true);
    try {
      const failed = await browserSignIn(app.url, provider);
      expect(failed.redirect.searchParams.get('error')).toBe('server_error');
      expect(failed.redirect.searchParams.get('state')).toBe(failed.clientState);
    } finally {
      fake.failTokenExchange(provider, false);
    }
  });

  it('validates the PKCE parameters', async () => {
    const base = {
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      state: 'state-1234',
      redirect_uri: VSCODE_REDIRECT,
    };
    const cases = [
      { ...base, code_challenge_method: 'plain' },
      { ...base, code_challenge: 'short' },
      { ...base, state: 'short' },
      { ...base, code_challenge_method: undefined },
    ];
    for (const query of cases) {
      const res = await app.request
        .get(`/auth/oauth/${provider}`)
        .query(JSON.parse(JSON.stringify(query)))
        .redirects(0);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
  });
});

describe('OAuth endpoints in general', () => {
  it('answers 404 for an unknown provider and lists the configured ones in vscode-config', async () => {
    const res = await app.request.get('/auth/oauth/facebook').redirects(0);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('oauth_provider_not_found');
    const email = uniqueEmail();
    await app.request.post('/auth/register').send({ email, password: TEST_PASSWORD });
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    const config = await app.request
      .get('/auth/vscode-config')
      .set('Authorization', `Bearer ${login.body.access_token}`);
    expect(config.body.features.oauth_providers).toEqual(['github', 'google']);
  });

  it('refuses exchange bodies of the wrong shape', async () => {
    expect(
      (await app.request.post('/auth/oauth/exchange').send({ code: { $gt: '' }, code_verifier: newVerifier() })).status,
    ).toBe(400);
    expect((await app.request.post('/auth/oauth/exchange').send({ code: 'abc' })).status).toBe(400);
    const unknown = await app.request.post('/auth/oauth/exchange').send({ code: 'abc', code_verifier: newVerifier() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('invalid_grant');
  });
});
