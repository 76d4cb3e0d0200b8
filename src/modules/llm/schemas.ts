import { z } from 'zod';
import { LLM_ID_PATTERN, LLM_STATUSES } from '../../../queues/index.js';
import { ErrorSchema } from '../../lib/openapi.js';

// The OpenAI Chat Completions request: known fields are validated, unknown ones pass through to the upstream.

const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });
const imagePart = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string().min(1), detail: z.enum(['auto', 'low', 'high']).optional() }),
});
const audioPart = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string(), format: z.string() }),
});
// Only inline files: a `file_id` names an upload this proxy never saw, whose size (and cost) it cannot know.
const filePart = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({ file_data: z.string().min(1), filename: z.string().optional() }),
});
const refusalPart = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

const userPart = z.discriminatedUnion('type', [textPart, imagePart, audioPart, filePart]);
const assistantPart = z.discriminatedUnion('type', [textPart, refusalPart]);

const textContent = z.union([z.string(), z.array(textPart).min(1)]);
const name = z.string().min(1).max(64).optional();

const toolCall = z.looseObject({
  id: z.string(),
  type: z.string().default('function'),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

export const chatMessageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: textContent, name }),
  z.looseObject({ role: z.literal('developer'), content: textContent, name }),
  z.looseObject({ role: z.literal('user'), content: z.union([z.string(), z.array(userPart).min(1)]), name }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z
      .union([z.string(), z.array(assistantPart)])
      .nullable()
      .optional(),
    name,
    refusal: z.string().nullable().optional(),
    tool_calls: z.array(toolCall).optional(),
    function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullable().optional(),
  }),
  z.looseObject({ role: z.literal('tool'), content: textContent, tool_call_id: z.string().min(1) }),
  z.looseObject({ role: z.literal('function'), content: z.string().nullable(), name: z.string().min(1) }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

const tool = z.looseObject({
  type: z.string(),
  function: z
    .looseObject({
      name: z.string().min(1).max(64),
      description: z.string().optional(),
      parameters: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

const tokenLimit = z.number().int().min(1).max(1_000_000).nullable().optional();

/**
 * Parameters that make a request cost more than its tokens at the model's base rate, which the quota (counted
 * in tokens) could not account for: refused with 400 (see the README). Their harmless values pass.
 */
const COST_MULTIPLIERS: Record<string, string> = {
  service_tier: "only 'auto' and 'default' are accepted (other tiers are billed at other rates)",
  modalities: "only ['text'] is accepted (audio output is billed at audio rates)",
  audio: 'audio output is billed at audio rates',
  prediction: 'predicted outputs bill rejected prediction tokens beyond max_tokens',
  web_search_options: 'web search is billed per search on top of tokens',
};

function isHarmless(field: string, value: unknown): boolean {
  if (field === 'service_tier') return value === 'auto' || value === 'default';
  if (field === 'modalities') return Array.isArray(value) && value.every((modality) => modality === 'text');
  return false;
}

export const chatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).max(256),
    messages: z.array(chatMessageSchema).min(1).max(4096),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    max_tokens: tokenLimit,
    max_completion_tokens: tokenLimit,
    n: z.number().int().min(1).nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    presence_penalty: z.number().min(-2).max(2).nullable().optional(),
    frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string()).max(4)])
      .nullable()
      .optional(),
    seed: z.number().int().nullable().optional(),
    user: z.string().max(256).optional(),
    logprobs: z.boolean().nullable().optional(),
    top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
    logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullable().optional(),
    tools: z.array(tool).max(128).optional(),
    tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    parallel_tool_calls: z.boolean().optional(),
    response_format: z.looseObject({ type: z.string() }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.n !== undefined && body.n !== null && body.n !== 1) {
      ctx.addIssue({ code: 'custom', path: ['n'], message: 'only n=1 is supported' });
    }
    for (const [field, why] of Object.entries(COST_MULTIPLIERS)) {
      if (!(field in body) || body[field] === null || isHarmless(field, body[field])) continue;
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is not supported: ${why}` });
    }
  })
  .openapi('ChatCompletionRequest');
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

const usageSchema = z
  .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
  .openapi('CompletionUsage');

/** A tool call the model made (OpenAI's shape). */
export const toolCallSchema = z
  .object({
    id: z.string(),
    type: z.literal('function'),
    function: z.object({
      name: z.string(),
      arguments: z.string().describe('The arguments as JSON text, as the model wrote them (validate before use)'),
    }),
  })
  .openapi('ChatCompletionMessageToolCall');

/** A piece of a tool call in a stream: `index` says which call it extends; id, type and name come in its first piece. */
export const toolCallDeltaSchema = z
  .object({
    index: z.number().int(),
    id: z.string().optional(),
    type: z.literal('function').optional(),
    function: z.object({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
  })
  .openapi('ChatCompletionMessageToolCallChunk');

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number(),
        message: z.object({
          role: z.literal('assistant'),
          content: z.string().nullable(),
          refusal: z.string().nullable().optional(),
          tool_calls: z.array(toolCallSchema).optional(),
        }),
        logprobs: z.unknown().nullable(),
        finish_reason: z.string().nullable(),
      }),
    ),
    usage: usageSchema,
  })
  .openapi('ChatCompletion');

export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion.chunk'),
    created: z.number(),
    model: z.string(),
    system_fingerprint: z.string().nullable().optional(),
    choices: z.array(
      z.object({
        index: z.number(),
        delta: z.object({
          role: z.literal('assistant').optional(),
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
          tool_calls: z.array(toolCallDeltaSchema).optional(),
        }),
        logprobs: z.unknown().nullable().optional(),
        finish_reason: z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']).nullable(),
      }),
    ),
    usage: usageSchema
      .nullable()
      .optional()
      .describe('Only in the last chunk, whose choices are empty, when stream_options.include_usage is true'),
  })
  .openapi('ChatCompletionChunk');

/**
 * The `data` of one SSE event of a chat stream (an event stream has no schema of its own in OpenAPI 3.1: this is
 * what each event carries, as OpenAI's own document describes its streams).
 */
export const chatCompletionStreamEventSchema = z
  .union([chatCompletionChunkSchema, ErrorSchema])
  .openapi('ChatCompletionStreamEvent', {
    description:
      'Server-Sent Events. Each event is `id: <event id>` and `data: <JSON>`: a `chat.completion.chunk`, or, when the ' +
      'request fails after the stream started, the error (`{"error": {...}}`, its code one of the operation\'s). ' +
      'The stream ends with `data: [DONE]`. Comment lines (`: keep-alive`) may come between events. Keep the last ' +
      '`id`: GET /llm/requests/{id}/stream with it as `Last-Event-ID` continues after it, with no gap and no duplicate.',
  });

export const modelSchema = z
  .object({ id: z.string(), object: z.literal('model'), created: z.number(), owned_by: z.string() })
  .openapi('Model');
export const modelListSchema = z.object({ object: z.literal('list'), data: z.array(modelSchema) }).openapi('ModelList');

export const requestIdParamsSchema = z.object({ id: z.string().regex(LLM_ID_PATTERN, 'not an LLM request id') });
export const modelParamsSchema = z.object({ model: z.string().min(1).max(256) });

export const llmRequestStatusSchema = z
  .object({
    id: z.string(),
    object: z.literal('llm.request'),
    status: z.enum(LLM_STATUSES),
    model: z.string(),
    stream: z.boolean(),
    created: z.number().describe('Unix seconds'),
    started_at: z.number().nullable(),
    finished_at: z.number().nullable(),
    provider: z.string().nullable(),
    streamed_chunks: z.number().describe('Chunks produced so far (about one token each)'),
    usage: usageSchema.extend({ source: z.enum(['reported', 'counted', 'none']) }).nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    cancel_requested: z.boolean(),
  })
  .openapi('LlmRequestStatus');
export type LlmRequestStatus = z.infer<typeof llmRequestStatusSchema>;
