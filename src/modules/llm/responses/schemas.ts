import { z } from 'zod';

/**
 * The OpenAI Responses request, as far as it can be served through an upstream's chat completions. What needs state
 * this API does not keep (stored responses and conversations, prompt templates, background runs) or tools it does
 * not run (OpenAI's built-in tools) is refused with 400 naming the parameter, as is any parameter it does not know.
 */

const part = {
  inputText: z.looseObject({ type: z.literal('input_text'), text: z.string() }),
  outputText: z.looseObject({ type: z.literal('output_text'), text: z.string() }),
  refusal: z.looseObject({ type: z.literal('refusal'), refusal: z.string() }),
  inputImage: z.looseObject({
    type: z.literal('input_image'),
    image_url: z.string().min(1, 'only images by URL or data URL are accepted (a file_id names an unseen upload)'),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
  // Only inline files: a file_id or file_url names content this API never saw, whose size (and cost) it cannot know.
  inputFile: z.looseObject({
    type: z.literal('input_file'),
    file_data: z.string().min(1, 'only inline files (file_data) are accepted'),
    filename: z.string().optional(),
  }),
  inputAudio: z.looseObject({
    type: z.literal('input_audio'),
    input_audio: z.looseObject({ data: z.string(), format: z.string() }),
  }),
};

const userPart = z.discriminatedUnion('type', [
  part.inputText,
  part.outputText,
  part.inputImage,
  part.inputFile,
  part.inputAudio,
]);
const textPart = z.discriminatedUnion('type', [part.inputText, part.outputText]);
const assistantPart = z.discriminatedUnion('type', [part.inputText, part.outputText, part.refusal]);

/** Parts each role may send (system and developer: text only, as chat completions take them). */
const roleParts: Record<string, z.ZodType> = {
  user: userPart,
  assistant: assistantPart,
  system: textPart,
  developer: textPart,
};

/** A message item, its content a text or parts (checked as one or the other, so an error names the part). */
const messageSchema = (content: unknown, role: unknown) =>
  z.looseObject({
    type: z.literal('message').optional(),
    role: z.enum(['user', 'assistant', 'system', 'developer']),
    content: typeof content === 'string' ? z.string() : z.array(roleParts[String(role)] ?? textPart).min(1),
  });

/** Input items other than messages, by their `type`. */
const inputItemSchemas = {
  function_call: z.looseObject({
    type: z.literal('function_call'),
    call_id: z.string().min(1),
    name: z.string().min(1).max(64),
    arguments: z.string(),
  }),
  function_call_output: z.looseObject({
    type: z.literal('function_call_output'),
    call_id: z.string().min(1),
    output: z.union([z.string(), z.array(textPart)]),
  }),
  // Reasoning from an earlier turn: chat completions take no such input, and the model needs none to go on.
  reasoning: z.looseObject({ type: z.literal('reasoning') }),
};

const functionTool = z.looseObject({
  type: z.literal('function'),
  name: z.string().min(1).max(64),
  description: z.string().nullable().optional(),
  parameters: z.record(z.string(), z.unknown()).nullable().optional(),
  strict: z.boolean().nullable().optional(),
});

const toolChoice = z.union([
  z.enum(['auto', 'none', 'required']),
  z.looseObject({ type: z.literal('function'), name: z.string().min(1) }),
]);

const textFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    name: z.string().min(1).max(64),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullable().optional(),
  }),
]);

/** Parameters that need what this API does not keep or run, with why. */
const UNSUPPORTED: Record<string, string> = {
  previous_response_id: 'responses are not stored here: send the whole conversation in `input`',
  conversation: 'conversations are not stored here: send the whole conversation in `input`',
  prompt: 'stored prompt templates are not available here: send `instructions` and `input`',
  background: 'background responses are not available here: stream instead',
  top_logprobs: 'log probabilities are not returned by this API',
};

const isUnset = (value: unknown) => value === undefined || value === null || value === false || value === 0;

/** Built-in tools OpenAI runs itself; an upstream's chat completions cannot. */
const builtInToolMessage = (type: string) =>
  `the built-in tool \`${type}\` is not available here: only tools of type "function" are`;

const tokenLimit = z.number().int().min(1).max(1_000_000).nullable().optional();

const shape = {
  model: z.string().min(1).max(256),
  input: z.union([
    z.string(),
    z
      .array(z.looseObject({ type: z.string().optional() }))
      .min(1)
      .max(4096),
  ]),
  instructions: z.string().nullable().optional(),
  max_output_tokens: tokenLimit,
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({}).nullable().optional(),
  tools: z
    .array(z.looseObject({ type: z.string() }))
    .max(128)
    .optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z
    .looseObject({ format: textFormat.optional(), verbosity: z.enum(['low', 'medium', 'high']).nullable().optional() })
    .optional(),
  reasoning: z
    .looseObject({
      effort: z.string().nullable().optional(),
      summary: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  /** Accepted for compatibility (OpenAI's default is true); nothing is stored, and the answer says `store: false`. */
  store: z.boolean().nullable().optional(),
  metadata: z.record(z.string(), z.string().max(512)).nullable().optional(),
  user: z.string().max(256).optional(),
  safety_identifier: z.string().max(256).optional(),
  prompt_cache_key: z.string().max(256).optional(),
  prompt_cache_retention: z.string().nullable().optional(),
  include: z.array(z.string()).nullable().optional(),
  truncation: z.enum(['auto', 'disabled']).nullable().optional(),
  service_tier: z.string().nullable().optional(),
  max_tool_calls: z.number().int().min(1).nullable().optional(),
};

function checkInput(items: Array<Record<string, unknown>>, ctx: z.RefinementCtx): void {
  items.forEach((item, index) => {
    const type = item.type ?? 'message';
    let schema: z.ZodType | undefined;
    if (type === 'message') schema = messageSchema(item.content, item.role);
    else if (type === 'function_call' || type === 'function_call_output' || type === 'reasoning') {
      schema = inputItemSchemas[type];
    }
    if (!schema) {
      const why =
        type === 'item_reference'
          ? 'item references need stored responses, which this API does not keep: send the item itself'
          : `input items of type \`${String(type)}\` are not supported here`;
      ctx.addIssue({ code: 'custom', path: ['input', index, 'type'], message: why });
      return;
    }
    const result = schema.safeParse(item);
    for (const issue of result.success ? [] : result.error.issues)
      ctx.addIssue({ code: 'custom', path: ['input', index, ...issue.path], message: issue.message });
  });
}

function checkTools(tools: Array<{ type: string }>, ctx: z.RefinementCtx): void {
  tools.forEach((tool, index) => {
    if (tool.type !== 'function') {
      ctx.addIssue({ code: 'custom', path: ['tools', index, 'type'], message: builtInToolMessage(tool.type) });
      return;
    }
    const result = functionTool.safeParse(tool);
    for (const issue of result.success ? [] : result.error.issues)
      ctx.addIssue({ code: 'custom', path: ['tools', index, ...issue.path], message: issue.message });
  });
}

export const responseCreateSchema = z
  .looseObject({
    ...shape,
    previous_response_id: z.string().nullable().optional(),
    conversation: z.unknown().optional(),
    prompt: z.unknown().optional(),
    background: z.boolean().nullable().optional(),
    top_logprobs: z.number().int().nullable().optional(),
  })
  .superRefine((body, ctx) => {
    for (const key of Object.keys(body)) {
      if (key in UNSUPPORTED) {
        if (!isUnset(body[key]))
          ctx.addIssue({ code: 'custom', path: [key], message: `${key} is not supported: ${UNSUPPORTED[key]}` });
      } else if (!(key in shape)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown parameter \`${key}\`` });
      }
    }
    if (Array.isArray(body.input)) checkInput(body.input as Array<Record<string, unknown>>, ctx);
    if (Array.isArray(body.tools)) checkTools(body.tools, ctx);
    const tier = body.service_tier;
    if (tier !== undefined && tier !== null && tier !== 'auto' && tier !== 'default')
      ctx.addIssue({
        code: 'custom',
        path: ['service_tier'],
        message: "only 'auto' and 'default' are accepted (other tiers are billed at other rates)",
      });
  })
  .openapi('ResponseCreateRequest');
export type ResponseCreateRequest = z.infer<typeof responseCreateSchema>;

const responseUsageSchema = z.object({
  input_tokens: z.number(),
  input_tokens_details: z.object({ cached_tokens: z.number() }),
  output_tokens: z.number(),
  output_tokens_details: z.object({ reasoning_tokens: z.number() }),
  total_tokens: z.number(),
});

export const responseObjectSchema = z
  .looseObject({
    id: z.string(),
    object: z.literal('response'),
    created_at: z.number(),
    status: z.enum(['completed', 'incomplete', 'failed', 'in_progress']),
    model: z.string(),
    output: z.array(z.looseObject({ type: z.string(), id: z.string() })),
    usage: responseUsageSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    incomplete_details: z.object({ reason: z.string() }).nullable(),
  })
  .openapi('Response');
