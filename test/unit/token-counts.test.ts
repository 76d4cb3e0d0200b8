import { describe, expect, it } from 'vitest';
import { createCompletionAccumulator, isMeaningfulChunk } from '../../src/domain/llm/completion.js';
import { createCompletionTally, lastSafeCut } from '../../src/domain/llm/completion-tally.js';
import {
  countPrompt,
  countTokens,
  encodingForModel,
  estimatePromptTokens,
  promptOptionsOf,
} from '../../src/domain/llm/tokenizer.js';
import { parseConfig } from '../../src/config/index.js';

const counting = { maxExactBytes: 32_768, imageTokens: 2500 };
const tokens = (text: string) => countTokens('gpt-4', text);
const prompt = async (messages: unknown[], extra: Record<string, unknown> = {}) =>
  (await countPrompt('cl100k_base', { model: 'gpt-4', messages, ...extra }, counting)).tokens;

describe('the encoding of a model', () => {
  it.each([
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['claude-3', 'cl100k_base'],
    ['gpt-4o', 'o200k_base'],
    ['gpt-4o-mini', 'o200k_base'],
    ['gpt-4.1-nano', 'o200k_base'],
    ['gpt-4.5-preview', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['o1-preview', 'o200k_base'],
    ['o3-mini', 'o200k_base'],
    ['o4-mini', 'o200k_base'],
    ['chatgpt-4o-latest', 'o200k_base'],
    ['gpt-oss-120b', 'o200k_base'],
    ['openai/gpt-4o', 'o200k_base'],
    ['provider/openai/o3', 'o200k_base'],
    ['openai/gpt-4', 'cl100k_base'],
    ['my-gpt-4o', 'cl100k_base'],
  ])('%s counts with %s', (model, encoding) => {
    expect(encodingForModel(model)).toBe(encoding);
  });
});

describe('token counts', () => {
  it.each([
    ['', 0],
    ['hello', 1],
    ['hello world', 2],
    [' hello world', 2],
  ])('%j is %i tokens (cl100k_base)', async (text, count) => {
    expect(await tokens(text)).toBe(count);
  });

  it('counts special-token text as ordinary text, never as the special token', async () => {
    expect(await tokens('<|endoftext|>')).toBeGreaterThan(1);
  });
});

describe('what a prompt costs', () => {
  it.each([
    ['no message: the reply priming only', [], 3],
    ['one empty message', [{ role: 'user', content: '' }], 3 + 4],
    [
      'two empty messages',
      [
        { role: 'system', content: '' },
        { role: 'user', content: '' },
      ],
      3 + 8,
    ],
    [
      'an image, whatever its detail',
      [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x', detail: 'low' } }] }],
      3 + 4 + 2500,
    ],
    [
      'audio by its bytes (32 a token)',
      [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'A'.repeat(4096) } }] }],
      3 + 4 + 96,
    ],
    [
      'a file by its bytes plus an image a KiB page',
      [{ role: 'user', content: [{ type: 'file', file: { file_data: 'A'.repeat(4096) } }] }],
      3 + 4 + 3072 + 3 * 2500,
    ],
    [
      'audio without data costs nothing more',
      [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }],
      3 + 4,
    ],
    ['a null content (assistant with tool calls only)', [{ role: 'assistant', content: null }], 3 + 4],
  ])('%s', async (_name, messages, expected) => {
    expect(await prompt(messages)).toBe(expected);
  });

  it('counts text parts, refusals, names and tool call ids as text', async () => {
    const counted = await prompt([
      { role: 'user', content: [{ type: 'text', text: 'hello world' }], name: 'alice' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'no way' }] },
      { role: 'tool', content: 'done', tool_call_id: 'call_1' },
    ]);
    const texts = ['hello world', 'alice', 'no way', 'done', 'call_1'];
    const sum = (await Promise.all(texts.map(tokens))).reduce((a, b) => a + b, 0);
    expect(counted).toBe(3 + 3 * 4 + 1 + sum);
  });

  it('counts tool calls, tools and the response format as their JSON', async () => {
    const toolCalls = [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }];
    const tools = [{ type: 'function', function: { name: 'f' } }];
    const format = { type: 'json_object' };
    const counted = await prompt([{ role: 'assistant', content: null, tool_calls: toolCalls }], {
      tools,
      response_format: format,
    });
    const json = [toolCalls, tools, format].map((value) => JSON.stringify(value));
    const sum = (await Promise.all(json.map(tokens))).reduce((a, b) => a + b, 0);
    expect(counted).toBe(3 + 4 + sum);
  });

  it('counts an unknown part type by its JSON rather than for free', async () => {
    const part = { type: 'video', url: 'https://example.com/v.mp4' };
    expect(await prompt([{ role: 'user', content: [part] }])).toBe(3 + 4 + (await tokens(JSON.stringify(part))));
  });

  it('bounds a prompt just over the exact size by its bytes, and counts one at the size exactly', async () => {
    const small = { ...counting, maxExactBytes: 1024 };
    const at = await countPrompt('cl100k_base', { messages: [{ role: 'user', content: 'a '.repeat(512) }] }, small);
    expect(at.exact).toBe(true);
    const over = await countPrompt(
      'cl100k_base',
      { messages: [{ role: 'user', content: `${'a '.repeat(512)}b` }] },
      small,
    );
    expect(over).toEqual({ tokens: 1025 + 3 + 4, exact: false });
  });

  it.each([
    [0, 1],
    [0.15, 1.15],
    [1, 2],
  ])('reserves the count plus a margin of %d, rounded up', async (margin, factor) => {
    const body = { messages: [{ role: 'user', content: 'hello world' }] };
    const exact = (await countPrompt('cl100k_base', body, counting)).tokens;
    expect(await estimatePromptTokens(body, { ...counting, margin })).toBe(Math.ceil(exact * factor));
  });

  it('adds no margin to a byte bound (already an upper bound)', async () => {
    const body = { messages: [{ role: 'user', content: 'x'.repeat(2000) }] };
    expect(await estimatePromptTokens(body, { maxExactBytes: 1024, imageTokens: 2500, margin: 0.5 })).toBe(2000 + 7);
  });

  it('takes its options from the configuration', () => {
    const config = parseConfig({
      LLM_PROMPT_ESTIMATE_MARGIN: '0.3',
      LLM_TOKENIZE_MAX_BYTES: '2048',
      LLM_IMAGE_TOKENS: '100',
    });
    expect(promptOptionsOf(config)).toEqual({ margin: 0.3, maxExactBytes: 2048, imageTokens: 100 });
  });
});

describe('counting a streamed answer', () => {
  it('counts nothing for an empty stream, role-only chunks and empty deltas', async () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] });
    tally.add({ choices: [{ index: 0, delta: { content: null } }] });
    tally.add({});
    expect(await tally.tokens()).toBe(0);
    expect(tally.identity()).toEqual({ id: undefined, model: undefined, created: undefined });
  });

  it('counts each choice apart (two choices saying the same count twice)', async () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({
      choices: [
        { index: 0, delta: { content: 'hello world' } },
        { index: 1, delta: { content: 'hello world' } },
      ],
    });
    expect(await tally.tokens()).toBe(2 * (await tokens('hello world')));
  });

  it('counts a legacy function call, its name and arguments apart', async () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({ choices: [{ delta: { function_call: { name: 'get_', arguments: '{"a":' } } }] });
    tally.add({ choices: [{ delta: { function_call: { name: 'time', arguments: '1}' } } }] });
    expect(await tally.tokens()).toBe((await tokens('get_time')) + (await tokens('{"a":1}')));
  });

  it('keeps counting after tokens() is read (a running total)', async () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({ choices: [{ delta: { content: 'hello' } }] });
    const first = await tally.tokens();
    tally.add({ choices: [{ delta: { content: ' world' } }] });
    expect(await tally.tokens()).toBe(first + (await tokens(' world')));
  });

  it('keeps the identity of the first chunk that had one', () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({ choices: [] });
    tally.add({ id: 'a', model: 'm1', created: 1 });
    tally.add({ id: 'b', model: 'm2', created: 2 });
    expect(tally.identity()).toEqual({ id: 'a', model: 'm1', created: 1 });
  });

  it.each([
    ['hello world', 1, 5],
    ['one two three', 1, 7],
    ['a  b', 1, -1],
    ['x = 1', 1, -1],
    ['hello 123', 1, -1],
    ['end. Next', 1, 4],
    ['über café', 1, 4],
    [' leading', 1, -1],
    ['one two three', 8, -1],
    ['', 1, -1],
  ])('the last safe cut of %j from %i is %i', (text, from, cut) => {
    expect(lastSafeCut(text, from)).toBe(cut);
  });
});

describe('building a chat.completion', () => {
  it('orders choices by index and keeps each one apart', () => {
    const acc = createCompletionAccumulator();
    acc.add({ choices: [{ index: 1, delta: { content: 'b' } }] });
    acc.add({ choices: [{ index: 0, delta: { content: 'a' }, finish_reason: 'stop' }] });
    acc.add({ choices: [{ index: 1, delta: {}, finish_reason: 'length' }] });
    const { choices } = acc.build('id', 'gpt-4', { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    expect(choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, 'a', 'stop'],
      [1, 'b', 'length'],
    ]);
  });

  it('joins reasoning from either field, refusals, a legacy function call and logprobs', () => {
    const acc = createCompletionAccumulator();
    acc.add({
      system_fingerprint: 'fp_1',
      choices: [{ delta: { reasoning_content: 'think ' }, logprobs: { content: [1] } }],
    });
    acc.add({ choices: [{ delta: { reasoning: 'more', refusal: 'no' }, logprobs: { content: [2] } }] });
    acc.add({ choices: [{ delta: { function_call: { name: 'f', arguments: '{' } } }] });
    acc.add({ choices: [{ delta: { function_call: { arguments: '}' } } }] });
    const built = acc.build('id', 'fallback-model', { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
    expect(built).toMatchObject({ model: 'fallback-model', system_fingerprint: 'fp_1' });
    expect(built.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: 'no',
        reasoning_content: 'think more',
        function_call: { name: 'f', arguments: '{}' },
      },
      logprobs: { content: [1, 2] },
      finish_reason: null,
    });
  });

  it('places tool calls without an index one after another', () => {
    const acc = createCompletionAccumulator();
    acc.add({ choices: [{ delta: { tool_calls: [{ id: 'a', function: { name: 'x', arguments: '1' } }] } }] });
    acc.add({ choices: [{ delta: { tool_calls: [{ id: 'b', function: { name: 'y', arguments: '2' } }] } }] });
    const message = acc.build('id', 'm', { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }).choices[0]!
      .message;
    expect(message.tool_calls?.map((call) => [call.id, call.function.name])).toEqual([
      ['a', 'x'],
      ['b', 'y'],
    ]);
  });

  it.each([
    [{ choices: [{ delta: { content: 'x' } }] }, true],
    [{ choices: [{ delta: { reasoning_content: 'x' } }] }, true],
    [{ choices: [{ delta: { reasoning: 'x' } }] }, true],
    [{ choices: [{ delta: { refusal: 'x' } }] }, true],
    [{ choices: [{ delta: { tool_calls: [{ index: 0 }] } }] }, true],
    [{ choices: [{ delta: { function_call: {} } }] }, true],
    [{ choices: [{ delta: {}, finish_reason: 'stop' }] }, true],
    [{ choices: [{ delta: { role: 'assistant' } }] }, false],
    [{ choices: [{ delta: { tool_calls: [] } }] }, false],
    [{ choices: [] }, false],
    [{ usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }, false],
  ])('%j is meaningful: %s', (chunk, meaningful) => {
    expect(isMeaningfulChunk(chunk)).toBe(meaningful);
  });
});
