import { AiCoderError, errorFromBody } from './errors.js';
import type { Session } from './session.js';
import { SseParser } from './sse.js';
import { abortError, type Transport } from './transport.js';
import type { ChatCompletionChunk, ChatCompletionRequest } from './types.js';

export type ChatStreamRequest = Omit<ChatCompletionRequest, 'stream'>;

export interface ChatStreamOptions {
  /** Aborting it stops the request on the server (`DELETE /llm/requests/{id}`) and ends the iteration. */
  signal?: AbortSignal;
  /** `X-Organization-Id`: spend from this organization's pool. */
  organizationId?: string;
  /** Resume attempts in a row that receive nothing before giving up (`stream_resume_failed`). Default 5. */
  maxResumes?: number;
  /** A connection silent this long counts as dropped and is resumed (the server sends a keep-alive every 15 s). */
  idleTimeoutMs?: number;
}

export interface StreamDeps {
  transport: Transport;
  session: Session;
}

const RESUME_BACKOFF_MS = [0, 250, 500, 1000, 2000, 4000];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A streamed chat completion, iterated as OpenAI `chat.completion.chunk` objects. It asks for a resumable stream
 * (`X-Stream-Resumable: true`); when the connection drops it resumes from the last event it delivered
 * (`GET /llm/requests/{id}/stream` with `Last-Event-ID`), so no chunk is missed or repeated. Aborting the signal,
 * `cancel()`, or leaving the loop early stops the request on the server, which then bills only what was produced.
 */
export class ChatStream implements AsyncIterable<ChatCompletionChunk> {
  /** The LLM request id (`X-Request-Id`), once the server answered. */
  requestId: string | undefined;
  /** The id of the last event delivered. */
  lastEventId: string | undefined;
  /** Reconnections made after a dropped connection. */
  resumes = 0;
  private readonly cancelled = new AbortController();
  private connection: AbortController | undefined;
  private pendingId: Promise<string | undefined> = Promise.resolve(undefined);
  private cancellation: Promise<void> | undefined;
  private started = false;
  private finished = false;

  constructor(
    private readonly deps: StreamDeps,
    private readonly body: ChatStreamRequest,
    private readonly options: ChatStreamOptions = {},
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (this.started) throw new Error('A chat stream can be iterated once');
    this.started = true;
    return this.run();
  }

  /**
   * Stops the request on the server and ends the iteration (with an AbortError). Before the server has answered
   * the request is let through until its id arrives, so it can be stopped by id instead of left to time out.
   */
  cancel(reason?: unknown): Promise<void> {
    if (!this.cancellation) {
      this.cancelled.abort(reason ?? new DOMException('The chat stream was cancelled', 'AbortError'));
      if (this.requestId) this.connection?.abort();
      this.cancellation = this.stopOnServer().finally(() => this.connection?.abort());
      void this.cancellation.catch(() => undefined);
    }
    return this.cancellation;
  }

  private async *run(): AsyncGenerator<ChatCompletionChunk> {
    const { signal } = this.options;
    const onAbort = () => void this.cancel(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let body: ReadableStream<Uint8Array> | undefined = await this.open();
      for (let failures = 0; ;) {
        if (body) {
          const before = this.lastEventId;
          if (yield* this.relay(body)) return;
          if (this.lastEventId !== before) failures = 0;
        }
        this.throwIfCancelled();
        failures += 1;
        if (failures > (this.options.maxResumes ?? 5)) {
          throw new AiCoderError(0, 'stream_resume_failed', `The stream of ${this.requestId} could not be resumed`, {
            requestId: this.requestId,
          });
        }
        const backoff = RESUME_BACKOFF_MS[Math.min(failures - 1, RESUME_BACKOFF_MS.length - 1)]!;
        if (backoff) await this.deps.transport.sleep(backoff, this.cancelled.signal);
        body = await this.reopen();
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!this.finished) void this.cancel();
    }
  }

  /** POSTs the request; resolves with the event stream once the server answered 200. */
  private async open(): Promise<ReadableStream<Uint8Array>> {
    const connection = this.connect();
    const { transport, session } = this.deps;
    const posting = transport.withRetries(
      () =>
        session.authorized((token) =>
          transport.once('/v1/chat/completions', {
            json: { ...this.body, stream: true },
            headers: { ...bearer(token), ...this.headers(), 'x-stream-resumable': 'true' },
            signal: connection.signal,
          }),
        ),
      this.cancelled.signal,
    );
    this.pendingId = posting.then(
      (response) => response.headers.get('x-request-id') ?? undefined,
      () => undefined,
    );
    const response = await this.untilCancelled(posting);
    this.requestId = response.headers.get('x-request-id') ?? undefined;
    if (!response.body) throw new AiCoderError(response.status, 'invalid_response', 'The answer has no body');
    return response.body;
  }

  /** Reconnects after the last event delivered; undefined when the connection failed again. */
  private async reopen(): Promise<ReadableStream<Uint8Array> | undefined> {
    const id = this.requestId;
    if (!id) throw new AiCoderError(0, 'network_error', 'The connection dropped before the server named the request');
    this.resumes += 1;
    const connection = this.connect();
    const { transport, session } = this.deps;
    const headers = this.headers();
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    try {
      const response = await this.untilCancelled(
        transport.withRetries(
          () =>
            session.authorized((token) =>
              transport.once(`/llm/requests/${encodeURIComponent(id)}/stream`, {
                headers: { ...bearer(token), ...headers },
                signal: connection.signal,
              }),
            ),
          this.cancelled.signal,
        ),
      );
      return response.body ?? undefined;
    } catch (error) {
      if (error instanceof AiCoderError && error.code === 'network_error') return undefined;
      throw error;
    }
  }

  /**
   * Yields the chunks of one connection; true at `[DONE]`, false when the connection ended without it (dropped,
   * cut, silent for too long, or cancelled). An error event ends the stream with that error.
   */
  private async *relay(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatCompletionChunk, boolean> {
    const reader = body.getReader();
    const parser = new SseParser();
    try {
      for (;;) {
        const read = await this.readWithin(reader);
        if (!read || read.done) return false;
        for (const event of parser.push(read.value)) {
          if (event.data === '[DONE]') {
            this.finished = true;
            this.lastEventId = event.id ?? this.lastEventId;
            return true;
          }
          const data = this.parse(event.data);
          if (typeof data === 'object' && data !== null && 'error' in data) {
            this.finished = true;
            throw errorFromBody(200, data, { requestId: this.requestId });
          }
          this.lastEventId = event.id ?? this.lastEventId;
          yield data as ChatCompletionChunk;
          if (this.cancelled.signal.aborted) return false;
        }
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  /** The next read, or undefined when the connection failed or stayed silent past the idle timeout. */
  private async readWithin(reader: ReadableStreamDefaultReader<Uint8Array>) {
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    const connection = this.connection;
    const timer = setTimeout(() => connection?.abort(), idleMs);
    try {
      return await reader.read();
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private parse(data: string): unknown {
    try {
      return JSON.parse(data);
    } catch (error) {
      throw new AiCoderError(200, 'invalid_response', 'A stream event is not JSON', {
        requestId: this.requestId,
        cause: error,
      });
    }
  }

  private async stopOnServer(): Promise<void> {
    const id = this.requestId ?? (await this.pendingId);
    this.requestId = id;
    if (!id || this.finished) return;
    const { transport, session } = this.deps;
    await session.authorized((token) =>
      transport.send(`/llm/requests/${encodeURIComponent(id)}`, { method: 'DELETE', headers: bearer(token) }),
    );
  }

  private connect(): AbortController {
    this.connection = new AbortController();
    return this.connection;
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.options.organizationId) headers['x-organization-id'] = this.options.organizationId;
    return headers;
  }

  private throwIfCancelled(): void {
    if (this.cancelled.signal.aborted) throw abortError(this.cancelled.signal);
  }

  /** `promise`, or the cancellation's AbortError as soon as the stream is cancelled. */
  private untilCancelled<T>(promise: Promise<T>): Promise<T> {
    const signal = this.cancelled.signal;
    return new Promise<T>((resolve, reject) => {
      const onCancel = () => reject(abortError(signal));
      if (signal.aborted) onCancel();
      signal.addEventListener('abort', onCancel, { once: true });
      void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onCancel));
    });
  }
}
