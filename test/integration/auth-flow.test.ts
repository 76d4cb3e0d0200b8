import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from '../factories/users.js';

describe('the extension sign-in flow (old system test plan)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('registers, logs in with JSON, reads me, refreshes and reads the extension config', async () => {
    const email = uniqueEmail();
    const register = await app.request
      .post('/auth/register')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD, first_name: 'Ada' });
    expect(register.status).toBe(201);
    expect(register.body.user.email).toBe(email);
    expect(JSON.stringify(register.body)).not.toContain('password');

    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ token_type: 'bearer', expires_in: 1800, api_endpoint: app.config.PUBLIC_URL });
    expect(login.body.user).toMatchObject({
      email,
      role: 'user',
      subscription_tier: 'free',
      tokens_remaining: 10_000,
      monthly_limit: 10_000,
      monthly_usage: { api_calls: 0, tokens_used: 0 },
    });
    expect(login.headers['x-request-id']).toBeTruthy();

    const me = await app.request.get('/auth/me').set('Authorization', `Bearer ${login.body.access_token}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email,
      tokens_used: 0,
      tokens_remaining: 10_000,
      monthly_limit: 10_000,
      subscription_tier: 'free',
    });
    expect(me.body.reset_date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(me.body.password_hash).toBeUndefined();

    const refreshed = await app.request.post('/auth/refresh').send({ refresh_token: login.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(login.body.refresh_token);

    const vscode = await app.request
      .get('/auth/vscode-config')
      .set('Authorization', `Bearer ${refreshed.body.access_token}`);
    expect(vscode.status).toBe(200);
    expect(vscode.body.llm.base_url).toBe(`${app.config.PUBLIC_URL}/v1`);
    expect(vscode.body.llm.models).toEqual(['gpt-3.5-turbo']);
    expect(JSON.stringify(vscode.body)).not.toContain('A4F');

    const subscription = await app.request
      .get('/subscriptions/current')
      .set('Authorization', `Bearer ${refreshed.body.access_token}`);
    expect(subscription.status).toBe(200);
    expect(subscription.body).toMatchObject({ tier: 'free' });
    expect(JSON.stringify(subscription.body)).toContain('10000');
  });

  it('answers unknown routes, bad JSON and oversized bodies in the error shape', async () => {
    const missing = await app.request.get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ type: 'not_found_error', code: 'route_not_found' });
    const bad = await app.request.post('/auth/login-json').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const big = await app.request.post('/auth/register').send({ email: 'a@b.co', password: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    const injection = await app.request.post('/auth/login-json').send({ email: { $gt: '' }, password: 'whatever1' });
    expect(injection.status).toBe(400);
    expect(injection.body.error.param).toBe('email');
  });

  it('serves the OpenAPI document and health', async () => {
    const doc = await app.request.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/auth/login-json']).toBeTruthy();
    expect((await app.request.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await app.request.get('/readyz')).status).toBe(200);
    const { auth } = await registerAndLogin(app);
    expect((await app.request.get('/auth/me').set(auth)).status).toBe(200);
  });
});
