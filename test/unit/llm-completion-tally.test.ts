import { describe, expect, it } from 'vitest';
import { createCompletionTally, lastSafeCut } from '../../src/domain/llm/completion-tally.js';
import { countTokens } from '../../src/domain/llm/tokenizer.js';

/** Feeds `text` as content deltas of pseudo-random sizes (1 to 40 characters), as an upstream streams it. */
function streamInto(tally: ReturnType<typeof createCompletionTally>, text: string, seed = 7): void {
  let state = seed;
  for (let at = 0; at < text.length;) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const size = 1 + (state % 40);
    tally.add({
      id: 'c1',
      model: 'm',
      created: 1,
      choices: [{ index: 0, delta: { content: text.slice(at, at + size) } }],
    });
    at += size;
  }
}

const prose = Array.from(
  { length: 900 },
  (_, i) =>
    `Line ${i}: the quick brown fox, ${i * 37} times, jumps over "the lazy dog" — naïve café ${'ü'.repeat(i % 3)}.\n`,
).join('');
const code = Array.from(
  { length: 700 },
  (_, i) => `function f${i}(a, b) {\n  return a * ${i} + b; // check ${i}\n}\n\n`,
).join('');

describe('the completion tally', () => {
  it('counts a long answer streamed in small deltas exactly as the tokenizer counts it whole', async () => {
    for (const [model, text] of [
      ['gpt-4', prose],
      ['gpt-4', code],
      ['gpt-4o', prose],
      ['gpt-4o', code],
    ] as const) {
      const tally = createCompletionTally(model);
      streamInto(tally, text);
      expect(await tally.tokens()).toBe(await countTokens(model, text));
    }
  });

  it('counts reasoning, content and each tool call part apart, and remembers the stream identity', async () => {
    const tally = createCompletionTally('gpt-4');
    tally.add({
      id: 'chatcmpl-1',
      model: 'gpt-4-0613',
      created: 5,
      choices: [{ index: 0, delta: { reasoning_content: 'Think first.', content: 'Let me check.' } }],
    });
    tally.add({
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"ci' } }] },
        },
      ],
    });
    tally.add({
      choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Oslo"}' } }] } }],
    });
    const expected =
      (await countTokens('gpt-4', 'Think first.')) +
      (await countTokens('gpt-4', 'Let me check.')) +
      (await countTokens('gpt-4', 'get_weather')) +
      (await countTokens('gpt-4', '{"city":"Oslo"}'));
    expect(await tally.tokens()).toBe(expected);
    expect(tally.identity()).toEqual({ id: 'chatcmpl-1', model: 'gpt-4-0613', created: 5 });
  });

  it('counts an answer with no safe cut by forcing one past the bound', async () => {
    const text = 'x'.repeat(200_000);
    const tally = createCompletionTally('gpt-4');
    streamInto(tally, text);
    const counted = await tally.tokens();
    const whole = await countTokens('gpt-4', text);
    expect(Math.abs(counted - whole)).toBeLessThanOrEqual(4);
  });

  it('cuts only before a word that follows a non-space', () => {
    expect(lastSafeCut('hello world')).toBe(5);
    expect(lastSafeCut('a  b')).toBe(-1);
    expect(lastSafeCut('x = 1')).toBe(-1);
    expect(lastSafeCut('one two three', 5)).toBe(7);
    expect(lastSafeCut('one two', 5)).toBe(-1);
  });
});
