import type { Config } from '../../config/index.js';
import { createBpeCounter, type BpeCounter, type TiktokenRanks } from './bpe.js';

/**
 * Token counts with tiktoken's encodings, in time linear in the input (see bpe.ts) and yielding to the event loop
 * every couple of milliseconds, so no prompt, however hostile, holds a process. The API counts prompts with
 * cl100k_base (for the o200k models it counts at least about as many tokens; the margin covers the rest); workers
 * count what was streamed with the model's own encoding.
 */
export type EncodingName = 'cl100k_base' | 'o200k_base';

const counters = new Map<EncodingName, Promise<BpeCounter>>();

async function loadRanks(encoding: EncodingName): Promise<TiktokenRanks> {
  const ranks =
    encoding === 'cl100k_base'
      ? await import('js-tiktoken/ranks/cl100k_base')
      : await import('js-tiktoken/ranks/o200k_base');
  return ranks.default;
}

function counterFor(encoding: EncodingName): Promise<BpeCounter> {
  let counter = counters.get(encoding);
  if (!counter) {
    counter = loadRanks(encoding).then(createBpeCounter);
    counters.set(encoding, counter);
  }
  return counter;
}

/** Builds the API's rank table now instead of on the first request (takes a few hundred ms of CPU). */
export async function warmUpTokenizer(): Promise<void> {
  await counterFor('cl100k_base');
}

export function encodingForModel(model: string): EncodingName {
  const base = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
  return /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(base) ? 'o200k_base' : 'cl100k_base';
}

/** Longest stretch of counting between two yields to the event loop. */
const SLICE_MS = 2;

function sliceTimer(): () => boolean {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < SLICE_MS) return false;
    since = now;
    return true;
  };
}

async function countTexts(encoding: EncodingName, texts: string[]): Promise<number> {
  const counter = await counterFor(encoding);
  const shouldYield = sliceTimer();
  let tokens = 0;
  for (const text of texts) tokens += await counter.count(text, shouldYield);
  return tokens;
}

/** The exact tiktoken count of a text (long runs of one character class are counted in chunks). */
export async function countTokens(model: string, text: string): Promise<number> {
  return countTexts(encodingForModel(model), [text]);
}

const utf8Bytes = (texts: string[]) => texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);

/** Worst cases of the parts a tokenizer cannot see, per OpenAI's documented accounting (see the README). */
export interface PartCosts {
  /** Any image, whatever its detail: the largest high-detail cost of the models offered. */
  imageTokens: number;
}

/** Audio is billed by duration; at the lowest bitrate accepted (8 kbps) and at most 32 tokens a second. */
const AUDIO_BYTES_PER_TOKEN = 32;
/** A PDF's text costs at most its bytes, plus an image of each page; a page takes at least about a KiB. */
const FILE_BYTES_PER_PAGE = 1024;
/** OpenAI's accounting: each message costs a few tokens beyond its content, and the reply is primed with 3. */
const PER_MESSAGE = 4;
const PER_NAME = 1;
const REPLY_PRIMING = 3;

interface PromptParts {
  texts: string[];
  /** Tokens of parts counted by their worst case (images, audio, files) and per-message overhead. */
  fixed: number;
}

const base64Bytes = (data: unknown) => (typeof data === 'string' ? Math.ceil((data.length * 3) / 4) : 0);

function collectContent(content: unknown, parts: PromptParts, costs: PartCosts): void {
  if (typeof content === 'string') {
    parts.texts.push(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content as Array<Record<string, unknown>>) {
    if (part.type === 'text' && typeof part.text === 'string') parts.texts.push(part.text);
    else if (part.type === 'refusal' && typeof part.refusal === 'string') parts.texts.push(part.refusal);
    else if (part.type === 'image_url') parts.fixed += costs.imageTokens;
    else if (part.type === 'input_audio')
      parts.fixed += Math.ceil(base64Bytes((part.input_audio as { data?: unknown })?.data) / AUDIO_BYTES_PER_TOKEN);
    else if (part.type === 'file') {
      const bytes = base64Bytes((part.file as { file_data?: unknown })?.file_data);
      parts.fixed += bytes + Math.ceil(bytes / FILE_BYTES_PER_PAGE) * costs.imageTokens;
    } else parts.texts.push(JSON.stringify(part));
  }
}

/** Everything in a chat request that becomes prompt tokens: message texts and fixed costs. */
function promptParts(body: Record<string, unknown>, costs: PartCosts): PromptParts {
  const parts: PromptParts = { texts: [], fixed: REPLY_PRIMING };
  for (const message of (body.messages ?? []) as Array<Record<string, unknown>>) {
    parts.fixed += PER_MESSAGE;
    collectContent(message.content, parts, costs);
    if (typeof message.name === 'string') {
      parts.texts.push(message.name);
      parts.fixed += PER_NAME;
    }
    if (message.tool_calls) parts.texts.push(JSON.stringify(message.tool_calls));
    if (message.function_call) parts.texts.push(JSON.stringify(message.function_call));
    if (typeof message.tool_call_id === 'string') parts.texts.push(message.tool_call_id);
  }
  for (const field of ['tools', 'functions', 'response_format'] as const) {
    if (body[field] !== undefined && body[field] !== null) parts.texts.push(JSON.stringify(body[field]));
  }
  return parts;
}

export interface PromptCountOptions extends PartCosts {
  /** Prompts whose text is longer than this many UTF-8 bytes are bounded by their byte length instead. */
  maxExactBytes: number;
}

type PromptConfig = Pick<Config, 'LLM_PROMPT_ESTIMATE_MARGIN' | 'LLM_TOKENIZE_MAX_BYTES' | 'LLM_IMAGE_TOKENS'>;

/** How prompts are counted and reserved, from the configuration. */
export const promptOptionsOf = (config: PromptConfig): PromptCountOptions & { margin: number } => ({
  margin: config.LLM_PROMPT_ESTIMATE_MARGIN,
  maxExactBytes: config.LLM_TOKENIZE_MAX_BYTES,
  imageTokens: config.LLM_IMAGE_TOKENS,
});

export interface PromptCount {
  tokens: number;
  /** False when the text was bounded by its UTF-8 bytes (an upper bound of any BPE count) instead of counted. */
  exact: boolean;
}

/** The whole prompt's tokens: counted exactly up to `maxExactBytes` of text, bounded by its UTF-8 bytes beyond. */
export async function countPrompt(
  encoding: EncodingName,
  body: Record<string, unknown>,
  options: PromptCountOptions,
): Promise<PromptCount> {
  const { texts, fixed } = promptParts(body, options);
  const bytes = utf8Bytes(texts);
  if (bytes > options.maxExactBytes) return { tokens: bytes + fixed, exact: false };
  return { tokens: (await countTexts(encoding, texts)) + fixed, exact: true };
}

/**
 * What a request's prompt reserves: the API's count plus `margin` for upstream tokenizers that count
 * differently (a byte bound needs none).
 */
export async function estimatePromptTokens(
  body: Record<string, unknown>,
  options: PromptCountOptions & { margin: number },
): Promise<number> {
  const { tokens, exact } = await countPrompt('cl100k_base', body, options);
  return exact ? Math.ceil(tokens * (1 + options.margin)) : tokens;
}

/** The prompt as the model's own tokenizer counts it (no margin): what a request is billed when no usage came back. */
export async function countPromptTokens(
  model: string,
  body: Record<string, unknown>,
  options: PromptCountOptions,
): Promise<number> {
  return (await countPrompt(encodingForModel(model), body, options)).tokens;
}
