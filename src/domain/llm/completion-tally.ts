import type { ChatCompletionChunk } from './completion.js';
import { countTokens } from './tokenizer.js';

/** Text held per part before its settled head is counted and let go. */
const COUNT_AFTER_CHARS = 4096;
/** Past this, a part without a safe cut is counted anyway (a few tokens may differ at the cut, never more). */
const FORCE_CUT_CHARS = 65_536;

/**
 * The last place in `text` where tiktoken's pre-tokenizer always splits (cl100k_base and o200k_base alike): a
 * space after a non-space and before a letter ends a word, number or punctuation run and starts ` word`. Byte
 * pair merges never cross such a split, so the tokens of the head plus those of the rest are the whole's.
 * Positions before `from` are not looked at (they were, when less text had arrived).
 */
export function lastSafeCut(text: string, from = 1): number {
  for (let i = text.length - 2; i >= Math.max(1, from); i -= 1) {
    if (text[i] === ' ' && !/\s/u.test(text[i - 1]!) && /\p{L}/u.test(text[i + 1]!)) return i;
  }
  return -1;
}

/**
 * Counts what a streamed answer generated as it goes, keeping only a few KiB per part instead of the whole
 * answer (which the request's Redis Stream already holds). The total equals the model's tokenizer run over each
 * part whole: reasoning, content, refusal, each tool call's name and arguments, per choice.
 */
export function createCompletionTally(model: string) {
  const pending = new Map<string, string>();
  let counted = 0;
  let counting: Promise<void> = Promise.resolve();
  let chunkId: string | undefined;
  let chunkModel: string | undefined;
  let created: number | undefined;

  /** A failed count is kept for `tokens()` to throw: a rejection nobody awaits yet would end the process. */
  let failure: { error: unknown } | undefined;

  function countLater(text: string): void {
    counting = counting
      .then(async () => {
        counted += await countTokens(model, text);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      });
  }

  function addText(part: string, more: string | null | undefined): void {
    if (typeof more !== 'string' || more.length === 0) return;
    const before = pending.get(part) ?? '';
    const text = before + more;
    if (text.length < COUNT_AFTER_CHARS) {
      pending.set(part, text);
      return;
    }
    const safe = lastSafeCut(text, before.length < COUNT_AFTER_CHARS ? 1 : before.length - 1);
    const cut = safe > 0 ? safe : text.length >= FORCE_CUT_CHARS ? text.length : -1;
    if (cut < 0) {
      pending.set(part, text);
      return;
    }
    countLater(text.slice(0, cut));
    pending.set(part, text.slice(cut));
  }

  function add(chunk: ChatCompletionChunk): void {
    chunkId ??= chunk.id;
    chunkModel ??= chunk.model;
    created ??= chunk.created;
    for (const choice of chunk.choices ?? []) {
      const at = choice.index ?? 0;
      const delta = choice.delta ?? {};
      addText(`${at}:reasoning`, delta.reasoning_content);
      addText(`${at}:reasoning`, delta.reasoning);
      addText(`${at}:content`, delta.content);
      addText(`${at}:refusal`, delta.refusal);
      for (const [position, call] of (delta.tool_calls ?? []).entries()) {
        const which = call.index ?? position;
        addText(`${at}:tool:${which}:name`, call.function?.name);
        addText(`${at}:tool:${which}:arguments`, call.function?.arguments);
      }
      addText(`${at}:function:name`, delta.function_call?.name);
      addText(`${at}:function:arguments`, delta.function_call?.arguments);
    }
  }

  /** Every generated token so far. */
  async function tokens(): Promise<number> {
    for (const text of pending.values()) countLater(text);
    pending.clear();
    await counting;
    if (failure) throw failure.error;
    return counted;
  }

  /** The id and model the stream's chunks carry (for chunks added after them, e.g. the usage chunk). */
  const identity = () => ({ id: chunkId, model: chunkModel, created });

  return { add, tokens, identity };
}
export type CompletionTally = ReturnType<typeof createCompletionTally>;
