/** Redis keys of the LLM request path; shared by the API (src) and the llm worker (workers/). */
export function llmKeys(prefix: string) {
  return {
    /** Hash: owner, status, model, timestamps, usage; readable by any API process. */
    meta: (id: string) => `${prefix}:llm:req:${id}`,
    /** Redis Stream of the request's events (chunks, error, end). */
    stream: (id: string) => `${prefix}:llm:stream:${id}`,
    /** The request body (JSON) while the request may still run: kept out of the job, dropped when it ends. */
    prompt: (id: string) => `${prefix}:llm:prompt:${id}`,
    /** Set when the request must stop; the worker also hears it on `cancelChannel`. */
    cancel: (id: string) => `${prefix}:llm:cancel:${id}`,
    cancelChannel: `${prefix}:llm:cancel`,
    /** Sorted set of the user's request ids in the last minute (score: time). */
    rpm: (userId: string) => `${prefix}:llm:rpm:${userId}`,
    /** Sorted set of the user's open streams (score: when the slot expires if never released). */
    active: (userId: string) => `${prefix}:llm:active:${userId}`,
  };
}
export type LlmKeys = ReturnType<typeof llmKeys>;

/** Request ids are job ids: BullMQ refuses ids made of digits only, so ours always carry a prefix. */
export const LLM_ID_PATTERN = /^req_[A-Za-z0-9_-]{8,100}$/;
