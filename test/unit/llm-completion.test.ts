import { describe, expect, it } from 'vitest';
import { createCompletionAccumulator, isMeaningfulChunk } from '../../src/domain/llm/completion.js';

describe('building a chat.completion from chunks', () => {
  it('merges content, tool-call deltas and finish reasons', () => {
    const acc = createCompletionAccumulator();
    const chunks = [
      { model: 'gpt-4-0613', created: 1, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { choices: [{ index: 0, delta: { content: 'Let me ' } }] },
      { choices: [{ index: 0, delta: { content: 'check.' } }] },
      {
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_', arguments: '{"ci' } }],
            },
          },
        ],
      },
      {
        choices: [
          { index: 0, delta: { tool_calls: [{ index: 0, function: { name: 'weather', arguments: 'ty":"Oslo"}' } }] } },
        ],
      },
      { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    ];
    for (const chunk of chunks) acc.add(chunk);
    const completion = acc.build('chatcmpl-x', 'gpt-4', { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 });
    expect(completion).toMatchObject({
      id: 'chatcmpl-x',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4-0613',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          logprobs: null,
          message: {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
            ],
          },
        },
      ],
      usage: { total_tokens: 12 },
    });
  });

  it('tells role-only chunks from generated ones', () => {
    expect(isMeaningfulChunk({ choices: [{ delta: { role: 'assistant', content: '' } }] })).toBe(false);
    expect(isMeaningfulChunk({ choices: [{ delta: { content: 'x' } }] })).toBe(true);
    expect(isMeaningfulChunk({ choices: [{ delta: {}, finish_reason: 'stop' }] })).toBe(true);
  });

  it('answers an empty completion when nothing was generated', () => {
    const completion = createCompletionAccumulator().build('id', 'gpt-4', {
      prompt_tokens: 1,
      completion_tokens: 0,
      total_tokens: 1,
    });
    expect(completion.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: null, refusal: null }, logprobs: null, finish_reason: null },
    ]);
  });
});
