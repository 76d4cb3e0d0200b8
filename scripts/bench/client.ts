import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { SseParser } from '../../src/lib/sse.js';

export interface StreamResult {
  ok: boolean;
  status: number;
  requestId: string;
  /** ms from sending the request to the first content token. */
  ttft: number;
  /** ms from sending the request to [DONE]. */
  total: number;
  /** Content chunks received (one token each from the fake upstream). */
  tokens: number;
  /** The content received. */
  text: string;
  error?: string;
}

export function clientAgent(connections: number): Agent {
  return new Agent({ connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: 0, bodyTimeout: 0 });
}

// Cheap on purpose (the client shares the machine): the fake upstream's chunks have a fixed layout.
const CONTENT = /"content":"((?:[^"\\]|\\.)+)"/;

/** One streaming chat completion, timed on the client side. */
export async function streamOnce(
  dispatcher: Agent,
  url: string,
  headers: Record<string, string>,
  body: object,
  hooks: { onOpen?(): void; onClose?(): void } = {},
): Promise<StreamResult> {
  const started = performance.now();
  let ttft = Number.NaN;
  let tokens = 0;
  let text = '';
  let done = false;
  try {
    const res = await request(url, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ ...body, stream: true }),
    });
    const requestId = String(res.headers['x-request-id'] ?? '');
    if (res.statusCode !== 200) {
      const errorText = await res.body.text();
      return {
        ok: false,
        status: res.statusCode,
        requestId,
        ttft,
        total: performance.now() - started,
        tokens,
        text: '',
        error: (await Promise.resolve(errorText)).slice(0, 200),
      };
    }
    hooks.onOpen?.();
    const parser = new SseParser();
    try {
      for await (const part of res.body) {
        for (const event of parser.push(part as Buffer)) {
          if (event.data === '[DONE]') {
            done = true;
            continue;
          }
          if (event.data.startsWith('{"error"'))
            return {
              ok: false,
              status: 200,
              requestId,
              ttft,
              total: performance.now() - started,
              tokens,
              text,
              error: event.data,
            };
          const content = CONTENT.exec(event.data)?.[1];
          if (content) {
            if (tokens === 0) ttft = performance.now() - started;
            tokens += 1;
            text += JSON.parse(`"${content}"`) as string;
          }
        }
      }
    } finally {
      hooks.onClose?.();
    }
    return {
      ok: done,
      status: 200,
      requestId,
      ttft,
      total: performance.now() - started,
      tokens,
      text,
      error: done ? undefined : 'stream ended without [DONE]',
    };
  } catch (error) {
    return {
      ok: false,
      status: 0,
      requestId: '',
      ttft,
      total: performance.now() - started,
      tokens,
      text,
      error: (error as Error).message,
    };
  }
}

/** One non-streaming chat completion. */
export async function completeOnce(
  dispatcher: Agent,
  url: string,
  headers: Record<string, string>,
  body: object,
): Promise<{ ok: boolean; total: number; requestId: string; tokens: number }> {
  const started = performance.now();
  try {
    const res = await request(url, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await res.body.json()) as { usage?: { completion_tokens: number } };
    return {
      ok: res.statusCode === 200,
      total: performance.now() - started,
      requestId: String(res.headers['x-request-id'] ?? ''),
      tokens: json.usage?.completion_tokens ?? 0,
    };
  } catch {
    return { ok: false, total: performance.now() - started, requestId: '', tokens: 0 };
  }
}

/** Runs `total` calls of `fn` with at most `concurrency` in flight. */
export async function pool<T>(total: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        results[i] = await fn(i);
      }
    }),
  );
  return results;
}
