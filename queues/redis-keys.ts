/**
 * Redis keys that one role writes and another reads or claims. Keys only the web role touches (login limits,
 * OAuth states, the API key cache, dashboard sessions) stay with their modules.
 */

/** BullMQ's prefix for every queue. */
export const bullPrefix = (redisPrefix: string) => `${redisPrefix}:bull`;

/** The LLM request path: the API (src/modules/llm) and the llm worker (workers/llm). */
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
    /** A streamed Responses request's own fields (JSON, API only), for resuming its events; expires with the stream. */
    response: (id: string) => `${prefix}:llm:response:${id}`,
    /** Sorted set of the user's request ids in the last minute (score: time). */
    rpm: (userId: string) => `${prefix}:llm:rpm:${userId}`,
    /** Sorted set of the user's open streams (score: when the slot expires if never released). */
    active: (userId: string) => `${prefix}:llm:active:${userId}`,
  };
}
export type LlmKeys = ReturnType<typeof llmKeys>;

/** Token quotas (src/shared/quota): reserved by the API, settled by the usage worker. */
export function quotaKeys(prefix: string) {
  // The Lua scripts that walk many reservations build keys from these heads (see src/shared/quota/scripts.ts).
  const accountHead = `${prefix}:quota:`;
  const reservationHead = `${prefix}:resv:`;
  return {
    accountHead,
    reservationHead,
    /** Hash of one account's counters; `accountName` is `<kind>:<id>`. */
    account: (accountName: string) => `${accountHead}${accountName}`,
    accountPattern: `${accountHead}*`,
    /** Hash of a request's reservation (accounts and amount) until it is settled or released. */
    reservation: (requestId: string) => `${reservationHead}${requestId}`,
    /** Sorted set of open reservations by expiry, scanned by the release-expired job. */
    reservationIndex: `${prefix}:resv-index`,
    /** Marks a request settled (at most once), with the Redis time it reached the counters. */
    settled: (requestId: string) => `${prefix}:settled:${requestId}`,
    /**
     * Redis Stream of settled ledger rows not yet written to MongoDB: appended by the settlement's Lua script,
     * written by the usage queue's `flush-ledger` job in batches and deleted once the database has them.
     */
    ledgerBacklog: `${prefix}:usage:ledger-backlog`,
  };
}

/** An auth epoch (src/lib/auth-epochs.ts): bumped by any writer, read by every process's auth cache. */
export const authEpochKey = (prefix: string, ref: string) => `${prefix}:auth-epoch:${ref}`;

/** A cross-process lock (src/lib/locks.ts). */
export const lockKey = (prefix: string, name: string) => `${prefix}:lock:${name}`;

/** A payer's claimed move from one period to the next (src/shared/billing/periods.ts). */
export const periodClaimKey = (prefix: string, payerName: string, from: Date) =>
  `${prefix}:period-claim:${payerName}:${from.toISOString()}`;

/** The period an admin reset started from, so a retried reset job reuses it (src/shared/billing/resets.ts). */
export const adminResetKey = (prefix: string, resetKey: string) => `${prefix}:admin-reset:${resetKey}`;

/** Claims one alert mail per payer, period and level (src/shared/mail/alerts.ts). */
export const mailAlertKey = (prefix: string, marker: string) => `${prefix}:mail:alert:${marker}`;
