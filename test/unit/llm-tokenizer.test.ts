import { readFileSync } from 'node:fs';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { MAX_PIECE_BYTES, createBpeCounter } from '../../src/domain/llm/bpe.js';
import {
  countPrompt,
  countPromptTokens,
  countTokens,
  encodingForModel,
  estimatePromptTokens,
} from '../../src/domain/llm/tokenizer.js';

const counting = { maxExactBytes: 32_768, imageTokens: 2500 };
const options = { ...counting, margin: 0.15 };
const sourceFiles = ['workers/llm/run.ts', 'README.md', 'src/domain/quota/scripts.ts', 'package-lock.json'];

describe('the linear BPE counter', () => {
  it.each([
    ['cl100k_base', cl100k],
    ['o200k_base', o200k],
  ] as const)('counts exactly as js-tiktoken on real text (%s)', (_name, ranks) => {
    const reference = new Tiktoken(ranks);
    const counter = createBpeCounter(ranks);
    const texts = [
      ...sourceFiles.map((file) => readFileSync(file, 'utf8').slice(0, 60_000)),
      'héllo wörld 日本語のテキスト 中文字符 한국어 emoji 🎉🚀\tTabs\r\n<|endoftext|>',
      `${' '.repeat(40)}indented\n${'x'.repeat(MAX_PIECE_BYTES)}`,
    ];
    for (const text of texts) expect(counter.countSync(text)).toBe(reference.encode(text, [], []).length);
  });

  it('counts a long run of one character class in linear time, never below tiktoken by more than the chunking allows', async () => {
    const reference = new Tiktoken(cl100k);
    const run = 'a'.repeat(4000);
    const counted = await countTokens('gpt-4', run);
    // tiktoken itself takes seconds on this (quadratic merge); the counter cuts it into MAX_PIECE_BYTES chunks.
    expect(counted).toBeGreaterThanOrEqual(reference.encode('a'.repeat(400), [], []).length * 10);
    expect(counted).toBeLessThanOrEqual(run.length);
  });
});

describe('prompt token estimates', () => {
  it('counts the whole prompt with a real tokenizer, plus the margin', async () => {
    const body = {
      model: 'gpt-4',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Write a haiku about Redis streams.' },
      ],
    };
    const exact = await countPromptTokens('gpt-4', body, counting);
    expect(exact).toBe(
      3 +
        4 +
        (await countTokens('gpt-4', 'You are terse.')) +
        4 +
        (await countTokens('gpt-4', 'Write a haiku about Redis streams.')),
    );
    expect(await estimatePromptTokens(body, options)).toBe(Math.ceil(exact * 1.15));
    const o200kBody = { ...body, model: 'gpt-4o' };
    expect(encodingForModel('gpt-4o')).toBe('o200k_base');
    expect(await estimatePromptTokens(o200kBody, options)).toBeGreaterThanOrEqual(
      await countPromptTokens('gpt-4o', o200kBody, counting),
    );
  });

  it('counts images, audio and files by their worst case, and special-token text as text', async () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/x.png', detail: 'low' } };
    const body = {
      model: 'gpt-4',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'what is <|endoftext|> here' }, image, image] }],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
    };
    expect(await estimatePromptTokens(body, { ...options, margin: 0 })).toBeGreaterThan(2 * 2500 + 7);
    const audio = {
      model: 'gpt-4',
      messages: [
        { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'A'.repeat(40_000), format: 'mp3' } }] },
      ],
    };
    expect((await countPrompt('cl100k_base', audio, counting)).tokens).toBeGreaterThanOrEqual(30_000 / 32);
    const file = {
      model: 'gpt-4',
      messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'A'.repeat(4000) } }] }],
    };
    expect((await countPrompt('cl100k_base', file, counting)).tokens).toBeGreaterThanOrEqual(3000 + 3 * 2500);
  });

  it('reserves a prompt above the exact-count size by its UTF-8 bytes, never from a sample', async () => {
    // The reviewer's attack: a prefix that tokenizes cheaply, then CJK that costs a token or more per character.
    const text = `${' '.repeat(65_536)}${'漢字'.repeat(25_000)}`;
    const body = { model: 'gpt-4', messages: [{ role: 'user', content: text }] };
    const count = await countPrompt('cl100k_base', body, counting);
    expect(count.exact).toBe(false);
    expect(count.tokens).toBeGreaterThanOrEqual(Buffer.byteLength(text));
    expect(await estimatePromptTokens(body, options)).toBeGreaterThanOrEqual(Buffer.byteLength(text));
  });

  it('counts a 12 KB source file exactly (the everyday estimate is never a byte bound)', async () => {
    const file = readFileSync('workers/llm/run.ts', 'utf8').slice(0, 12_288);
    const count = await countPrompt(
      'cl100k_base',
      { model: 'gpt-4', messages: [{ role: 'user', content: file }] },
      counting,
    );
    expect(count.exact).toBe(true);
    expect(count.tokens).toBeLessThan(Buffer.byteLength(file) / 2);
  });
});
