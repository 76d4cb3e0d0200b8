import { BadRequestError } from '../../../lib/errors.js';
import { chatCompletionRequestSchema, type ChatCompletionRequest } from '../schemas.js';
import type { ResponseCreateRequest } from './schemas.js';

/**
 * A Responses request as the chat completion the upstream serves. The request was validated against the Responses
 * schema first, so every item and part here has the shape it names.
 */

type Part = Record<string, unknown> & { type: string };
type Item = Record<string, unknown>;
type ChatMessage = Record<string, unknown>;

/** Text parts of any message or tool output, joined. */
const textOf = (content: string | Part[]): string =>
  typeof content === 'string' ? content : content.map((p) => (p.text ?? p.refusal ?? '') as string).join('');

function userPart(part: Part): Record<string, unknown> {
  switch (part.type) {
    case 'input_image':
      return {
        type: 'image_url',
        image_url: { url: part.image_url, ...(part.detail ? { detail: part.detail } : {}) },
      };
    case 'input_file':
      return {
        type: 'file',
        file: { file_data: part.file_data, ...(part.filename ? { filename: part.filename } : {}) },
      };
    case 'input_audio':
      return { type: 'input_audio', input_audio: part.input_audio };
    default:
      return { type: 'text', text: part.text };
  }
}

function messageOf(item: Item): ChatMessage {
  const role = item.role as string;
  const content = item.content as string | Part[];
  if (role === 'user')
    return { role, content: typeof content === 'string' ? content : content.map((p) => userPart(p)) };
  if (role === 'assistant') {
    const parts = typeof content === 'string' ? [] : content;
    const refusal = parts.filter((p) => p.type === 'refusal').map((p) => p.refusal as string);
    const text = typeof content === 'string' ? content : textOf(parts.filter((p) => p.type !== 'refusal'));
    return { role, content: text, ...(refusal.length ? { refusal: refusal.join('') } : {}) };
  }
  return { role, content: typeof content === 'string' ? content : [{ type: 'text', text: textOf(content) }] };
}

/** Input items as chat messages: function calls join the assistant turn before them, outputs become tool messages. */
export function messagesOf(body: ResponseCreateRequest): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (body.instructions) messages.push({ role: 'system', content: body.instructions });
  if (typeof body.input === 'string') {
    messages.push({ role: 'user', content: body.input });
    return messages;
  }
  for (const item of body.input as Item[]) {
    const type = item.type ?? 'message';
    if (type === 'message') messages.push(messageOf(item));
    else if (type === 'function_call') {
      const call = { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } };
      const last = messages.at(-1);
      if (last?.role === 'assistant') last.tool_calls = [...((last.tool_calls as unknown[]) ?? []), call];
      else messages.push({ role: 'assistant', content: null, tool_calls: [call] });
    } else if (type === 'function_call_output') {
      messages.push({ role: 'tool', tool_call_id: item.call_id, content: textOf(item.output as string | Part[]) });
    }
  }
  return messages;
}

function toolsOf(body: ResponseCreateRequest) {
  if (!body.tools?.length) return {};
  const tools = body.tools.map((tool) => {
    const { name, description, parameters, strict } = tool as Record<string, unknown>;
    const fn: Record<string, unknown> = { name };
    if (description) fn.description = description;
    if (parameters) fn.parameters = parameters;
    if (typeof strict === 'boolean') fn.strict = strict;
    return { type: 'function', function: fn };
  });
  const choice = body.tool_choice;
  return {
    tools,
    ...(choice === undefined
      ? {}
      : { tool_choice: typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } } }),
    ...(typeof body.parallel_tool_calls === 'boolean' ? { parallel_tool_calls: body.parallel_tool_calls } : {}),
  };
}

function responseFormatOf(body: ResponseCreateRequest) {
  const format = body.text?.format;
  if (!format || format.type === 'text') return {};
  if (format.type === 'json_object') return { response_format: { type: 'json_object' } };
  const { name, schema, description, strict } = format as Record<string, unknown>;
  return {
    response_format: {
      type: 'json_schema',
      json_schema: { name, schema, ...(description ? { description } : {}), ...(strict != null ? { strict } : {}) },
    },
  };
}

/** Fields that mean the same in both APIs, copied when set. */
const SAME = ['temperature', 'top_p', 'user', 'safety_identifier', 'prompt_cache_key', 'service_tier'] as const;

export function toChatRequest(body: ResponseCreateRequest): ChatCompletionRequest {
  const chat: Record<string, unknown> = {
    model: body.model,
    messages: messagesOf(body),
    stream: body.stream === true,
    ...toolsOf(body),
    ...responseFormatOf(body),
  };
  for (const field of SAME) if (body[field] !== undefined && body[field] !== null) chat[field] = body[field];
  if (typeof body.max_output_tokens === 'number') chat.max_tokens = body.max_output_tokens;
  if (body.reasoning?.effort) chat.reasoning_effort = body.reasoning.effort;
  if (body.text?.verbosity) chat.verbosity = body.text.verbosity;
  const result = chatCompletionRequestSchema.safeParse(chat);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new BadRequestError(`input cannot be served as a chat completion: ${issue.message}`, {
      code: 'validation_error',
      param: 'input',
    });
  }
  return result.data;
}
