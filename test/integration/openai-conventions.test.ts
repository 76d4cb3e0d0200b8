import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { chatBody, llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';

/**
 * What OpenAI clients rely on, against the real service (API, llm and usage workers, a fake upstream): which
 * answers say `x-should-retry: false`, one answer for an unknown model, query parameters that are refused or that
 * work, and the base URL an OpenAI SDK takes from a sign-in.
 */
describe('errors and conventions OpenAI clients expect', () => {
  let env: LlmEnv;
  let usageWorkers: RunningWorkers;
  let auth: Record<string, string>;
  beforeAll(async () => {
    // GitHub configured (never called here), so its callback page answers for itself.
    env = await startLlmEnv({ GITHUB_CLIENT_ID: 'gh-client', GITHUB_CLIENT_SECRET: 'gh-secret' });
    usageWorkers = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
    auth = (await llmUser(env.app)).auth;
  });
  afterAll(async () => {
    await usageWorkers.stop();
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const chat = (headers: Record<string, string>, body: object) =>
    env.app.request.post('/v1/chat/completions').set(headers).send(body);

  describe('x-should-retry', () => {
    it('is false on an exhausted quota (429 insufficient_quota), and nothing goes upstream', async () => {
      const poor = await llmUser(env.app, { monthlyLimit: 10 });
      const res = await chat(poor.auth, chatBody('a prompt the quota cannot cover'));
      expect(res.status).toBe(429);
      expect(res.body.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
      expect(res.headers['x-should-retry']).toBe('false');
      expect(env.upstream.requests).toHaveLength(0);
    });

    it('is false on answers no retry can fix: a bad body, no credentials, an unknown model, a conflict', async () => {
      const answers = [
        await chat(auth, { model: 'gpt-4', messages: [] }),
        await chat({}, chatBody('who am I')),
        await chat(auth, chatBody('which model', { model: 'gpt-17' })),
        await env.app.request.get('/no/such/route').set(auth),
      ];
      const taken = uniqueEmail('taken');
      await env.app.request.post('/auth/register').send({ email: taken, password: TEST_PASSWORD });
      answers.push(await env.app.request.post('/auth/register').send({ email: taken, password: TEST_PASSWORD }));
      expect(answers.map((r) => [r.status, r.body.error.code, r.headers['x-should-retry']])).toEqual([
        [400, 'validation_error', 'false'],
        [401, 'missing_credentials', 'false'],
        [404, 'model_not_found', 'false'],
        [404, 'route_not_found', 'false'],
        [409, 'email_taken', 'false'],
      ]);
      expect(env.upstream.requests).toHaveLength(0);
    });

    it("is true on the caller's own rate limit (429 with Retry-After) and on an upstream failure (502)", async () => {
      const limited = await llmUser(env.app, { limitOverrides: { requests_per_minute: 1 } });
      expect((await chat(limited.auth, chatBody('one'))).status).toBe(200);
      const second = await chat(limited.auth, chatBody('two'));
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe('rate_limit_exceeded');
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
      expect(second.headers['x-should-retry']).toBe('true');

      // A failure the worker wrote to the request's stream is answered by the relay, not the error handler.
      env.upstream.setDefault({ status: 500 });
      const failed = await chat(auth, chatBody('upstream trouble'));
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe('upstream_error');
      expect(failed.headers['x-should-retry']).toBe('true');
    });
  });

  describe('one answer for an unknown model', () => {
    it('is the same on chat, /v1/models/{id} and /llm/models/{id}', async () => {
      const answers = [
        await chat(auth, chatBody('hello', { model: 'gpt-17' })),
        await env.app.request.get('/v1/models/gpt-17').set(auth),
        await env.app.request.get('/llm/models/gpt-17').set(auth),
      ];
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({
          error: {
            message: 'The model `gpt-17` does not exist or you do not have access to it.',
            type: 'invalid_request_error',
            code: 'model_not_found',
            param: 'model',
          },
        });
      }
    });

    it("a model outside the payer's plan: 403 model_not_allowed on chat; not listed, so unknown to /v1/models/{id}", async () => {
      const free = await llmUser(env.app, { tier: 'free' });
      const refused = await chat(free.auth, chatBody('hello', { model: 'gpt-4' }));
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'model_not_allowed', param: 'model' });
      const retrieved = await env.app.request.get('/v1/models/gpt-4').set(free.auth);
      expect(retrieved.status).toBe(404);
      expect(retrieved.body.error).toMatchObject({
        code: 'model_not_found',
        message: 'The model `gpt-4` does not exist or you do not have access to it.',
      });
      expect((await env.app.request.get('/v1/models/gpt-3.5-turbo').set(free.auth)).body.id).toBe('gpt-3.5-turbo');
    });
  });

  describe('query parameters', () => {
    it('an unknown one is refused with 400 unknown_parameter naming it, whatever the operation', async () => {
      const answers = [
        await env.app.request.get('/tokens/usage?format=csv').set(auth),
        await env.app.request.get('/v1/models?limit=5').set(auth),
        await env.app.request.get('/auth/vscode-config?version=2').set(auth),
        await chat(auth, chatBody('hi')).query({ stream: 'true' }),
      ];
      expect(answers.map((r) => [r.status, r.body.error?.code, r.body.error?.param])).toEqual([
        [400, 'unknown_parameter', 'format'],
        [400, 'unknown_parameter', 'limit'],
        [400, 'unknown_parameter', 'version'],
        [400, 'unknown_parameter', 'stream'],
      ]);
      expect(answers[0]!.body.error.message).toContain('api_key_id');
      expect(answers[0]!.headers['x-should-retry']).toBe('false');
      expect(env.upstream.requests).toHaveLength(0);
    });

    it('pages opened from outside take the parameters their senders add (mail links, OAuth redirects)', async () => {
      const link = await env.app.request.get('/auth/verify-email?token=not-a-token&utm_source=newsletter');
      expect([link.status, link.body.error.code]).toEqual([400, 'invalid_token']);
      const callback = await env.app.request.get(
        '/auth/oauth/github/callback?state=unknown-state&code=c&scope=email&authuser=0&prompt=consent',
      );
      // Not refused for the parameters Google adds: the unknown state is what answers.
      expect([callback.status, callback.body.error.code]).toEqual([400, 'invalid_state']);
    });

    it('api_key_id filters the usage history and summary to the requests made with that key', async () => {
      const owner = await llmUser(env.app);
      const keyOf = async (name: string) => {
        const res = await env.app.request.post('/api-keys').set(owner.auth).send({ name });
        expect(res.status).toBe(201);
        return res.body as { id: string; key: string };
      };
      const [first, second] = [await keyOf('first'), await keyOf('second')];
      for (const key of [first, second, second])
        expect((await chat({ Authorization: `Bearer ${key.key}` }, chatBody('counted'))).status).toBe(200);
      await waitFor(
        async () => (await env.app.request.get('/tokens/usage').set(owner.auth)).body.total === 3,
        'three ledger rows',
      );

      const byKey = async (query: string) => (await env.app.request.get(`/tokens/usage?${query}`).set(owner.auth)).body;
      expect((await byKey(`api_key_id=${first.id}`)).data.map((r: { api_key_id: string }) => r.api_key_id)).toEqual([
        first.id,
      ]);
      expect((await byKey(`api_key_id=${second.id}`)).total).toBe(2);
      const stats = await env.app.request.get(`/users/usage-stats?api_key_id=${second.id}`).set(owner.auth);
      expect(stats.body.current_period.requests).toBe(2);

      // Another user's key is nobody's among the caller's rows; a malformed id is refused.
      const stranger = await registerAndLogin(env.app);
      const theirs = await env.app.request.post('/api-keys').set(stranger.auth).send({ name: 'theirs' });
      expect((await byKey(`api_key_id=${theirs.body.id as string}`)).total).toBe(0);
      const bad = await env.app.request.get('/tokens/usage?api_key_id=%7B%22%24ne%22%3A1%7D').set(owner.auth);
      expect([bad.status, bad.body.error.code, bad.body.error.param]).toEqual([400, 'validation_error', 'api_key_id']);
    });
  });

  describe('sign-in answers', () => {
    it('carry openai_base_url (PUBLIC_URL + /v1) beside api_endpoint, which is unchanged', async () => {
      const email = uniqueEmail('sdk');
      await env.app.request.post('/auth/register').send({ email, password: TEST_PASSWORD });
      const json = await env.app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
      const form = await env.app.request
        .post('/auth/login')
        .type('form')
        .send({ username: email, password: TEST_PASSWORD });
      const config = await env.app.request
        .get('/auth/vscode-config')
        .set({ Authorization: `Bearer ${json.body.access_token as string}` });
      const expected = { api_endpoint: env.app.url, openai_base_url: `${env.app.url}/v1` };
      for (const res of [json, form, config]) {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject(expected);
      }
      expect(config.body.llm.base_url).toBe(`${env.app.url}/v1`);
    });
  });
});
