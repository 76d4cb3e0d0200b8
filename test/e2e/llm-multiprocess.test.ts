import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD, compareIds, llmKeys } from '../../queues/index.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { chatBody, contentOf, expectStream, llmUser, openSse, settlementOf, SERVER_KEY } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';
import { configEnv, startRole, type StartedRole } from '../helpers/processes.js';

const contentOfCompletion = (body: Record<string, unknown>) =>
  (body.choices as Array<{ message: { content: string } }>)[0]!.message.content;
const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

describe('two API processes and two worker processes against one Redis', () => {
  let app: TestApp;
  let upstream: FakeUpstream;
  let apiA: StartedRole;
  let apiB: StartedRole;
  let workers: StartedRole[];
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    // This process only registers users and reads Redis; the request path runs in the children.
    app = await startTestApp({ A4F_BASE_URL: upstream.url, A4F_API_KEY: SERVER_KEY });
    const env = configEnv(app.config, {
      LLM_JOB_LOCK_MS: '2000',
      LLM_STALLED_INTERVAL_MS: '1000',
      STREAM_RESUME_GRACE_MS: '5000',
    });
    [apiA, apiB, ...workers] = await Promise.all([
      startRole('web', env),
      startRole('web', env),
      startRole('llm-worker', env),
      startRole('llm-worker', env),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([apiA, apiB, ...workers].map((p) => p?.stop()));
    await app.stop();
    await upstream.close();
  });

  it('a stream enqueued on one API is resumed from the other with no gap and no duplicate', async () => {
    const { auth } = await llmUser(app);
    const content = words(40, 'x');
    upstream.when('cross-api', { content, tokenDelayMs: 20 });
    const first = await expectStream(
      await openSse(apiA.url, {
        path: '/v1/chat/completions',
        headers: { ...auth, 'X-Stream-Resumable': 'true' },
        body: chatBody('cross-api', { stream: true }),
      }),
    );
    const id = String(first.headers['x-request-id']);
    const before = [];
    for (let i = 0; i < 6; i += 1) before.push((await first.next())!);
    first.drop();
    const second = await expectStream(
      await openSse(apiB.url, {
        path: `/llm/requests/${id}/stream`,
        headers: { ...auth, 'Last-Event-ID': before.at(-1)!.id! },
      }),
    );
    const after = await second.rest();
    const all = [...before, ...after];
    for (let i = 1; i < all.length; i += 1) expect(compareIds(all[i]!.id!, all[i - 1]!.id!)).toBe(1);
    expect(contentOf(all)).toBe(content);
    expect(all.at(-1)!.data).toBe('[DONE]');
    expect((await settlementOf(app, id)).outcome).toMatchObject({ status: 'completed', completion_tokens: 40 });
    const status = await fetch(`${apiB.url}/llm/requests/${id}`, { headers: auth }).then((r) => r.json());
    expect(status).toMatchObject({ status: 'completed' });
  });

  it('stores every prompt before its job can be taken: a burst admitted at once all runs in the other processes', async () => {
    const { auth } = await llmUser(app);
    const content = 'Every job finds its prompt.';
    upstream.when('burst', { content, tokenDelayMs: 0 });
    const post = (url: string) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(chatBody('burst', { max_tokens: 20 })),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i % 2 ? apiA.url : apiB.url)));
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      expect(answers.map((answer) => contentOfCompletion(answer.body))).toEqual(answers.map(() => content));
    }
  });

  it('serves concurrent streams and non-streaming requests through both APIs and both workers', async () => {
    const { auth } = await llmUser(app, { limitOverrides: { concurrent_streams: 50 } });
    upstream.when('many', { content: words(15, 'm'), tokenDelayMs: 10 });
    const results = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const url = i % 2 ? apiA.url : apiB.url;
        if (i % 3 === 0) {
          const res = await fetch(`${url}/v1/chat/completions`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(chatBody('many')),
          });
          return ((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message
            .content;
        }
        return contentOf(
          await (
            await openSse(url, {
              path: '/v1/chat/completions',
              headers: auth,
              body: chatBody('many', { stream: true }),
            })
          ).rest(),
        );
      }),
    );
    expect(results).toEqual(Array.from({ length: 12 }, () => words(15, 'm')));
  });

  it('a worker killed mid-stream (SIGKILL): the job is taken over, the upstream is not called again, the client gets the end, the request is settled once for what was sent', async () => {
    const { auth, user } = await llmUser(app);
    upstream.when('kill-me', { content: words(400, 'k'), tokenDelayMs: 15 });
    const res = await openSse(apiA.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('kill-me', { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    const head = [];
    for (let i = 0; i < 5; i += 1) head.push((await res.next())!);
    const keys = llmKeys(app.config.REDIS_PREFIX);
    const servedBy = await app.redis.hget(keys.meta(id), RECORD.worker);
    const victim = workers.find((w) => servedBy?.endsWith(`:${w.pid}`))!;
    expect(victim).toBeDefined();
    await victim.kill();
    const events = [...head, ...(await res.rest())];
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ error: { code: 'stream_interrupted' } });
    // Exactly one upstream call for this request, cut when its worker died.
    const calls = upstream.requests.filter((r) => JSON.stringify(r.body.messages).includes('kill-me'));
    expect(calls).toHaveLength(1);
    const settle = await settlementOf(app, id);
    const raw = (await app.redis.xrange(keys.stream(id), '-', '+')) as Array<[string, string[]]>;
    const streamed = contentOf(raw.filter(([, f]) => f[1] === 'c').map(([, f]) => ({ data: f[3]! })));
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'stream_interrupted',
    });
    expect(settle.outcome.completion_tokens).toBe(await countTokens('gpt-4', streamed));
    // ...which is exactly what the client received, each chunk once.
    expect(contentOf(events.slice(0, -2))).toBe(streamed);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(await app.redis.zcard(keys.active(user.id))).toBe(0);
    const job = await waitFor(async () => {
      const j = await app.producer.queues.llm.getJob(id);
      const state = await j?.getState();
      return state === 'completed' || state === 'failed' ? state : undefined;
    }, `llm job ${id} to finish`);
    expect(job).toBe('completed');
    // The retry needed the prompt (it counted the prompt tokens); once the request ended, nothing holds it.
    expect(await app.redis.exists(keys.prompt(id))).toBe(0);
    expect(JSON.stringify((await app.producer.queues.llm.getJob(id))!.data)).not.toContain('kill-me');
    workers = workers.filter((w) => w !== victim);
  });
});
