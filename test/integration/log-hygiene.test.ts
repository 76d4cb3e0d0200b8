import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startFakeOAuthProvider, FAKE_CLIENT, type FakeOAuthProvider } from '../helpers/fake-oauth-provider.js';
import { browserSignIn } from '../helpers/oauth-browser.js';
import { registerAndLogin, uniqueEmail } from '../factories/users.js';
import { createLogger } from '../../src/lib/logger.js';

const lines: string[] = [];
const sink = { write: (line: string) => void lines.push(line) };
const PASSWORD = 'a-distinctive-password-4711';
const UPSTREAM_KEY = 'sk-upstream-key-that-must-not-be-logged';
let app: TestApp;
let fake: FakeOAuthProvider;

beforeAll(async () => {
  fake = await startFakeOAuthProvider();
  app = await startTestApp({ ...fake.env(), LOG_LEVEL: 'trace', A4F_API_KEY: UPSTREAM_KEY }, { logStream: sink });
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

describe('logs', () => {
  it('never contain passwords, tokens, codes, verifiers or keys across the whole sign-in surface', async () => {
    const secrets: string[] = [PASSWORD, UPSTREAM_KEY, FAKE_CLIENT.secret, app.config.JWT_SECRET_KEY];
    const session = await registerAndLogin(app, uniqueEmail('logs'), PASSWORD);
    secrets.push(session.accessToken, session.refreshToken);
    await app.request.post('/auth/login-json').send({ email: session.email, password: `${PASSWORD}-wrong` });
    await app.request.post('/auth/login').type('form').send({ username: session.email, password: PASSWORD });
    const refreshed = await app.request.post('/auth/refresh').send({ refresh_token: session.refreshToken });
    secrets.push(refreshed.body.access_token, refreshed.body.refresh_token);
    await app.request.post('/auth/refresh').send({ refresh_token: session.refreshToken });
    await app.request.get('/auth/me').set('Authorization', `Bearer ${refreshed.body.access_token}`);
    await app.request.post('/auth/logout').send({ refresh_token: refreshed.body.refresh_token });

    fake.signInAs('github', { id: '77', email: uniqueEmail('logs-oauth'), verified: true });
    const flow = await browserSignIn(app.url, 'github');
    const tokens = await app.request
      .post('/auth/oauth/exchange')
      .send({ code: flow.code, code_verifier: flow.verifier });
    secrets.push(
      flow.code!,
      flow.verifier,
      tokens.body.access_token,
      tokens.body.refresh_token,
      new URL(flow.location!).searchParams.get('state')!,
    );
    fake.failTokenExchange('github', true);
    await browserSignIn(app.url, 'github');
    fake.failTokenExchange('github', false);

    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('');
    for (const secret of secrets)
      expect(log.includes(secret), `a secret of length ${secret.length} was logged`).toBe(false);
    expect(log).not.toMatch(/\$2[aby]\$\d\d\$/);
  });

  it('redacts secret fields if code ever logs them', () => {
    const captured: string[] = [];
    const logger = createLogger('info', {}, { write: (line: string) => void captured.push(line) });
    logger.info(
      {
        password: PASSWORD,
        refresh_token: 'rt_x',
        body: { password: PASSWORD, code_verifier: 'v', client_secret: 's' },
        headers: { authorization: 'Bearer abc' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'c=1' } },
        user: { api_key: 'aic_1' },
      },
      'oops',
    );
    const line = captured.join('');
    for (const value of [PASSWORD, 'rt_x', 'Bearer abc', 'c=1', 'aic_1', '"v"', '"s"'])
      expect(line).not.toContain(value);
    expect(line).toContain('[redacted]');
  });
});
