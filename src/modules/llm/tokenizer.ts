import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

/**
 * Token counts with a real BPE tokenizer (js-tiktoken). The API estimates prompts with cl100k_base only (it is
 * loaded once, ~85 MB): for the o200k models it counts at least as many tokens as their own encoding, so the
 * estimate stays an upper bound. Workers count what was streamed with the model's own encoding.
 */
type EncodingName = 'cl100k_base' | 'o200k_base';

let cl100kEncoder: Tiktoken | undefined;
let o200kEncoder: Promise<Tiktoken> | undefined;

function cl100kSync(): Tiktoken {
  cl100kEncoder ??= new Tiktoken(cl100k);
  return cl100kEncoder;
}

/** Builds the API's encoder now instead of on the first request (takes ~300 ms of CPU). */
export function warmUpTokenizer(): void {
  cl100kSync();
}

export function encodingForModel(model: string): EncodingName {
  const base = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
  return /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-4o|gpt-oss)/.test(base) ? 'o200k_base' : 'cl100k_base';
}

async function encoderFor(model: string): Promise<Tiktoken> {
  if (encodingForModel(model) === 'cl100k_base') return cl100kSync();
  o200kEncoder ??= import('js-tiktoken/ranks/o200k_base').then((ranks) => new Tiktoken(ranks.default));
  return o200kEncoder;
}

// Special-token text in a prompt is counted as ordinary text, never rejected.
const encodeLength = (encoder: Tiktoken, text: string) => (text ? encoder.encode(text, [], []).length : 0);

export async function countTokens(model: string, text: string): Promise<number> {
  return encodeLength(await encoderFor(model), text);
}

/** Fixed costs for parts the tokenizer cannot see (a high-detail image is at most about this many tokens). */
const IMAGE_TOKENS = { low: 85, other: 1105 };
const OPAQUE_PART_TOKENS = 1000;
/** OpenAI's accounting: each message costs a few tokens beyond its content, and the reply is primed with 3. */
const PER_MESSAGE = 4;
const PER_NAME = 1;
const REPLY_PRIMING = 3;

interface PromptParts {
  texts: string[];
  fixed: number;
}

function collectContent(content: unknown, parts: PromptParts): void {
  if (typeof content === 'string') {
    parts.texts.push(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content as Array<Record<string, unknown>>) {
    if (part.type === 'text' && typeof part.text === 'string') parts.texts.push(part.text);
    else if (part.type === 'refusal' && typeof part.refusal === 'string') parts.texts.push(part.refusal);
    else if (part.type === 'image_url') parts.fixed += (part.image_url as { detail?: string })?.detail === 'low' ? IMAGE_TOKENS.low : IMAGE_TOKENS.other;
    else parts.fixed += OPAQUE_PART_TOKENS;
  }
}

/** Everything in a chat request that becomes prompt tokens: message texts and fixed costs. */
function promptParts(body: Record<string, unknown>): PromptParts {
  const parts: PromptParts = { texts: [], fixed: REPLY_PRIMING };
  for (const message of (body.messages ?? []) as Array<Record<string, unknown>>) {
    parts.fixed += PER_MESSAGE;
    collectContent(message.content, parts);
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

export interface EstimateOptions {
  /** Share added on top of the count (0.15 = +15 %). */
  margin: number;
  /** Longer prompts are estimated from a tokenized sample of this many characters. */
  maxChars: number;
}

/**
 * Upper estimate of a request's prompt tokens, used to reserve quota before going upstream. Prompts up to
 * `maxChars` are tokenized in full; longer ones from their first `maxChars` characters, extrapolated with an
 * extra 10 % so one slow request cannot stall the API's event loop.
 */
export function estimatePromptTokens(body: Record<string, unknown>, { margin, maxChars }: EstimateOptions): number {
  const { texts, fixed } = promptParts(body);
  const encoder = cl100kSync();
  const totalChars = texts.reduce((sum, text) => sum + text.length, 0);
  let textTokens = 0;
  if (totalChars <= maxChars) {
    for (const text of texts) textTokens += encodeLength(encoder, text);
  } else {
    const sample = texts.join('\n').slice(0, maxChars);
    const ratio = encodeLength(encoder, sample) / Math.max(1, sample.length);
    textTokens = Math.ceil(ratio * totalChars * 1.1) + texts.length;
  }
  return Math.ceil((textTokens + fixed) * (1 + margin));
}

/** The prompt as the model's own tokenizer counts it (no margin): what a request is billed when no usage came back. */
export async function countPromptTokens(model: string, body: Record<string, unknown>): Promise<number> {
  const { texts, fixed } = promptParts(body);
  const encoder = await encoderFor(model);
  let tokens = fixed;
  for (const text of texts) tokens += encodeLength(encoder, text);
  return tokens;
}
