/**
 * A per-process bound on the prompt bytes that running llm jobs hold in memory. Jobs take their share before
 * their prompt is loaded and give it back when they end; those that do not fit wait in arrival order. A prompt
 * larger than the whole budget still runs, alone.
 */
export function createPromptBudget(maxBytes: number) {
  let held = 0;
  let holders = 0;
  const waiting: Array<{ bytes: number; grant(): void }> = [];
  const fits = (bytes: number) => holders === 0 || held + bytes <= maxBytes;

  function take(bytes: number): () => void {
    held += bytes;
    holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held -= bytes;
      holders -= 1;
      while (waiting.length > 0 && fits(waiting[0]!.bytes)) waiting.shift()!.grant();
    };
  }

  /** Resolves, once `bytes` fit, to the function that gives them back. */
  function acquire(bytes: number): Promise<() => void> {
    if (waiting.length === 0 && fits(bytes)) return Promise.resolve(take(bytes));
    return new Promise((resolve) => {
      waiting.push({ bytes, grant: () => resolve(take(bytes)) });
    });
  }

  return { acquire, held: () => held, waiting: () => waiting.length };
}
export type PromptBudget = ReturnType<typeof createPromptBudget>;
