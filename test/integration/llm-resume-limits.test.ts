import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RECORD, llmKeys } from '../../queues/index.js';
import { chatBody, contentOf, llmUser, openSse, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');

interface HeldResponse {
  status: number;
  head: string;
  socket: net.Socket;
}

/** GET over a raw socket: reads the status line and headers, then stops reading (a client that never reads on). */
function holdGet(url: string, path: string, headers: Record<string, string>): Promise<HeldResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let head = '';
    socket.once('error', reject);
    socket.on('error', () => undefined);
    socket.on('data', function onData(part: Buffer) {
      head += part.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      resolve({
        status: Number(head.slice(9, 12)),
        head: head.slice(0, head.indexOf('\r\n\r\n')).toLowerCase(),
        socket,
      });
    });
    const lines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n${lines}\r\n`);
  });
}

describe('resume connections count toward the open-stream limit', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({ STREAM_RESUME_GRACE_MS: '10000' });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const keys = () => llmKeys(env.app.config.REDIS_PREFIX);
  const openSlots = (userId: string) => env.app.redis.zcard(keys().active(userId));

  it('replays of a finished stream: of 12 concurrent ones by a user allowed 3 streams, 3 are served and 9 refused with 429; the slots are freed when the clients go', async () => {
    const { auth, user } = await llmUser(env.app, {
      limitOverrides: { concurrent_streams: 3, requests_per_minute: 1000 },
    });
    // Several megabytes: a client that never reads keeps its replay (and so its slot) open.
    env.upstream.when('big', { tokens: Array.from({ length: 6000 }, () => 'y'.repeat(1000)) });
    const original = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('big', { stream: true }),
    });
    const id = String(original.headers['x-request-id']);
    const originalEvents = await original.rest();
    expect(originalEvents.at(-1)!.data).toBe('[DONE]');
    expect(await openSlots(user.id)).toBe(0);

    const held = await Promise.all(
      Array.from({ length: 12 }, () => holdGet(env.app.url, `/llm/requests/${id}/stream`, auth)),
    );
    const served = held.filter((r) => r.status === 200);
    const refused = held.filter((r) => r.status !== 200);
    expect(served).toHaveLength(3);
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 9 }, () => 429));
    for (const r of refused) {
      expect(r.head).toContain('retry-after: 1');
      expect(r.head).toContain('ratelimit-limit: 3');
    }
    expect(await openSlots(user.id)).toBe(3);
    // A new stream is refused too while the replays hold every slot.
    const blocked = await env.app.request
      .post('/v1/chat/completions')
      .set(auth)
      .send(chatBody('x', { stream: true }));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('concurrency_limit_exceeded');

    for (const r of held) r.socket.destroy();
    await waitFor(
      async () => ((await openSlots(user.id)) === 0 ? true : undefined),
      'slots of departed clients freed',
      10_000,
    );
    // A replay read to its end frees its slot as well.
    const replay = await (await openSse(env.app.url, { path: `/llm/requests/${id}/stream`, headers: auth })).rest();
    expect(replay).toEqual(originalEvents);
    await waitFor(
      async () => ((await openSlots(user.id)) === 0 ? true : undefined),
      'slot of a finished replay freed',
      10_000,
    );
  }, 60_000);

  it("a client reconnecting to its running stream is never refused (it rides on the request's own slot); a third connection needs a slot of its own", async () => {
    const { auth, user } = await llmUser(env.app, { limitOverrides: { concurrent_streams: 1 } });
    const content = words(120, 'r');
    env.upstream.setDefault({ content, tokenDelayMs: 25 });
    const first = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: chatBody('running', { stream: true }),
    });
    const id = String(first.headers['x-request-id']);
    const before = [];
    for (let i = 0; i < 3; i += 1) before.push((await first.next())!);
    expect(await openSlots(user.id)).toBe(1);

    // The network blipped: the server may still hold the old connection when the client comes back.
    const second = await openSse(env.app.url, {
      path: `/llm/requests/${id}/stream`,
      headers: { ...auth, 'Last-Event-ID': before.at(-1)!.id! },
    });
    expect(second.status).toBe(200);
    const third = await env.app.request.get(`/llm/requests/${id}/stream`).set(auth);
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('concurrency_limit_exceeded');
    expect(third.headers['retry-after']).toBe('1');

    // The old connection is gone now; the client reconnects once more, on the same slot.
    first.drop();
    second.drop();
    await waitFor(
      async () => (Number(await env.app.redis.hget(keys().meta(id), RECORD.watchers)) === 0 ? true : undefined),
      'both connections detached',
      10_000,
    );
    const again = await openSse(env.app.url, {
      path: `/llm/requests/${id}/stream`,
      headers: { ...auth, 'Last-Event-ID': before.at(-1)!.id! },
    });
    expect(again.status).toBe(200);
    const after = await again.rest();
    expect(after.at(-1)!.data).toBe('[DONE]');
    expect(contentOf([...before, ...after])).toBe(content);
    expect(env.upstream.requests[0]!.aborted).toBe(false);
    await waitFor(async () => ((await openSlots(user.id)) === 0 ? true : undefined), 'slot freed at the end', 10_000);
  }, 60_000);
});

describe('a resume connection that stays open longer than a slot lives', () => {
  let env: LlmEnv;
  beforeAll(async () => {
    env = await startLlmEnv({ LLM_RESERVATION_TTL_MS: '1500' });
  });
  afterAll(async () => {
    await env.stop();
  });

  it('keeps counting until it ends: a client that never reads cannot shed its slot by waiting', async () => {
    const { auth, user } = await llmUser(env.app, {
      limitOverrides: { concurrent_streams: 1, requests_per_minute: 1000 },
    });
    env.upstream.when('big', { tokens: Array.from({ length: 6000 }, () => 'y'.repeat(1000)) });
    const original = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('big', { stream: true }),
    });
    const id = String(original.headers['x-request-id']);
    expect((await original.rest()).at(-1)!.data).toBe('[DONE]');
    const held = await holdGet(env.app.url, `/llm/requests/${id}/stream`, auth);
    expect(held.status).toBe(200);
    // Well past the slot's own expiry (1.5 s here).
    await new Promise((r) => setTimeout(r, 4000));
    const keys = llmKeys(env.app.config.REDIS_PREFIX);
    expect(await env.app.redis.zcount(keys.active(user.id), Date.now(), '+inf')).toBe(1);
    const second = await holdGet(env.app.url, `/llm/requests/${id}/stream`, auth);
    expect(second.status).toBe(429);
    held.socket.destroy();
    second.socket.destroy();
    await waitFor(
      async () => ((await env.app.redis.zcard(keys.active(user.id))) === 0 ? true : undefined),
      'slot freed',
      10_000,
    );
  }, 60_000);
});
