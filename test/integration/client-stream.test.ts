import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAiCoderError, type ChatCompletionChunk } from '../../clients/typescript/src/index.js';
import { chatBody, expectStream, llmUser, openSse, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { collect, newClient, storeOf, textOf, type SignedIn } from '../helpers/client.js';
import { cutAfterEvents, startTcpProxy, type CutRule, type TcpProxy } from '../helpers/tcp-proxy.js';
import { waitFor } from '../helpers/wait.js';

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ` ${tag}${i}`).join('');

/**
 * The TypeScript client against the running service (API, llm worker, fake upstream on real sockets), with a TCP proxy
 * that drops connections the way a network does. Resuming holds whether or not the server distinguishes resumable
 * streams: the client asks for one (X-Stream-Resumable: true), and every stream was resumable before that header.
 */
describe('@aicoder/client chat streams against the service', () => {
  let env: LlmEnv;
  const proxies: TcpProxy[] = [];

  beforeAll(async () => {
    // A grace period far longer than any test: only the client's DELETE can stop a request it abandons.
    env = await startLlmEnv({ STREAM_RESUME_GRACE_MS: '120000', LLM_SSE_HEADER_DEFER_MS: '300' });
  });
  afterAll(async () => {
    for (const proxy of proxies) await proxy.close();
    await env.stop();
  });
  beforeEach(() => env.upstream.reset());

  const proxy = async (rule: CutRule) => {
    const started = await startTcpProxy(env.app.url, rule);
    proxies.push(started);
    return started;
  };

  /** The whole stream as the server keeps it: a replay of every event from the start. */
  const serverChunks = async (session: SignedIn, id: string): Promise<ChatCompletionChunk[]> => {
    const replay = await expectStream(
      await openSse(env.app.url, {
        path: `/llm/requests/${id}/stream`,
        headers: { Authorization: `Bearer ${session.accessToken}` },
      }),
    );
    const events = await replay.rest();
    return events.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data) as ChatCompletionChunk);
  };

  it('streams a completion as OpenAI chunks, asking for a resumable stream', async () => {
    const session = await llmUser(env.app);
    const content = words(12, 'plain');
    env.upstream.setDefault({ content });
    const client = newClient(env.app.url, { store: storeOf(session) });
    const stream = client.streamChat(chatBody('hello'));
    const chunks = await collect(stream);
    expect(textOf(chunks)).toBe(content);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(stream.requestId).toMatch(/^req_/);
    expect(stream.resumes).toBe(0);
    expect((await client.requestStatus(stream.requestId!)).status).toBe('completed');
  });

  it('resumes a running stream cut inside an event: every chunk once, in order, nothing missed', async () => {
    const session = await llmUser(env.app);
    const content = words(40, 'run');
    env.upstream.setDefault({ content, tokenDelayMs: 15 });
    const cuts = await proxy(cutAfterEvents('POST /v1/chat/completions', 5, 7));
    const client = newClient(cuts.url, { store: storeOf(session) });
    const stream = client.streamChat(chatBody('cut me'));
    const chunks = await collect(stream);

    expect(cuts.connections.some((c) => c.cut)).toBe(true);
    expect(stream.resumes).toBe(1);
    const resume = cuts.connections.find((c) => c.request.includes(`GET /llm/requests/${stream.requestId}/stream`));
    expect(resume?.request.toLowerCase()).toMatch(/\r\nlast-event-id: \d+-\d+\r\n/);
    expect(textOf(chunks)).toBe(content);
    expect(chunks).toEqual(await serverChunks(session, stream.requestId!));
    // The upstream was never stopped: the cut cost the user nothing.
    expect(env.upstream.requests).toHaveLength(1);
    expect(env.upstream.requests[0]?.aborted).toBe(false);
  });

  it('resumes a stream that finished while the client was cut off (a replay from the last event)', async () => {
    const session = await llmUser(env.app);
    const content = words(30, 'done');
    env.upstream.setDefault({ content });
    const cuts = await proxy(cutAfterEvents('POST /v1/chat/completions', 3, 2));
    const direct = newClient(env.app.url, { store: storeOf(session) });
    // The resume is let through only once the request has finished, so it is served as a replay.
    const client = newClient(cuts.url, {
      store: storeOf(session),
      fetch: async (input, init) => {
        const id = /\/llm\/requests\/(req_[\w-]+)\/stream/.exec(String(input))?.[1];
        if (id) await waitFor(async () => (await direct.requestStatus(id)).status === 'completed', 'the end');
        return fetch(input, init);
      },
    });
    const chunks = await collect(client.streamChat(chatBody('replay me')));
    expect(cuts.connections.filter((c) => c.cut)).toHaveLength(1);
    expect(textOf(chunks)).toBe(content);
    const requestId = /x-request-id: (req_[\w-]+)/i.exec(cuts.connections[0]!.response)?.[1];
    expect(chunks).toEqual(await serverChunks(session, requestId!));
  });

  it('survives a cut on every connection, the resumes included', async () => {
    const session = await llmUser(env.app);
    const content = words(50, 'many');
    env.upstream.setDefault({ content, tokenDelayMs: 10 });
    const post = cutAfterEvents('POST /v1/chat/completions', 4, 3);
    const resumes = cutAfterEvents('GET /llm/requests/', 4, 11, 3);
    const cuts = await proxy((connection) => post(connection) ?? resumes(connection));
    const client = newClient(cuts.url, { store: storeOf(session) });
    const stream = client.streamChat(chatBody('cut again and again'));
    const chunks = await collect(stream);
    expect(cuts.connections.filter((c) => c.cut)).toHaveLength(4);
    expect(stream.resumes).toBe(4);
    expect(textOf(chunks)).toBe(content);
    expect(chunks).toEqual(await serverChunks(session, stream.requestId!));
  });

  it('an AbortSignal stops the request on the server, not only the connection', async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ content: words(400, 'long'), tokenDelayMs: 25 });
    const client = newClient(env.app.url, { store: storeOf(session) });
    const controller = new AbortController();
    const stream = client.streamChat(chatBody('stop me'), { signal: controller.signal });
    const received: ChatCompletionChunk[] = [];
    const reading = (async () => {
      for await (const chunk of stream) {
        received.push(chunk);
        if (received.length === 4) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await stream.cancel();
    const status = await waitFor(async () => {
      const current = await client.requestStatus(stream.requestId!);
      return current.status === 'running' ? undefined : current;
    }, 'the request to end');
    expect(status).toMatchObject({ status: 'cancelled', error: { code: 'request_cancelled' } });
    await env.upstream.waitFor((requests) => requests[0]?.aborted === true);
    expect(env.upstream.requests[0]!.tokensSent).toBeLessThan(400);
  });

  it('an abort before the server answered still stops the request, by its id once the answer arrives', async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ content: words(50, 'slow'), firstTokenDelayMs: 1500, tokenDelayMs: 25 });
    const client = newClient(env.app.url, { store: storeOf(session) });
    const controller = new AbortController();
    const stream = client.streamChat(chatBody('abort early'), { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    const first = iterator.next();
    await env.upstream.waitFor((requests) => requests.length === 1);
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    await stream.cancel();
    const status = await waitFor(async () => {
      const current = await client.requestStatus(stream.requestId!);
      return current.status === 'running' || current.status === 'queued' ? undefined : current;
    }, 'the request to end');
    expect(status).toMatchObject({ status: 'cancelled', error: { code: 'request_cancelled' } });
  });

  it('leaving the loop early stops the request on the server too', async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ content: words(400, 'left'), tokenDelayMs: 25 });
    const client = newClient(env.app.url, { store: storeOf(session) });
    const stream = client.streamChat(chatBody('leave early'));
    let seen = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      seen += 1;
      if (seen === 3) break;
    }
    await stream.cancel();
    const status = await waitFor(async () => {
      const current = await client.requestStatus(stream.requestId!);
      return current.status === 'running' ? undefined : current;
    }, 'the request to end');
    expect(status.status).toBe('cancelled');
  });

  it('gives up with stream_resume_failed when every resume is cut before an event, and stops the request', async () => {
    const session = await llmUser(env.app);
    env.upstream.setDefault({ content: words(400, 'lost'), tokenDelayMs: 25 });
    const post = cutAfterEvents('POST /v1/chat/completions', 2, 1);
    const cuts = await proxy(
      (connection) => post(connection) ?? (connection.request.includes('/stream') ? 0 : undefined),
    );
    const client = newClient(cuts.url, { store: storeOf(session), sleep: async () => undefined });
    const stream = client.streamChat(chatBody('never back'), { maxResumes: 3 });
    const error = await collect(stream).catch((e: unknown) => e);
    expect(isAiCoderError(error, 'stream_resume_failed')).toBe(true);
    expect(stream.resumes).toBe(3);
    // The DELETE goes through the proxy too, which lets it pass.
    await stream.cancel();
    const direct = newClient(env.app.url, { store: storeOf(session) });
    const status = await waitFor(async () => {
      const current = await direct.requestStatus(stream.requestId!);
      return current.status === 'running' ? undefined : current;
    }, 'the request to end');
    expect(status.status).toBe('cancelled');
  });
});
