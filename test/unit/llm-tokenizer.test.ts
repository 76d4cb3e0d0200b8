import { describe, expect, it } from 'vitest';
import { countPromptTokens, countTokens, encodingForModel, estimatePromptTokens } from '../../src/modules/llm/tokenizer.js';

const options = { margin: 0.15, maxChars: 65_536 };

describe('prompt token estimates', () => {
  it('counts with a real tokenizer and stays above the exact count', async () => {
    const body = { model: 'gpt-4', messages: [{ role: 'system', content: 'You are terse.' }, { role: 'user', content: 'Write a haiku about Redis streams.' }] };
    const exact = await countPromptTokens('gpt-4', body);
    expect(exact).toBe(3 + 4 + (await countTokens('gpt-4', 'You are terse.')) + 4 + (await countTokens('gpt-4', 'Write a haiku about Redis streams.')));
    expect(estimatePromptTokens(body, options)).toBe(Math.ceil(exact * 1.15));
    // cl100k_base over-counts o200k models, so the API's estimate is an upper bound for them too.
    const o200k = { ...body, model: 'gpt-4o' };
    expect(encodingForModel('gpt-4o')).toBe('o200k_base');
    expect(estimatePromptTokens(o200k, options)).toBeGreaterThanOrEqual(await countPromptTokens('gpt-4o', o200k));
  });

  it('counts images, tools and special-token text without throwing', () => {
    const body = {
      model: 'gpt-4',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'what is <|endoftext|> here' }, { type: 'image_url', image_url: { url: 'x', detail: 'low' } }] }],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
    };
    expect(estimatePromptTokens(body, { margin: 0, maxChars: 65_536 })).toBeGreaterThan(85 + 7);
  });

  it('estimates a very long prompt from a sample, still above the exact count', async () => {
    const text = 'function add(a, b) { return a + b; } // sums two numbers\n'.repeat(3000);
    const body = { model: 'gpt-4', messages: [{ role: 'user', content: text }] };
    const sampled = estimatePromptTokens(body, { margin: 0, maxChars: 10_000 });
    expect(sampled).toBeGreaterThanOrEqual(await countPromptTokens('gpt-4', body));
    expect(sampled).toBeLessThan((await countPromptTokens('gpt-4', body)) * 1.2);
  });
});
