import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deterministicVector, inputTexts } from '../../workers/llm/embedders.js';
import { vectorToBase64, type EmbeddingInput } from '../../src/domain/llm/embeddings.js';

/** How the fake upstream answers one request. */
export interface UpstreamScript {
  /** The answer; streamed one word (with its leading space) per chunk. */
  content?: string;
  /** Explicit chunks instead of words of `content`. */
  tokens?: string[];
  tokenDelayMs?: number;
  firstTokenDelayMs?: number;
  /** Answer this HTTP status with an OpenAI-style error body instead of a completion. */
  status?: number;
  retryAfter?: string;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Send this many tokens, then go silent without ending. */
  stallAfterTokens?: number;
  /** Send this many tokens, then close the socket without [DONE]. */
  cutAfterTokens?: number;
  /** Send an unparseable data line before the token at this index (0: before the first). */
  malformedAt?: number;
  /** Leave out the usage chunk (as providers do when a stream is cut early). */
  omitUsage?: boolean;
  /** prompt_tokens reported in usage. */
  promptTokens?: number;
  /** Send the role-only first chunk. */
  roleChunk?: boolean;
  /** After the content: function calls, their arguments streamed in pieces of 8 characters (finish: tool_calls). */
  toolCalls?: Array<{ name: string; arguments: string }>;
  /** The finish_reason of the last chunk (default stop, or tool_calls after tool calls). */
  finishReason?: string;
  /** Embeddings: answer floats even when base64 was asked for (as some providers do). */
  ignoreEncodingFormat?: boolean;
}

export interface RecordedRequest {
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** The client (the proxy's worker) closed the connection before the answer ended. */
  aborted: boolean;
  finished: boolean;
  tokensSent: number;
  script: UpstreamScript;
}

export const tokensOf = (script: UpstreamScript): string[] =>
  script.tokens ?? (script.content ?? '').match(/\s*\S+/g) ?? [];

const lastUserText = (body: Record<string, unknown>): string => {
  if (body.input !== undefined) return inputTexts(body.input as EmbeddingInput).join('\n');
  const messages = (body.messages ?? []) as Array<{ role: string; content: unknown }>;
  const last = [...messages].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '');
};

/** The fake's vector for one input text: what a test expects back. */
export const fakeVector = (text: string, dimensions = 8) => deterministicVector(text, dimensions);

/**
 * A real OpenAI-compatible HTTP server for tests and benchmarks: /v1/chat/completions (stream or not),
 * /v1/embeddings (deterministic vectors, see fakeVector) and /v1/models, scriptable per request (routes by prompt marker, then a FIFO of next answers, then a default),
 * recording what it received and whether the caller aborted.
 */
export class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private defaultScript: UpstreamScript = { content: 'Hello from the fake upstream.' };
  private readonly queue: UpstreamScript[] = [];
  private readonly routes: Array<{ marker: string; script: UpstreamScript }> = [];
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<import('node:net').Socket>();
  /** Keep request records (tests); benchmarks turn this off. */
  record = true;
  url = '';

  constructor() {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  setDefault(script: UpstreamScript): void {
    this.defaultScript = script;
  }

  /** The next requests get these answers, in order. */
  enqueue(...scripts: UpstreamScript[]): void {
    this.queue.push(...scripts);
  }

  /** Requests whose last user message contains `marker` get `script`. */
  when(marker: string, script: UpstreamScript): void {
    this.routes.push({ marker, script });
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.routes.length = 0;
    this.defaultScript = { content: 'Hello from the fake upstream.' };
  }

  /** Resolves when `predicate` holds (checked on every request event), or rejects after `timeoutMs`. */
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this.requests)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.requests)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error('fake upstream: condition not reached in time'));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private pick(body: Record<string, unknown>): UpstreamScript {
    const text = lastUserText(body);
    const route = this.routes.find((r) => text.includes(r.marker));
    return route?.script ?? this.queue.shift() ?? this.defaultScript;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && path === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'gpt-3.5-turbo', object: 'model', created: 0, owned_by: 'fake' }],
        }),
      );
      return;
    }
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/embeddings')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    let raw = '';
    for await (const part of req) raw += part;
    const body = JSON.parse(raw) as Record<string, unknown>;
    const script = this.pick(body);
    const record: RecordedRequest = {
      path,
      method: req.method,
      headers: req.headers,
      body,
      aborted: false,
      finished: false,
      tokensSent: 0,
      script,
    };
    if (this.record) this.requests.push(record);
    res.on('close', () => {
      if (!record.finished) record.aborted = true;
      this.changed();
    });
    this.changed();
    if (path === '/v1/embeddings') await this.embeddings(script, body, record, res);
    else await this.answer(script, body, record, res);
  }

  /** One embeddings list: a deterministic vector per input, usage by words (or the script's promptTokens). */
  private async embeddings(
    script: UpstreamScript,
    body: Record<string, unknown>,
    record: RecordedRequest,
    res: http.ServerResponse,
  ): Promise<void> {
    if (script.hang || (script.status && script.status !== 200)) {
      await this.answer(script, body, record, res);
      return;
    }
    if (script.firstTokenDelayMs) await delay(script.firstTokenDelayMs);
    if (res.destroyed) return;
    const texts = inputTexts(body.input as EmbeddingInput);
    const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 8;
    const base64 = body.encoding_format === 'base64' && !script.ignoreEncodingFormat;
    const words = texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
    const promptTokens = script.promptTokens ?? words;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        object: 'list',
        // Listed last to first: clients must place vectors by `index`.
        data: texts
          .map((text, index) => {
            const vector = fakeVector(text, dimensions);
            return { object: 'embedding', index, embedding: base64 ? vectorToBase64(vector) : vector };
          })
          .reverse(),
        model: `${String(body.model)}-upstream`,
        ...(script.omitUsage ? {} : { usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }),
      }),
    );
    record.tokensSent = texts.length;
    record.finished = true;
  }

  private async answer(
    script: UpstreamScript,
    body: Record<string, unknown>,
    record: RecordedRequest,
    res: http.ServerResponse,
  ): Promise<void> {
    if (script.hang) return;
    if (script.status && script.status !== 200) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (script.retryAfter) headers['retry-after'] = script.retryAfter;
      res.writeHead(script.status, headers);
      res.end(
        JSON.stringify({
          error: {
            message: `fake upstream error ${script.status} (internal detail: db-shard-7)`,
            type: 'server_error',
            code: 'fake',
          },
        }),
      );
      record.finished = true;
      return;
    }
    // Like a real upstream, never more completion tokens than the smallest token limit sent.
    const limits = [body.max_tokens, body.max_completion_tokens].filter(
      (limit): limit is number => typeof limit === 'number',
    );
    const tokens = tokensOf(script).slice(0, limits.length ? Math.min(...limits) : undefined);
    const model = String(body.model);
    const created = Math.floor(Date.now() / 1000);
    const usage = {
      prompt_tokens: script.promptTokens ?? 7,
      completion_tokens: tokens.length,
      total_tokens: (script.promptTokens ?? 7) + tokens.length,
    };
    if (body.stream !== true) {
      if (script.firstTokenDelayMs) await delay(script.firstTokenDelayMs);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-upstream',
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: tokens.join('') }, finish_reason: 'stop' }],
          usage,
        }),
      );
      record.finished = true;
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const prefix = `{"id":"chatcmpl-upstream","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":`;
    const send = (delta: object, finish: string | null = null) =>
      res.write(`data: ${prefix}${JSON.stringify(delta)},"finish_reason":${JSON.stringify(finish)}}]}\n\n`);
    if (script.roleChunk !== false) send({ role: 'assistant', content: '' });
    if (script.firstTokenDelayMs) await delay(script.firstTokenDelayMs);
    let i = 0;
    /** Sends token i; false once the answer is over (or was cut, stalled or abandoned). */
    const step = (): boolean => {
      if (res.destroyed) return false;
      if (i >= tokens.length) {
        if (script.malformedAt !== undefined && script.malformedAt >= tokens.length) res.write('data: {not json}\n\n');
        if (script.stallAfterTokens !== undefined && script.stallAfterTokens >= tokens.length) return false;
        (script.toolCalls ?? []).forEach((call, index) => {
          send({
            tool_calls: [
              { index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: '' } },
            ],
          });
          for (const piece of call.arguments.match(/[\s\S]{1,8}/g) ?? [])
            send({ tool_calls: [{ index, function: { arguments: piece } }] });
        });
        send({}, script.finishReason ?? (script.toolCalls?.length ? 'tool_calls' : 'stop'));
        if (!script.omitUsage)
          res.write(
            `data: {"id":"chatcmpl-upstream","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[],"usage":${JSON.stringify(usage)}}\n\n`,
          );
        res.write('data: [DONE]\n\n');
        record.finished = true;
        res.end();
        return false;
      }
      if (script.malformedAt === i) res.write('data: {"id": "broken", "choices": [ this is not json\n\n');
      if (script.stallAfterTokens === i) return false;
      if (script.cutAfterTokens === i) {
        // Flush what was written, then close the connection mid-body (no terminating chunk, no [DONE]).
        res.socket?.end();
        return false;
      }
      send({ content: tokens[i] });
      record.tokensSent += 1;
      i += 1;
      if (this.waiters.size) this.changed();
      return true;
    };
    if (!script.tokenDelayMs) {
      while (step());
      return;
    }
    // Paced streams share one timer per delay (thousands of streams, one timer), the first token at once.
    if (step()) this.onTick(script.tokenDelayMs, step);
  }

  private readonly metronomes = new Map<number, { steps: Set<() => boolean>; timer: NodeJS.Timeout }>();

  private onTick(delayMs: number, step: () => boolean): void {
    let metronome = this.metronomes.get(delayMs);
    if (!metronome) {
      const steps = new Set<() => boolean>();
      const timer = setInterval(() => {
        for (const s of steps) if (!s()) steps.delete(s);
        if (steps.size === 0) {
          clearInterval(timer);
          this.metronomes.delete(delayMs);
        }
      }, delayMs);
      metronome = { steps, timer };
      this.metronomes.set(delayMs, metronome);
    }
    metronome.steps.add(step);
  }

  async close(): Promise<void> {
    for (const { timer } of this.metronomes.values()) clearInterval(timer);
    this.metronomes.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFakeUpstream(): Promise<FakeUpstream> {
  return new FakeUpstream().start();
}

export { lastUserText };
