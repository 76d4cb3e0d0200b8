/**
 * A value bound once per process for code no caller can hand it to: the mongoose plugins behind document locks and
 * auth epochs run inside every model write. The role entry (roles/run.ts) or the script binds it at start. A second
 * bind of another value throws (one process's writes would be split between two Redis targets), and so does a read
 * while nothing is bound, naming the write and the missing binding: never a write run silently unprotected.
 * docs/architecture.md ("Model write bindings") explains both bindings.
 */
export interface ProcessBinding<T> {
  bind(value: T): void;
  /** The bound value; `write` (e.g. "users: updateOne") names the write that needed it when nothing is bound. */
  get(write: string): T;
  /** Test processes only (e.g. `rebindModelWritesForTests`): replaces the value, returns the previous one. */
  swap(value: T | undefined): T | undefined;
}

const HOW_TO_BIND =
  'a role binds them once in roles/run.ts; a script binds them itself (src/lib/model-bindings.ts: bindModelWrites, or bindModelWritesForScriptAlone)';

/** `what`: the binding's name ("document locks"); `why`: what an unprotected write would break. */
export function processBinding<T extends object>(what: string, why: string): ProcessBinding<T> {
  let bound: T | undefined;
  return {
    bind(value) {
      if (bound !== undefined && bound !== value)
        throw new Error(`${what} are already bound in this process: a process binds them once, at start`);
      bound = value;
    },
    get(write) {
      if (bound === undefined)
        throw new Error(`${write} with no ${what} bound in this process (${why}); ${HOW_TO_BIND}`);
      return bound;
    },
    swap(value) {
      const previous = bound;
      bound = value;
      return previous;
    },
  };
}
