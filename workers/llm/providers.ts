import { Agent, request } from 'undici';
import type { Config } from '../../src/config/index.js';
import { configuredProviders, type ProviderConfig } from '../../src/config/providers.js';
import { SseParser, SseProtocolError } from '../../src/lib/sse.js';
import { UpstreamFailure } from './failures.js';
import { upstreamRetryAfter } from './retry-after.js';

/** An OpenAI-compatible upstream: streams the SSE `data` payloads of one chat completion, a batch per read. */
export interface Provider {
  name: string;
  serves(model: string): boolean;
  /** `onAccepted` is told when the upstream accepted the request (HTTP 200): from then on it works on the prompt. */
  open(body: Record<string, unknown>, signal: AbortSignal, onAccepted: () => void): AsyncIterable<string[]>;
  /** Secrets that must never appear in what a client sees. */
  secrets: string[];
}

const MAX_ERROR_BODY = 16 * 1024;

async function readSome(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const part of body) {
    text += part.toString('utf8');
    if (text.length >= MAX_ERROR_BODY) break;
  }
  return text.slice(0, MAX_ERROR_BODY);
}

function upstreamMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

const describe = (error: unknown) => {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code ?? e?.message ?? String(error);
};

/** A provider that ignored stream=true answered one chat.completion: replay it as chunks. */
function completionAsEvents(json: Record<string, unknown>): string[] {
  const choices = (json.choices ?? []) as Array<{
    index?: number;
    message?: Record<string, unknown>;
    finish_reason?: string | null;
  }>;
  const base = { id: json.id, object: 'chat.completion.chunk', created: json.created, model: json.model };
  const chunk = {
    ...base,
    choices: choices.map((c) => ({
      index: c.index ?? 0,
      delta: c.message ?? {},
      finish_reason: c.finish_reason ?? 'stop',
    })),
  };
  const events = [JSON.stringify(chunk)];
  if (json.usage) events.push(JSON.stringify({ ...base, choices: [], usage: json.usage }));
  events.push('[DONE]');
  return events;
}

export function createHttpProvider(config: ProviderConfig, dispatcher: Agent): Provider {
  const url = `${config.base_url.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'user-agent': 'aicoder-backend',
  };
  if (config.api_key) headers.authorization = `Bearer ${config.api_key}`;
  return {
    name: config.name,
    secrets: config.api_key ? [config.api_key] : [],
    serves: (model) => !config.models || config.models.includes(model),
    async *open(body, signal, onAccepted) {
      const model = String(body.model);
      let response: Awaited<ReturnType<typeof request>>;
      try {
        response = await request(url, {
          method: 'POST',
          headers,
          dispatcher,
          signal,
          headersTimeout: 0,
          bodyTimeout: 0,
          body: JSON.stringify({ ...body, model: config.model_map?.[model] ?? model }),
        });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new UpstreamFailure('connect', `${config.name}: ${describe(error)}`);
      }
      const { statusCode } = response;
      if (statusCode !== 200) {
        const text = await readSome(response.body).catch(() => '');
        response.body.destroy();
        const retryAfter = statusCode === 429 ? upstreamRetryAfter(response.headers) : undefined;
        throw new UpstreamFailure(
          'status',
          `${config.name}: HTTP ${statusCode}`,
          statusCode,
          upstreamMessage(text),
          retryAfter,
        );
      }
      onAccepted();
      const contentType = String(response.headers['content-type'] ?? '');
      try {
        if (contentType.includes('application/json')) {
          const text = await readSome(response.body);
          let json: Record<string, unknown>;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            throw new UpstreamFailure('malformed', `${config.name}: unreadable JSON answer`);
          }
          yield completionAsEvents(json);
          return;
        }
        const parser = new SseParser();
        for await (const part of response.body) {
          const events = parser.push(part as Buffer);
          if (events.length) yield events.map((event) => event.data);
        }
        const rest = parser.end();
        if (rest.length) yield rest.map((event) => event.data);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (error instanceof UpstreamFailure) throw error;
        if (error instanceof SseProtocolError)
          throw new UpstreamFailure('malformed', `${config.name}: ${error.message}`);
        throw new UpstreamFailure('cut', `${config.name}: ${describe(error)}`);
      } finally {
        if (!response.body.destroyed) response.body.destroy();
      }
    },
  };
}

/** Keep-alive connection pools shared by every upstream request of this worker process. */
export function createUpstreamAgent(config: Config): Agent {
  return new Agent({
    connect: { timeout: config.LLM_CONNECT_TIMEOUT_MS },
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connections: config.LLM_UPSTREAM_CONNECTIONS || null,
  });
}

export const httpProviders = (config: Config, agent: Agent): Provider[] =>
  configuredProviders(config).map((p) => createHttpProvider(p, agent));
