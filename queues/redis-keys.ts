import { groupOfId, groupOfRequest, groupTag } from './slot-groups.js';

/**
 * The key map: every Redis key the service uses is built by a builder in this file, whichever role uses it, and
 * no other code joins a key. Each builder says who owns the key; docs/architecture.md ("Redis keys and hash
 * slots") has the table of the whole keyspace (pattern, type, owner, TTL, hash tag), which a new key joins too.
 */

/**
 * BullMQ's prefix for one queue. Every key of a queue starts with it, and the hash tag puts them in one slot
 * (BullMQ's scripts need that on a cluster); each queue has its own tag, so the queues spread over masters.
 */
export const bullPrefix = (redisPrefix: string, queue: string) => `${redisPrefix}:bull:{${queue}}`;

/**
 * The LLM request path: the API (src/modules/llm) and the llm worker (workers/llm). A request's keys carry the
 * tag of the group its id names (its caller's), and so do its caller's rate-limit sets (queues/slot-groups.ts).
 */
export function llmKeys(prefix: string) {
  const inRequestGroup = (id: string) => `${prefix}:${groupTag(groupOfRequest(id))}:llm`;
  const inUserGroup = (userId: string) => `${prefix}:${groupTag(groupOfId(userId))}:llm`;
  return {
    /** Hash: owner, status, model, timestamps, usage; readable by any API process. */
    meta: (id: string) => `${inRequestGroup(id)}:req:${id}`,
    /** Redis Stream of the request's events (chunks, error, end). */
    stream: (id: string) => `${inRequestGroup(id)}:stream:${id}`,
    /** The request body (JSON) while the request may still run: kept out of the job, dropped when it ends. */
    prompt: (id: string) => `${inRequestGroup(id)}:prompt:${id}`,
    /** Set when the request must stop; the worker also hears it on its group's `cancelChannel`. */
    cancel: (id: string) => `${inRequestGroup(id)}:cancel:${id}`,
    /** A sharded pub/sub channel per group (SPUBLISH): a cancel is heard where the request's group lives. */
    cancelChannel: (group: number) => `${prefix}:${groupTag(group)}:llm:cancel`,
    /** A streamed Responses request's own fields (JSON, API only), for resuming its events; expires with the stream. */
    response: (id: string) => `${inRequestGroup(id)}:response:${id}`,
    /**
     * Who a request id belongs to (`<user>/<payer>`), claimed by its first settlement: settled markers live in
     * the payer's group, so only a key of the request's own group can refuse a second payer under the same id.
     */
    owner: (id: string) => `${inRequestGroup(id)}:owner:${id}`,
    /** Sorted set of the user's request ids in the last minute (score: time). */
    rpm: (userId: string) => `${inUserGroup(userId)}:rpm:${userId}`,
    /** Sorted set of the user's open streams (score: when the slot expires if never released). */
    active: (userId: string) => `${inUserGroup(userId)}:active:${userId}`,
  };
}
export type LlmKeys = ReturnType<typeof llmKeys>;

/**
 * Token quotas (src/domain/quota): reserved by the API, settled by the usage worker. All keys of one payer chain,
 * and its group's reservation index and ledger backlog, carry the payer's group tag, so every quota script
 * touches one slot.
 */
export function quotaKeys(prefix: string, group: number) {
  const tagged = `${prefix}:${groupTag(group)}`;
  // The Lua scripts that walk many reservations build keys from these heads (see src/domain/quota/scripts.ts).
  const accountHead = `${tagged}:quota:`;
  const reservationHead = `${tagged}:resv:`;
  return {
    accountHead,
    reservationHead,
    /** Hash of one account's counters; `redisAccountName` is `<kind>:<id>` (a sub-user cap adds `@<parent>`). */
    account: (redisAccountName: string) => `${accountHead}${redisAccountName}`,
    /** Hash of a request's reservation (accounts and amount) until it is settled or released. */
    reservation: (requestId: string) => `${reservationHead}${requestId}`,
    /** Sorted set of the group's open reservations by expiry, scanned by the release-expired job. */
    reservationIndex: `${tagged}:resv-index`,
    /** Marks a request settled (at most once), with the Redis time it reached the counters. */
    settled: (requestId: string) => `${tagged}:settled:${requestId}`,
    /**
     * Redis Stream of the group's settled ledger rows not yet written to MongoDB: appended by the settlement's Lua
     * script, written by the usage queue's `flush-ledger` job in batches and deleted once the database has them.
     */
    ledgerBacklog: `${tagged}:usage:ledger-backlog`,
  };
}
export type QuotaKeys = ReturnType<typeof quotaKeys>;

/** Every group's account keys, for a scan (each master holds some groups). */
export const quotaAccountPattern = (prefix: string) => `${prefix}:{*}:quota:*`;

/**
 * The tag of every anonymous rate-limit counter (sign-in failures and successes, per-IP endpoint limits): one
 * check counts an account's and an IP's counters in one script, which no narrower tag can put in one slot. The
 * traffic is small (sign-ins are bounded by bcrypt), so one slot carries it.
 */
export const RATE_LIMIT_TAG = '{rate-limits}';

/** Sign-in counters (src/modules/auth/login-limiter.ts): `account` is the address's hash, `bucket` an IP or prefix. */
export function loginLimitKeys(prefix: string) {
  const fail = `${prefix}:${RATE_LIMIT_TAG}:login-fail`;
  const ok = `${prefix}:${RATE_LIMIT_TAG}:login-ok`;
  return {
    failedFromAccountIp: (account: string, bucket: string) => `${fail}:acct-ip:${account}:${bucket}`,
    failedForAccount: (account: string) => `${fail}:acct:${account}`,
    failedThroughKnownClient: (knownClient: string) => `${fail}:client:${knownClient}`,
    failedFromIp: (bucket: string) => `${fail}:ip:${bucket}`,
    succeededForAccount: (account: string) => `${ok}:acct:${account}`,
    succeededFromIp: (bucket: string) => `${ok}:ip:${bucket}`,
  };
}

/** A per-IP endpoint limit's counter (src/middleware/ip-rate-limit.ts `limit`). */
export const ipLimitKey = (prefix: string, name: string, bucket: string) =>
  `${prefix}:${RATE_LIMIT_TAG}:ip-limit:${name}:${bucket}`;

/** A limit counted per caller-chosen key, hashed (src/middleware/ip-rate-limit.ts `perKey`). */
export const keyLimitKey = (prefix: string, name: string, keyHash: string) => `${prefix}:key-limit:${name}:${keyHash}`;

/** The known-client tokens of one address, by the address's hash (src/modules/auth/known-clients.ts). */
export const knownClientKey = (prefix: string, emailHash: string) => `${prefix}:known-client:${emailHash}`;

/** A pending OAuth sign-in, by its state's hash (src/modules/auth/oauth/state-store.ts). */
export const oauthStateKey = (prefix: string, stateHash: string) => `${prefix}:oauth-state:${stateHash}`;

/** A Bull Board dashboard session, by its id's hash (src/modules/admin/board/sessions.ts). */
export const adminSessionKey = (prefix: string, idHash: string) => `${prefix}:admin-session:${idHash}`;

/** The API-key lookup cache, by the key's hash (src/modules/api-keys/cache.ts). */
export const apiKeyCacheKey = (prefix: string, keyHash: string) => `${prefix}:apikey:${keyHash}`;

/** Throttles the write of an API key's last use to one per window (src/modules/api-keys/resolver.ts). */
export const apiKeyUsedKey = (prefix: string, keyId: string) => `${prefix}:apikey-used:${keyId}`;

/** An auth epoch (src/lib/auth-epochs.ts): bumped by any writer, read by every process's auth cache. */
export const authEpochKey = (prefix: string, ref: string) => `${prefix}:auth-epoch:${ref}`;

/** A cross-process lock (src/lib/locks.ts). */
export const lockKey = (prefix: string, name: string) => `${prefix}:lock:${name}`;

/** A payer's claimed move from one period to the next (src/domain/billing/periods.ts). */
export const periodClaimKey = (prefix: string, payerName: string, from: Date) =>
  `${prefix}:period-claim:${payerName}:${from.toISOString()}`;

/** The period an admin reset started from, so a retried reset job reuses it (src/domain/billing/resets.ts). */
export const adminResetKey = (prefix: string, resetKey: string) => `${prefix}:admin-reset:${resetKey}`;

/** Claims one alert mail per payer, period and level (src/domain/mail/alerts.ts). */
export const mailAlertKey = (prefix: string, marker: string) => `${prefix}:mail:alert:${marker}`;
