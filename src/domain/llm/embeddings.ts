import { countTokens } from './tokenizer.js';

/**
 * Embeddings, as both roles see them: the input's token count (the API reserves it, a worker bills it when the
 * upstream reported no usage) and the vectors' storage form. Vectors travel through the request's Redis Stream as
 * little-endian float32 in base64 (OpenAI's `encoding_format: "base64"`), about a third of their JSON size; the API
 * decodes them for clients that asked for floats.
 */

/** OpenAI's input: one text, texts, one token array, or token arrays. */
export type EmbeddingInput = string | string[] | number[] | number[][];

/** How the input is counted: token arrays are already tokens; texts go through the tokenizer. */
function inputParts(input: EmbeddingInput): { texts: string[]; tokens: number } {
  if (typeof input === 'string') return { texts: [input], tokens: 0 };
  const texts: string[] = [];
  let tokens = 0;
  for (const item of input) {
    if (typeof item === 'string') texts.push(item);
    else if (typeof item === 'number') tokens += 1;
    else tokens += item.length;
  }
  return { texts, tokens };
}

/** How many vectors the input asks for. */
export const embeddingCount = (input: EmbeddingInput): number =>
  typeof input === 'string' || typeof input[0] === 'number' ? 1 : input.length;

export interface EmbeddingCountOptions {
  /** Texts longer than this in all (UTF-8 bytes) are bounded by their byte length instead of counted. */
  maxExactBytes: number;
  /** Share added to an exact count, for upstream tokenizers that count differently. */
  margin: number;
}

/** The input as the model's tokenizer counts it (no margin): what is billed when the upstream reported no usage. */
export async function countEmbeddingTokens(model: string, input: EmbeddingInput): Promise<number> {
  const { texts, tokens } = inputParts(input);
  let counted = tokens;
  for (const text of texts) counted += await countTokens(model, text);
  return counted;
}

/**
 * What an embedding request reserves: its texts counted plus the margin (or bounded by their UTF-8 bytes when
 * longer than `maxExactBytes` in all, an upper bound of any BPE count), and its token arrays as they are.
 */
export async function estimateEmbeddingTokens(
  model: string,
  input: EmbeddingInput,
  options: EmbeddingCountOptions,
): Promise<number> {
  const { texts, tokens } = inputParts(input);
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  if (bytes > options.maxExactBytes) return bytes + tokens;
  const counted = await countEmbeddingTokens(model, texts);
  return Math.ceil(counted * (1 + options.margin)) + tokens;
}

/** A vector as base64 of little-endian float32, the form OpenAI's `encoding_format: "base64"` answers. */
export function vectorToBase64(vector: number[]): string {
  const buffer = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => buffer.writeFloatLE(value, i * 4));
  return buffer.toString('base64');
}

export function vectorFromBase64(encoded: string): number[] {
  const buffer = Buffer.from(encoded, 'base64');
  const vector = new Array<number>(Math.floor(buffer.length / 4));
  for (let i = 0; i < vector.length; i += 1) vector[i] = buffer.readFloatLE(i * 4);
  return vector;
}

/** What a worker stores in the request's stream when the upstream answered: one entry, vectors in base64. */
export interface EmbeddingResult {
  /** In input order. */
  vectors: string[];
  /** The model name the upstream answered with. */
  upstream_model: string | null;
}
