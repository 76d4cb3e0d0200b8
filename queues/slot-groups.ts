import { randomBytes } from 'node:crypto';
import calculateSlot from 'cluster-key-slot';

/**
 * Keys that a script, a MULTI or a multi-key read touches together must share a Redis Cluster hash slot. They do
 * by carrying the same hash tag: one of SLOT_GROUPS fixed tags. A payer chain's keys (its accounts, its
 * reservations, settled markers, the group's reservation index and ledger backlog) use the payer's group; a
 * request's keys (record, stream, prompt, cancel) and its caller's rate-limit sets use the caller's group, which
 * the request id carries. A fixed number of groups keeps the sweeps (expired reservations, the ledger flush, the
 * cancel channels) to SLOT_GROUPS commands, whatever the number of users.
 *
 * Changing SLOT_GROUPS or the tags moves keys: drain the queues and the ledger backlog first.
 */
export const SLOT_GROUPS = 32;
const HASH_SLOTS = 16384;

/** Group g's tag hashes into the g-th 32nd of the slots, so the groups spread evenly over masters owning ranges. */
const TAGS: readonly string[] = Array.from({ length: SLOT_GROUPS }, (_, group) => {
  for (let n = 0; ; n += 1) {
    const tag = `${group}.${n}`;
    if (Math.floor((calculateSlot(tag) * SLOT_GROUPS) / HASH_SLOTS) === group) return `{${tag}}`;
  }
});

export const ALL_GROUPS: readonly number[] = TAGS.map((_, group) => group);

/** The hash tag of a group, e.g. `{7.12}`. */
export const groupTag = (group: number): string => TAGS[group] ?? TAGS[0]!;

/** The group of a user or an organization (by its id). */
export const groupOfId = (id: string): number => calculateSlot(id) % SLOT_GROUPS;

/** One character per group in a request id: `req_<group><random>`. */
const GROUP_CHARS = '0123456789abcdefghijklmnopqrstuv';

/** A new LLM request id (also its llm job's id), in its caller's group. */
export const newRequestId = (callerId: string): string =>
  `req_${GROUP_CHARS[groupOfId(callerId)]}${randomBytes(16).toString('base64url')}`;

/** The group a request id names (a malformed id gets group 0: its keys simply do not exist). */
export function groupOfRequest(requestId: string): number {
  const at = GROUP_CHARS.indexOf(requestId.charAt(requestId.indexOf('_') + 1));
  return at < 0 ? 0 : at;
}
