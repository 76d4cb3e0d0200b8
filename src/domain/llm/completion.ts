/** Builds a `chat.completion` from `chat.completion.chunk`s. */

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

interface ToolCallDelta {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

interface ChunkChoice {
  index?: number;
  delta?: {
    role?: string;
    content?: string | null;
    refusal?: string | null;
    reasoning_content?: string | null;
    reasoning?: string | null;
    tool_calls?: ToolCallDelta[];
    function_call?: { name?: string; arguments?: string };
  };
  logprobs?: { content?: unknown[] | null; refusal?: unknown[] | null } | null;
  finish_reason?: string | null;
}

export interface ChatCompletionChunk {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  system_fingerprint?: string | null;
  choices?: ChunkChoice[];
  usage?: Usage | null;
  [key: string]: unknown;
}

interface ChoiceState {
  content: string | null;
  refusal: string | null;
  reasoning: string | null;
  toolCalls: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  functionCall: { name: string; arguments: string } | null;
  logprobs: unknown[] | null;
  finishReason: string | null;
}

const newChoice = (): ChoiceState => ({
  content: null,
  refusal: null,
  reasoning: null,
  toolCalls: [],
  functionCall: null,
  logprobs: null,
  finishReason: null,
});

const append = (current: string | null, more: string | null | undefined) =>
  typeof more === 'string' ? (current ?? '') + more : current;

/** True when the chunk carries something generated (not only a role or an empty delta). */
export function isMeaningfulChunk(chunk: ChatCompletionChunk): boolean {
  for (const choice of chunk.choices ?? []) {
    const d = choice.delta ?? {};
    if (
      d.content ||
      d.refusal ||
      d.reasoning_content ||
      d.reasoning ||
      d.tool_calls?.length ||
      d.function_call ||
      choice.finish_reason
    )
      return true;
  }
  return false;
}

export function createCompletionAccumulator() {
  const choices = new Map<number, ChoiceState>();
  let model: string | undefined;
  let created: number | undefined;
  let fingerprint: string | null | undefined;

  function add(chunk: ChatCompletionChunk): void {
    model ??= chunk.model;
    created ??= chunk.created;
    if (chunk.system_fingerprint !== undefined) fingerprint = chunk.system_fingerprint;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
      let state = choices.get(index);
      if (!state) choices.set(index, (state = newChoice()));
      const delta = choice.delta ?? {};
      state.content = append(state.content, delta.content);
      state.refusal = append(state.refusal, delta.refusal);
      state.reasoning = append(append(state.reasoning, delta.reasoning_content), delta.reasoning);
      for (const call of delta.tool_calls ?? []) {
        const at = call.index ?? state.toolCalls.length;
        state.toolCalls[at] ??= { id: '', type: 'function', function: { name: '', arguments: '' } };
        const target = state.toolCalls[at];
        if (call.id) target.id = call.id;
        if (call.type) target.type = call.type;
        if (call.function?.name) target.function.name += call.function.name;
        if (call.function?.arguments) target.function.arguments += call.function.arguments;
      }
      if (delta.function_call) {
        state.functionCall ??= { name: '', arguments: '' };
        state.functionCall.name += delta.function_call.name ?? '';
        state.functionCall.arguments += delta.function_call.arguments ?? '';
      }
      if (choice.logprobs?.content) state.logprobs = [...(state.logprobs ?? []), ...choice.logprobs.content];
      if (choice.finish_reason) state.finishReason = choice.finish_reason;
    }
  }

  function build(id: string, fallbackModel: string, usage: Usage) {
    const ordered = [...choices.entries()].sort(([a], [b]) => a - b);
    if (ordered.length === 0) ordered.push([0, newChoice()]);
    return {
      id,
      object: 'chat.completion' as const,
      created: created ?? Math.floor(Date.now() / 1000),
      model: model ?? fallbackModel,
      ...(fingerprint !== undefined ? { system_fingerprint: fingerprint } : {}),
      choices: ordered.map(([index, state]) => ({
        index,
        message: {
          role: 'assistant' as const,
          content: state.content,
          refusal: state.refusal,
          ...(state.reasoning ? { reasoning_content: state.reasoning } : {}),
          ...(state.toolCalls.length ? { tool_calls: state.toolCalls.filter(Boolean) } : {}),
          ...(state.functionCall ? { function_call: state.functionCall } : {}),
        },
        logprobs: state.logprobs ? { content: state.logprobs } : null,
        finish_reason: state.finishReason,
      })),
      usage,
    };
  }

  return { add, build };
}
export type CompletionAccumulator = ReturnType<typeof createCompletionAccumulator>;
