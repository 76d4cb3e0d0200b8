import { describe, expect, it } from 'vitest';
import '../../src/lib/openapi.js';
import type { EndRecord } from '../../queues/index.js';
import { createResponseBuilder } from '../../src/modules/llm/responses/events.js';
import { responseCreateSchema } from '../../src/modules/llm/responses/schemas.js';
import { toChatRequest } from '../../src/modules/llm/responses/to-chat.js';

const end = (prompt: number, completion: number): EndRecord => ({
  status: 'completed',
  outcome: {
    status: 'completed',
    prompt_tokens: prompt,
    completion_tokens: completion,
    usage_source: 'reported',
    provider: 'a4f',
    error_code: null,
    ttft_ms: 1,
    duration_ms: 2,
  },
});
const builder = () => createResponseBuilder({ id: 'resp_abc', createdAt: 1, echo: { model: 'gpt-4' } });
const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('Responses to chat completions', () => {
  it('turns items into messages: instructions first, function calls on the assistant turn, outputs as tool messages', () => {
    const body = responseCreateSchema.parse({
      model: 'gpt-4',
      instructions: 'Be terse.',
      input: [
        { role: 'developer', content: [{ type: 'input_text', text: 'House rules.' }] },
        {
          type: 'message',
          role: 'user',
          content: [
            { type: 'input_text', text: 'Look:' },
            { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'low' },
          ],
        },
        { role: 'assistant', content: [{ type: 'output_text', text: 'Calling two tools.', annotations: [] }] },
        { type: 'function_call', call_id: 'c1', name: 'a', arguments: '{}' },
        { type: 'function_call', call_id: 'c2', name: 'b', arguments: '{"x":1}' },
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { type: 'function_call_output', call_id: 'c1', output: 'one' },
        { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: 'two' }] },
      ],
      tools: [{ type: 'function', name: 'a', parameters: { type: 'object' } }],
      tool_choice: { type: 'function', name: 'a' },
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } },
      max_output_tokens: 50,
      reasoning: { effort: 'low' },
      parallel_tool_calls: false,
    });
    expect(toChatRequest(body)).toMatchObject({
      model: 'gpt-4',
      stream: false,
      max_tokens: 50,
      reasoning_effort: 'low',
      parallel_tool_calls: false,
      tools: [{ type: 'function', function: { name: 'a', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'a' } },
      response_format: { type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' }, strict: true } },
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'House rules.' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look:' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: 'Calling two tools.',
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'a', arguments: '{}' } },
            { id: 'c2', type: 'function', function: { name: 'b', arguments: '{"x":1}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'one' },
        { role: 'tool', tool_call_id: 'c2', content: 'two' },
      ],
    });
  });
});

describe('chat chunks to Responses events', () => {
  it('reasoning, text and refusal parts, and parallel function calls: each item added, streamed, then done in order', () => {
    const b = builder();
    const events = [
      ...b.chunk(chunk({ role: 'assistant', reasoning_content: 'Think' })),
      ...b.chunk(chunk({ reasoning_content: 'ing.' })),
      ...b.chunk(chunk({ content: 'Hi' })),
      ...b.chunk(chunk({ refusal: 'No.' })),
      ...b.chunk(
        chunk({
          tool_calls: [
            { index: 0, id: 'call_a', type: 'function', function: { name: 'a', arguments: '{"q"' } },
            { index: 1, id: 'call_b', type: 'function', function: { name: 'b', arguments: '' } },
          ],
        }),
      ),
      ...b.chunk(chunk({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] })),
      ...b.chunk(chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }, 'tool_calls')),
      ...b.finish(end(10, 20), null),
    ];
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const added = events.filter((e) => e.type === 'response.output_item.added');
    expect(added.map((e) => [e.output_index, (e.item as { type: string }).type])).toEqual([
      [0, 'reasoning'],
      [1, 'message'],
      [2, 'function_call'],
      [3, 'function_call'],
    ]);
    const done = events.filter((e) => e.type === 'response.function_call_arguments.done');
    expect(done.map((e) => [e.name, e.arguments])).toEqual([
      ['a', '{"q":1}'],
      ['b', '{}'],
    ]);
    expect(events.find((e) => e.type === 'response.reasoning_text.done')).toMatchObject({ text: 'Thinking.' });
    expect(events.find((e) => e.type === 'response.refusal.done')).toMatchObject({ refusal: 'No.', content_index: 1 });
    const completed = events.at(-1)!;
    expect(completed.type).toBe('response.completed');
    expect(completed.response).toMatchObject({
      status: 'completed',
      usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30 },
      output: [
        { type: 'reasoning', content: [{ type: 'reasoning_text', text: 'Thinking.' }] },
        {
          type: 'message',
          content: [
            { type: 'output_text', text: 'Hi' },
            { type: 'refusal', refusal: 'No.' },
          ],
        },
        { type: 'function_call', call_id: 'call_a', name: 'a', arguments: '{"q":1}' },
        { type: 'function_call', call_id: 'call_b', name: 'b', arguments: '{}' },
      ],
    });
    expect(b.response()).toEqual(completed.response);
  });

  it('an empty answer still has its (empty) message; a failure ends with error then response.failed', () => {
    const empty = builder().finish(end(3, 0), null);
    expect(empty.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    const b = builder();
    b.chunk(chunk({ content: 'par' }));
    const failed = b.finish(end(3, 1), { code: 'upstream_stream_interrupted', message: 'cut' });
    expect(failed.slice(-2).map((e) => e.type)).toEqual(['error', 'response.failed']);
    expect(failed.at(-1)!.response).toMatchObject({
      status: 'failed',
      error: { code: 'upstream_stream_interrupted' },
      output: [{ type: 'message', content: [{ text: 'par' }] }],
    });
  });
});
