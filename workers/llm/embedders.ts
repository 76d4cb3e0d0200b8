import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Config } from '../../src/config/index.js';
import { configuredProviders, type ProviderConfig } from '../../src/config/providers.js';
import {
  countEmbeddingTokens,
  embeddingCount,
  vectorToBase64,
  type EmbeddingInput,
} from '../../src/domain/llm/embeddings.js';
import { UpstreamFailure } from './failures.js';
import { describe, readSome, upstreamMessage } from './providers.js';

/** What an upstream's /embeddings answered, vectors already in the stream's base64 form. */
export interface Embedded {
  vectors: string[];
  model: string | null;
  /** The input tokens the upstream reported, or null when it reported none. */
  promptTokens: number | null;
}

/** An OpenAI-compatible upstream's /embeddings. */
export interface Embedder {
  name: string;
  serves(model: string): boolean;
  /** `onSent` is told once the request is on its way: from then on the upstream may be computing it. */
  embed(body: Record<string, unknown>, signal: AbortSignal, onSent: () => void): Promise<Embedded>;
  secrets: string[];
}

/** Embeddings answers are one JSON body: bounded, but far larger than an error's. */
const MAX_ANSWER_BYTES = 256 * 2 ** 20;

async function readAll(body: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of body) {
    size += part.length;
    if (size > MAX_ANSWER_BYTES) throw new UpstreamFailure('malformed', 'embeddings answer too large');
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Reads an OpenAI embeddings list: one vector per input (floats or base64 float32, in any order of `index`) and
 * the reported usage. Anything else is a malformed answer.
 */
export function parseEmbeddings(text: string, expected: number): Embedded {
  let json: { data?: unknown; model?: unknown; usage?: { prompt_tokens?: unknown } };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new UpstreamFailure('malformed', 'unreadable embeddings JSON');
  }
  if (!Array.isArray(json.data) || json.data.length !== expected)
    throw new UpstreamFailure('malformed', `expected ${expected} embeddings`);
  const vectors = new Array<string>(expected);
  for (const [position, item] of (json.data as Array<{ index?: unknown; embedding?: unknown }>).entries()) {
    const index = typeof item.index === 'number' ? item.index : position;
    const { embedding } = item;
    if (!Number.isInteger(index) || index < 0 || index >= expected || vectors[index] !== undefined)
      throw new UpstreamFailure('malformed', 'embedding indexes do not match the input');
    if (typeof embedding === 'string') vectors[index] = embedding;
    else if (Array.isArray(embedding) && embedding.every((value) => typeof value === 'number'))
      vectors[index] = vectorToBase64(embedding as number[]);
    else throw new UpstreamFailure('malformed', 'an embedding is neither floats nor base64');
  }
  const reported = json.usage?.prompt_tokens;
  return {
    vectors,
    model: typeof json.model === 'string' ? json.model : null,
    promptTokens: Number.isInteger(reported) && (reported as number) >= 0 ? (reported as number) : null,
  };
}

export function createHttpEmbedder(config: ProviderConfig, dispatcher: Agent): Embedder {
  const url = `${config.base_url.replace(/\/+$/, '')}/embeddings`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': 'aicoder-backend',
  };
  if (config.api_key) headers.authorization = `Bearer ${config.api_key}`;
  return {
    name: config.name,
    secrets: config.api_key ? [config.api_key] : [],
    serves: (model) => !config.models || config.models.includes(model),
    async embed(body, signal, onSent) {
      const model = String(body.model);
      let response: Awaited<ReturnType<typeof request>>;
      try {
        const pending = request(url, {
          method: 'POST',
          headers,
          dispatcher,
          signal,
          headersTimeout: 0,
          bodyTimeout: 0,
          body: JSON.stringify({ ...body, model: config.model_map?.[model] ?? model }),
        });
        onSent();
        response = await pending;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new UpstreamFailure('connect', `${config.name}: ${describe(error)}`);
      }
      try {
        if (response.statusCode !== 200) {
          const text = await readSome(response.body).catch(() => '');
          throw new UpstreamFailure(
            'status',
            `${config.name}: HTTP ${response.statusCode}`,
            response.statusCode,
            upstreamMessage(text),
          );
        }
        return parseEmbeddings(await readAll(response.body), embeddingCount(body.input as EmbeddingInput));
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (error instanceof UpstreamFailure) throw error;
        throw new UpstreamFailure('cut', `${config.name}: ${describe(error)}`);
      } finally {
        if (!response.body.destroyed) response.body.destroy();
      }
    },
  };
}

export const httpEmbedders = (config: Config, agent: Agent): Embedder[] =>
  configuredProviders(config).map((p) => createHttpEmbedder(p, agent));

/** A deterministic unit vector for a text: the same text always gets the same vector (dev mock, tests). */
export function deterministicVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2) values.push(digest.readInt16LE(i));
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return values.map((value) => value / norm);
}

/** The texts of an embedding input, one per vector (token arrays as their ids). */
export function inputTexts(input: EmbeddingInput): string[] {
  if (typeof input === 'string') return [input];
  if (typeof input[0] === 'number') return [(input as number[]).join(',')];
  return (input as Array<string | number[]>).map((item) => (typeof item === 'string' ? item : item.join(',')));
}

/** Offline stand-in (development only): deterministic vectors, usage counted with the tokenizer. */
export function createMockEmbedder(): Embedder {
  return {
    name: 'dev-mock',
    secrets: [],
    serves: () => true,
    async embed(body, signal, onSent) {
      onSent();
      if (signal.aborted) throw signal.reason;
      const input = body.input as EmbeddingInput;
      const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 64;
      return {
        vectors: inputTexts(input).map((text) => vectorToBase64(deterministicVector(text, dimensions))),
        model: String(body.model),
        promptTokens: await countEmbeddingTokens(String(body.model), input),
      };
    },
  };
}
