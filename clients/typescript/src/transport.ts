import { AiCoderError, RETRYABLE_CODES, errorFromResponse, includes } from './errors.js';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface TransportOptions {
  /** The server's `PUBLIC_URL` (the `api_endpoint` of a sign-in), without `/v1`. */
  baseUrl: string;
  /** Defaults to the global `fetch` (Node 20, VS Code's extension host). */
  fetch?: typeof fetch;
  /** Retries of an answer a wait can fix (rate limits, a busy server). Default 2. */
  maxRetries?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown at once. Default 30 s. */
  maxRetryDelayMs?: number;
  /** Headers sent with every request (a `User-Agent`, say). */
  headers?: Record<string, string>;
  /** How to wait between attempts (tests pass one that records the delays). */
  sleep?: Sleep;
  now?: () => number;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: string;
  query?: Query;
  /** Sent as the JSON body. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

/** setTimeout as a promise that rejects (with the signal's reason) when the signal aborts. */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** HTTP to the API: URLs, JSON bodies, error answers as `AiCoderError`, and waits on rate limits. */
export class Transport {
  readonly baseUrl: string;
  readonly now: () => number;
  readonly sleep: Sleep;
  private readonly fetch: typeof fetch;
  private readonly maxRetries: number;
  private readonly maxRetryDelayMs: number;
  private readonly headers: Record<string, string>;

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.maxRetries = options.maxRetries ?? 2;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.headers = options.headers ?? {};
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  url(path: string, query?: Query): string {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** One exchange: the response when it is 2xx; otherwise its error. A failed connection is `network_error`. */
  async once(path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...this.headers, ...options.headers };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetch(this.url(path, options.query), {
        method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
        headers,
        body: options.json === undefined ? undefined : JSON.stringify(options.json),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw abortError(options.signal);
      throw new AiCoderError(0, 'network_error', `Could not reach ${this.baseUrl}: ${describe(error)}`, {
        cause: error,
      });
    }
    if (response.ok) return response;
    throw await errorFromResponse(response, this.now());
  }

  /** `once`, sent again after the wait an answer asks for, while a wait can fix it (never an exhausted quota). */
  send(path: string, options: RequestOptions = {}): Promise<Response> {
    return this.withRetries(() => this.once(path, options), options.signal);
  }

  /** Runs `attempt` again after each error a wait can fix; `signal` interrupts the waits. */
  async withRetries<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempts = 0; ; attempts += 1) {
      if (signal?.aborted) throw abortError(signal);
      try {
        return await attempt();
      } catch (error) {
        const delay = attempts < this.maxRetries ? this.retryDelay(error, attempts) : undefined;
        if (delay === undefined) throw error;
        await this.sleep(delay, signal);
      }
    }
  }

  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options);
    return readJson<T>(response);
  }

  /** How long to wait before sending again, or undefined when sending again cannot help. */
  retryDelay(error: unknown, attempt: number): number | undefined {
    if (!(error instanceof AiCoderError)) return undefined;
    if (error.code === 'insufficient_quota' || error.shouldRetry === false) return undefined;
    const retryable = error.shouldRetry === true || includes(RETRYABLE_CODES, error.code);
    if (!retryable) return undefined;
    const delay = error.retryAfterMs ?? Math.min(500 * 2 ** attempt, this.maxRetryDelayMs);
    return delay <= this.maxRetryDelayMs ? delay : undefined;
  }
}

export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AiCoderError(response.status, 'invalid_response', 'The answer is not JSON', {
      requestId: response.headers.get('x-request-id') ?? undefined,
      cause: error,
    });
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
