import type { ChatCompletionChunk } from '../../../domain/llm/completion.js';
import type { EndRecord } from '../../../../queues/index.js';

/**
 * Builds a Responses answer from the chat stream the worker wrote: the events of a streamed response as each chunk
 * arrives, and the final response object. Deterministic for a given stream (ids, output indexes, sequence numbers),
 * so a client that resumes gets the very events it would have had.
 */

export interface ResponseEvent {
  type: string;
  sequence_number: number;
  [key: string]: unknown;
}

/** What the response object repeats of its request. */
export type ResponseEcho = Record<string, unknown> & { model: string };

interface TextPart {
  kind: 'output_text' | 'refusal';
  index: number;
  text: string;
}

type OutputItem =
  | { type: 'message'; id: string; outputIndex: number; parts: TextPart[] }
  | { type: 'reasoning'; id: string; outputIndex: number; text: string }
  | { type: 'function_call'; id: string; outputIndex: number; callId: string; name: string; arguments: string };

export interface ClientFailure {
  code: string;
  message: string;
}

const usageOf = (end: EndRecord) => ({
  input_tokens: end.outcome.prompt_tokens,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: end.outcome.completion_tokens,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: end.outcome.prompt_tokens + end.outcome.completion_tokens,
});

/** Why a response that completed is incomplete, from the chat finish reason. */
const INCOMPLETE: Record<string, string> = { length: 'max_output_tokens', content_filter: 'content_filter' };

export function createResponseBuilder(options: { id: string; createdAt: number; echo: ResponseEcho }) {
  const { id, createdAt, echo } = options;
  const suffix = id.replace(/^resp_/, '');
  const items: OutputItem[] = [];
  const calls = new Map<number, Extract<OutputItem, { type: 'function_call' }>>();
  let message: Extract<OutputItem, { type: 'message' }> | undefined;
  let reasoning: Extract<OutputItem, { type: 'reasoning' }> | undefined;
  let sequence = 0;
  let finishReason: string | null = null;
  let status: 'in_progress' | 'completed' | 'incomplete' | 'failed' = 'in_progress';
  let usage: ReturnType<typeof usageOf> | null = null;
  let error: ClientFailure | null = null;
  let started = false;

  const event = (type: string, fields: Record<string, unknown>): ResponseEvent => ({
    type,
    sequence_number: sequence++,
    ...fields,
  });

  function itemJson(item: OutputItem, done: boolean): Record<string, unknown> {
    const itemStatus = done ? 'completed' : 'in_progress';
    if (item.type === 'message')
      return {
        type: 'message',
        id: item.id,
        status: itemStatus,
        role: 'assistant',
        content: done ? item.parts.map(partJson) : [],
      };
    if (item.type === 'reasoning')
      return {
        type: 'reasoning',
        id: item.id,
        summary: [],
        ...(done ? { content: [{ type: 'reasoning_text', text: item.text }] } : {}),
      };
    return {
      type: 'function_call',
      id: item.id,
      call_id: item.callId,
      name: item.name,
      arguments: done ? item.arguments : '',
      status: itemStatus,
    };
  }

  const partJson = (part: TextPart) =>
    part.kind === 'output_text'
      ? { type: 'output_text', text: part.text, annotations: [], logprobs: [] }
      : { type: 'refusal', refusal: part.text };

  function response(): Record<string, unknown> {
    const done = status !== 'in_progress';
    return {
      id,
      object: 'response',
      created_at: createdAt,
      status,
      error,
      incomplete_details: status === 'incomplete' ? { reason: INCOMPLETE[finishReason ?? ''] } : null,
      output: done ? items.map((item) => itemJson(item, true)) : [],
      usage,
      store: false,
      previous_response_id: null,
      ...echo,
    };
  }

  function addItem<T extends OutputItem>(item: T, out: ResponseEvent[]): T {
    items.push(item);
    out.push(event('response.output_item.added', { output_index: item.outputIndex, item: itemJson(item, false) }));
    return item;
  }

  /** The message's part of this kind, added (with its events) when it is the first. */
  function partOf(kind: TextPart['kind'], out: ResponseEvent[]): { item: NonNullable<typeof message>; part: TextPart } {
    message ??= addItem(
      { type: 'message', id: `msg_${suffix}_${items.length}`, outputIndex: items.length, parts: [] },
      out,
    );
    let part = message.parts.find((p) => p.kind === kind);
    if (!part) {
      part = { kind, index: message.parts.length, text: '' };
      message.parts.push(part);
      out.push(
        event('response.content_part.added', {
          item_id: message.id,
          output_index: message.outputIndex,
          content_index: part.index,
          part: partJson(part),
        }),
      );
    }
    return { item: message, part };
  }

  function textDelta(kind: TextPart['kind'], delta: string, out: ResponseEvent[]): void {
    const { item, part } = partOf(kind, out);
    part.text += delta;
    const where = { item_id: item.id, output_index: item.outputIndex, content_index: part.index };
    out.push(
      kind === 'output_text'
        ? event('response.output_text.delta', { ...where, delta, logprobs: [] })
        : event('response.refusal.delta', { ...where, delta }),
    );
  }

  function reasoningDelta(delta: string, out: ResponseEvent[]): void {
    reasoning ??= addItem(
      { type: 'reasoning', id: `rs_${suffix}_${items.length}`, outputIndex: items.length, text: '' },
      out,
    );
    reasoning.text += delta;
    out.push(
      event('response.reasoning_text.delta', {
        item_id: reasoning.id,
        output_index: reasoning.outputIndex,
        content_index: 0,
        delta,
      }),
    );
  }

  function toolCallDelta(
    call: { index?: number; id?: string; function?: { name?: string; arguments?: string } },
    out: ResponseEvent[],
  ): void {
    const index = call.index ?? calls.size;
    let item = calls.get(index);
    if (!item) {
      const outputIndex = items.length;
      item = addItem(
        {
          type: 'function_call',
          id: `fc_${suffix}_${outputIndex}`,
          outputIndex,
          callId: call.id ?? `call_${suffix}_${outputIndex}`,
          name: call.function?.name ?? '',
          arguments: '',
        },
        out,
      );
      calls.set(index, item);
    } else if (call.function?.name) item.name += call.function.name;
    const delta = call.function?.arguments;
    if (!delta) return;
    item.arguments += delta;
    out.push(
      event('response.function_call_arguments.delta', { item_id: item.id, output_index: item.outputIndex, delta }),
    );
  }

  /** The first events of a stream: the response exists and is being generated. */
  function start(): ResponseEvent[] {
    if (started) return [];
    started = true;
    return [
      event('response.created', { response: response() }),
      event('response.in_progress', { response: response() }),
    ];
  }

  /** The events one chat chunk adds (the first choice only: a Responses answer has one). */
  function chunk(data: ChatCompletionChunk): ResponseEvent[] {
    const out = start();
    const choice = data.choices?.find((c) => (c.index ?? 0) === 0);
    if (!choice) return out;
    const delta = choice.delta ?? {};
    const thought = delta.reasoning_content ?? delta.reasoning;
    if (thought) reasoningDelta(thought, out);
    if (delta.content) textDelta('output_text', delta.content, out);
    if (delta.refusal) textDelta('refusal', delta.refusal, out);
    for (const call of delta.tool_calls ?? []) toolCallDelta(call, out);
    if (choice.finish_reason) finishReason = choice.finish_reason;
    return out;
  }

  function closeItem(item: OutputItem, out: ResponseEvent[]): void {
    const where = { item_id: item.id, output_index: item.outputIndex };
    if (item.type === 'message') {
      for (const part of item.parts) {
        const at = { ...where, content_index: part.index };
        out.push(
          part.kind === 'output_text'
            ? event('response.output_text.done', { ...at, text: part.text, logprobs: [] })
            : event('response.refusal.done', { ...at, refusal: part.text }),
        );
        out.push(event('response.content_part.done', { ...at, part: partJson(part) }));
      }
    } else if (item.type === 'reasoning') {
      out.push(event('response.reasoning_text.done', { ...where, content_index: 0, text: item.text }));
    } else {
      out.push(
        event('response.function_call_arguments.done', { ...where, name: item.name, arguments: item.arguments }),
      );
    }
    out.push(event('response.output_item.done', { output_index: item.outputIndex, item: itemJson(item, true) }));
  }

  /**
   * The closing events: every item done, then response.completed (or response.incomplete when the answer hit its
   * token limit), or, for a request that failed or was stopped, an error event and response.failed.
   */
  function finish(end: EndRecord, failure: ClientFailure | null): ResponseEvent[] {
    const out = start();
    // A completed answer with nothing in it still has its (empty) message, so `output_text` reads as ''.
    if (!failure && items.length === 0) partOf('output_text', out);
    for (const item of items) closeItem(item, out);
    usage = usageOf(end);
    if (failure) {
      status = 'failed';
      error = failure;
      out.push(event('error', { code: failure.code, message: failure.message, param: null }));
      out.push(event('response.failed', { response: response() }));
    } else {
      status = finishReason && INCOMPLETE[finishReason] ? 'incomplete' : 'completed';
      out.push(event(status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: response() }));
    }
    return out;
  }

  return { chunk, finish, response };
}
export type ResponseBuilder = ReturnType<typeof createResponseBuilder>;
