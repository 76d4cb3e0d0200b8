import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAiCoderError, memoryTokenStore, type AiCoderError } from '../../clients/typescript/src/index.js';
import { createAccessTokens } from '../../src/modules/auth/access-tokens.js';
import { sha256 } from '../../src/lib/hash.js';
import { RefreshTokenModel } from '../../src/models/refresh-token.js';
import { chatBody, llmUser, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { collect, newClient, recording, storeOf, textOf } from '../helpers/client.js';
import { TEST_PASSWORD, registerAndLogin } from '../factories/users.js';
import { waitFor } from '../helpers/wait.js';
import { startSecondInstance } from '../helpers/second-instance.js';
import { createIndexReadiness } from '../../src/ops/index-readiness.js';
import { createLogger } from '../../src/lib/logger.js';

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ` ${tag}${i}`).join('');

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<AiCoderError> {
  const outcome = await promise.then(
    () => new Error('expected an error'),
    (error: unknown) => error,
  );
  if (!isAiCoderError(outcome)) throw outcome;
  return outcome;
}

/**
 * Every error code the client acts on, produced by the running service: which it retries (after Retry-After),
 * which it never retries, which refresh the session, which end it, and the client's own.
 */
describe('@aicoder/client errors against the service', () => {
  let env: LlmEnv;

  beforeAll(async () => {
    env = await startLlmEnv({ STREAM_RESUME_GRACE_MS: '120000', BCRYPT_CONCURRENCY: '1', BCRYPT_QUEUE_MAX: '0' });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const posts = (requests: Array<{ method: string; url: string }>) =>
    requests.filter((r) => r.method === 'POST' && r.url.endsWith('/v1/chat/completions')).length;

  it('insufficient_quota is never retried, whatever the answer says about waiting', async () => {
    const session = await llmUser(env.app, { monthlyLimit: 5 });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), ...options });
    const streamed = await failure(collect(client.streamChat(chatBody('too much'))));
    expect(streamed).toMatchObject({ code: 'insufficient_quota', status: 429 });
    const whole = await failure(client.createChatCompletion(chatBody('too much')));
    expect(whole.code).toBe('insufficient_quota');
    expect(posts(recorder.requests)).toBe(2);
    expect(recorder.sleeps).toEqual([]);
    expect(env.upstream.requests).toHaveLength(0);
  });

  it('rate_limit_exceeded is retried after exactly the Retry-After each answer gave, then surfaces', async () => {
    const session = await llmUser(env.app, { limitOverrides: { requests_per_minute: 1 } });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), maxRetryDelayMs: 120_000, ...options });
    await client.createChatCompletion(chatBody('first'));
    const error = await failure(client.createChatCompletion(chatBody('second')));
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    const refused = recorder.responses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    expect(recorder.sleeps).toEqual(refused.slice(0, 2).map((r) => Number(r.retryAfter) * 1000));
    expect(env.upstream.requests).toHaveLength(1);
  });

  it('a Retry-After longer than maxRetryDelayMs is not waited for', async () => {
    const session = await llmUser(env.app, { limitOverrides: { requests_per_minute: 1 } });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), maxRetryDelayMs: 500, ...options });
    await client.createChatCompletion(chatBody('first'));
    expect((await failure(client.createChatCompletion(chatBody('second')))).code).toBe('rate_limit_exceeded');
    expect(recorder.sleeps).toEqual([]);
    expect(posts(recorder.requests)).toBe(2);
  });

  it('concurrency_limit_exceeded: the retry after Retry-After succeeds once the open stream ended', async () => {
    const session = await llmUser(env.app, { limitOverrides: { concurrent_streams: 1 } });
    env.upstream.when('hold', { content: words(400, 'hold'), tokenDelayMs: 25 });
    env.upstream.when('next', { content: words(5, 'next') });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), ...options });
    const open = client.streamChat(chatBody('hold the slot'));
    const reading = open[Symbol.asyncIterator]();
    await reading.next();
    recorder.onSleep = async () => {
      await open.cancel();
      await waitFor(async () => (await client.requestStatus(open.requestId!)).status === 'cancelled', 'the end');
    };
    const chunks = await collect(client.streamChat(chatBody('next one')));
    expect(textOf(chunks)).toBe(words(5, 'next'));
    const refused = recorder.responses.find((r) => r.status === 429)!;
    expect(recorder.sleeps).toEqual([Number(refused.retryAfter) * 1000]);
    await reading.return?.();
  });

  it('model_not_found, model_not_allowed and validation_error: answered once, never retried', async () => {
    const pro = await llmUser(env.app);
    const free = await llmUser(env.app, { tier: 'free', monthlyLimit: 10_000 });
    const { recorder, options } = recording();
    const proClient = newClient(env.app.url, { store: storeOf(pro), ...options });
    const freeClient = newClient(env.app.url, { store: storeOf(free), ...options });
    expect(await failure(proClient.createChatCompletion({ ...chatBody('x'), model: 'no-such-model' }))).toMatchObject({
      code: 'model_not_found',
      status: 404,
    });
    expect(await failure(collect(freeClient.streamChat(chatBody('x'))))).toMatchObject({
      code: 'model_not_allowed',
      status: 403,
    });
    expect(await failure(proClient.createChatCompletion({ ...chatBody('x'), n: 2 }))).toMatchObject({
      code: 'validation_error',
      status: 400,
      param: 'n',
    });
    expect(posts(recorder.requests)).toBe(3);
    expect(recorder.sleeps).toEqual([]);
  });

  it('upstream failures before the first token: a 5xx is retried only when the answer says it may be', async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ status: 500 });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), ...options });
    const error = await failure(client.createChatCompletion(chatBody('fails')));
    expect(error.status).toBe(502);
    expect(error.code).toMatch(/^upstream_/);
    const retried = recorder.responses[0]!.shouldRetry === 'true';
    expect(posts(recorder.requests)).toBe(retried ? 3 : 1);
    expect(recorder.sleeps).toHaveLength(retried ? 2 : 0);
  });

  it("upstream_rate_limited is retried, after the upstream's Retry-After when it is passed on", async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ status: 429, retryAfter: '7' });
    const { recorder, options } = recording();
    const client = newClient(env.app.url, { store: storeOf(session), ...options });
    const error = await failure(client.createChatCompletion(chatBody('slow down')));
    expect(error.code).toBe('upstream_rate_limited');
    expect(posts(recorder.requests)).toBe(3);
    expect(recorder.sleeps).toEqual(
      recorder.responses
        .slice(0, 2)
        .map((r, attempt) => (r.retryAfter ? Number(r.retryAfter) * 1000 : 500 * 2 ** attempt)),
    );
  });

  it('an error after the stream started ends the iteration with that error (upstream cut, a cancel from elsewhere)', async () => {
    const session = await llmUser(env.app);
    const client = newClient(env.app.url, { store: storeOf(session) });
    env.upstream.when('cut', { content: words(20, 'cut'), cutAfterTokens: 3 });
    const received: string[] = [];
    const cut = client.streamChat(chatBody('cut upstream'));
    const interrupted = await failure(
      (async () => {
        for await (const chunk of cut) received.push(textOf([chunk]));
      })(),
    );
    expect(interrupted).toMatchObject({ code: 'upstream_stream_interrupted', status: 200, requestId: cut.requestId });
    expect(received.join('')).toBe(words(3, 'cut'));

    env.upstream.when('other', { content: words(400, 'other'), tokenDelayMs: 25 });
    const stream = client.streamChat(chatBody('stopped by another window'));
    const cancelled = await failure(
      (async () => {
        for await (const _chunk of stream)
          await newClient(env.app.url, { store: storeOf(session) }).cancelRequest(stream.requestId!);
      })(),
    );
    expect(cancelled).toMatchObject({ code: 'request_cancelled', status: 200 });
  });

  it('server_busy on sign-in is retried after its Retry-After', async () => {
    const { email } = await registerAndLogin(env.app);
    const { recorder, options } = recording();
    recorder.onSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const clients = Array.from({ length: 3 }, () => newClient(env.app.url, { ...options, maxRetries: 5 }));
    const logins = await Promise.all(clients.map((client) => client.signInWithPassword(email, TEST_PASSWORD)));
    expect(logins.every((login) => login.user.email === email)).toBe(true);
    expect(recorder.responses.some((r) => r.status === 503)).toBe(true);
    expect(recorder.sleeps.length).toBeGreaterThan(0);
    expect(recorder.sleeps.every((ms) => ms === 1000)).toBe(true);
  });

  it('service_not_ready (an API process still starting) is retried after its Retry-After', async () => {
    const session = await registerAndLogin(env.app);
    const indexes = createIndexReadiness({ create: true, logger: createLogger('silent') });
    const starting = await startSecondInstance(env.app, { indexes });
    try {
      const { recorder, options } = recording();
      recorder.onSleep = async () => {
        indexes.start();
        await indexes.ready;
      };
      const client = newClient(starting.url, { store: storeOf(session), ...options });
      expect((await client.me()).email).toBe(session.email);
      const [refused] = recorder.responses;
      expect(refused?.status).toBe(503);
      expect(recorder.sleeps).toEqual([Number(refused?.retryAfter) * 1000]);
    } finally {
      indexes.stop();
      await starting.stop();
    }
  });

  it('token_expired: refreshed once, and the call goes through', async () => {
    const session = await registerAndLogin(env.app);
    const claims = jwt.decode(session.accessToken) as { sub: string; ver: number; role: string; sid: string };
    const { config } = env.app;
    const expired = createAccessTokens({
      secret: config.JWT_SECRET_KEY,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ttlSeconds: -60,
    }).sign(claims);
    const { recorder, options } = recording();
    const store = memoryTokenStore({
      session: { access_token: expired, refresh_token: session.refreshToken, expires_at: Date.now() + 600_000 },
    });
    const client = newClient(env.app.url, { store, ...options });
    expect((await client.me()).email).toBe(session.email);
    expect(recorder.responses.map((r) => r.status)).toEqual([401, 200, 200]);
    expect(recorder.requests.map((r) => new URL(r.url).pathname)).toEqual(['/auth/me', '/auth/refresh', '/auth/me']);
  });

  it('invalid_refresh_token and refresh_token_expired end the session', async () => {
    const unknown = newClient(env.app.url, {
      store: memoryTokenStore({ session: { access_token: 'x', refresh_token: 'y'.repeat(43), expires_at: 0 } }),
    });
    expect(await failure(unknown.balance())).toMatchObject({ code: 'invalid_refresh_token', sessionEnded: true });
    expect(await unknown.currentSession()).toBeUndefined();

    const session = await registerAndLogin(env.app);
    await RefreshTokenModel.updateOne(
      { token_hash: sha256(session.refreshToken) },
      { $set: { expires_at: new Date(Date.now() - 1000) } },
    );
    const client = newClient(env.app.url, {
      store: memoryTokenStore({
        session: { access_token: session.accessToken, refresh_token: session.refreshToken, expires_at: 0 },
      }),
    });
    expect(await failure(client.balance())).toMatchObject({ code: 'refresh_token_expired', sessionEnded: true });
  });

  it("request_not_found, not_signed_in and network_error, the client's own codes", async () => {
    const session = await llmUser(env.app);
    const client = newClient(env.app.url, { store: storeOf(session) });
    expect(await failure(client.requestStatus('req_0123456789abcdef0123456789abcdef'))).toMatchObject({
      code: 'request_not_found',
      status: 404,
    });
    expect(await failure(newClient(env.app.url).balance())).toMatchObject({ code: 'not_signed_in', status: 0 });
    expect(await failure(newClient('http://127.0.0.1:1').signInWithPassword('a@b.c', 'password1'))).toMatchObject({
      code: 'network_error',
      status: 0,
    });
    // Pointed at a server that is not this API (here the upstream): its answers are not the API's error shape.
    const elsewhere = newClient(new URL(env.upstream.url).origin, { store: storeOf(session) });
    expect(await failure(elsewhere.me())).toMatchObject({ code: 'invalid_response', status: 404 });
  });
});
