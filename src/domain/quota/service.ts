import { ServiceUnavailableError, TooManyRequestsError } from '../../lib/errors.js';
import {
  loadAccountState,
  parseAccountName,
  payerIdOf,
  redisAccountName,
  type AccountRef,
  type AccountState,
} from './accounts.js';
import {
  ABORT_LOAD,
  BEGIN_LOAD,
  EXTEND_RESERVATIONS,
  EXTEND_SLOT,
  FINISH_LOAD,
  RELEASE_EXPIRED,
  RESERVE,
  RESET_ACCOUNT,
  SETTLE,
  SET_LIMIT,
} from './scripts.js';
import {
  ALL_GROUPS,
  groupOfId,
  llmKeys,
  quotaAccountPattern,
  quotaKeys,
  type QuotaKeys,
} from '../../../queues/index.js';
import { scanKeys, waitForReplica, type RedisClient } from '../../lib/redis.js';
import { settlementsUnreplicatedTotal } from '../../lib/metrics.js';
import { createLedgerBacklog } from './ledger-backlog.js';

export interface AccountSnapshot {
  limit: number;
  used: number;
  reserved: number;
  calls: number;
  period: string;
}

export interface Reservation {
  granted: number;
}

export interface SettledAccount {
  ref: AccountRef;
  limit: number;
  used: number;
  calls: number;
}

export interface Settlement {
  /** False when this request had already been settled (the call changed nothing). */
  applied: boolean;
  /** Redis time (microseconds) of the settlement that charged the request; recorded on its ledger row. */
  settledAt: number;
  /** Who the settlement that charged the request was for ('' when unknown): a request id used twice shows here. */
  owner: string;
  /** The loaded accounts' totals after the charge (accounts not loaded in Redis are left out). */
  accounts: SettledAccount[];
  /** On a cluster, whether a replica acknowledged the settlement in time (null on a single Redis). */
  replicated: boolean | null;
}

/** Loading or rebuilding an account starts over when a newer load overtook it; this many times at most. */
const LOAD_ATTEMPTS = 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An open reservation, by the slot group of its payer (where its keys and its index entry live) and its request. */
export interface ReservationRef {
  group: number;
  requestId: string;
}

/** The slot group of an account's keys: its payer's (queues/slot-groups.ts). */
export const groupOfAccount = (ref: AccountRef): number => groupOfId(payerIdOf(ref));

interface Options {
  redis: RedisClient;
  prefix: string;
  /** How long a settled marker is kept (a retried usage job within this window is a no-op). */
  settledMarkerSeconds?: number;
  /** New reservations are refused while the ledger backlog holds this many rows (0: no bound; USAGE_LEDGER_BACKLOG_MAX). */
  ledgerBacklogMax?: number;
  /** On a cluster, how long a settlement waits for a replica to have it (WAIT) before going on unreplicated. */
  replicaWaitMs?: number;
}

/** The ledger row a settlement appends to the backlog, and the period it charges in ('' for any). */
export interface LedgerAppend {
  owner: string;
  period: string;
  row: string;
}

export class InsufficientQuotaError extends TooManyRequestsError {
  constructor(
    readonly account: AccountRef,
    readonly available: number,
    retryAfterSeconds: number,
  ) {
    super(
      `You exceeded your current quota (${available} tokens left for this request's payer). Upgrade your plan or wait for the monthly reset.`,
      'insufficient_quota',
      retryAfterSeconds,
    );
  }
}

/**
 * Exact token quotas in Redis. Reserve before going upstream (worst case, all-or-nothing over the payer's
 * chain of accounts), settle exactly once to the real usage, release what a lost request left behind.
 * MongoDB (the ledger and the payers' limits) is the durable truth each account is loaded and rebuilt from.
 */
export function createQuotaService({
  redis,
  prefix,
  settledMarkerSeconds = 7 * 24 * 3600,
  ledgerBacklogMax = 0,
  replicaWaitMs = 250,
}: Options) {
  const groupKeys: QuotaKeys[] = ALL_GROUPS.map((group) => quotaKeys(prefix, group));
  const keysOf = (group: number) => groupKeys[group]!;
  const backlog = createLedgerBacklog({ redis, prefix });
  const requestKeys = llmKeys(prefix);
  const key = (ref: AccountRef) => keysOf(groupOfAccount(ref)).account(redisAccountName(ref));

  /**
   * When each request reached the counters (its settled marker's Redis time in the payer's group), or null when
   * it has not (or the marker is gone).
   */
  async function settledTimes(group: number, requestIds: string[]): Promise<Array<number | null>> {
    if (!requestIds.length) return [];
    const replies = await redis.mget(...requestIds.map(keysOf(group).settled));
    return replies.map((reply) => (reply === null ? null : Number(reply.split(' ')[0])));
  }

  /** The rows waiting in the group's ledger backlog (settled, not yet in MongoDB). */
  async function backlogRows(group: number) {
    return (await backlog.all(group)).flatMap((entry) => (entry.row ? [entry.row] : []));
  }

  /** The slot group of a chain: its payer's. Accounts of two payers cannot form a chain (nor share a script on a cluster). */
  function chainGroup(accounts: AccountRef[]): number {
    const payer = payerIdOf(accounts[0]!);
    if (accounts.some((ref) => payerIdOf(ref) !== payer)) throw new Error('a quota chain must have one payer');
    return groupOfId(payer);
  }

  /** Waits while a newer load of the account is in progress (it writes the account when done). */
  async function awaitOtherLoad(ref: AccountRef): Promise<void> {
    for (let i = 0; i < 50 && (await redis.hexists(key(ref), 'rb_t0')); i += 1) await pause(10);
  }

  /**
   * One load of an account from MongoDB, cut at a Redis time T0 (see scripts.ts): the ledger up to T0 plus
   * the settlements noted in Redis after it. `init` writes only an account that is not loaded yet.
   */
  async function loadOnce(ref: AccountRef, mode: 'init' | 'rebuild') {
    const [t0, usedBefore, limitBefore] = (await BEGIN_LOAD.run(redis, [key(ref)], [])) as [
      string,
      string | null,
      string | null,
    ];
    const group = groupOfAccount(ref);
    const state = await loadAccountState(ref, {
      at: Number(t0),
      settledTimes: (ids) => settledTimes(group, ids),
      backlogRows: () => backlogRows(group),
    });
    if (!state) {
      await ABORT_LOAD.run(redis, [key(ref)], [t0]);
      return { written: 1, state: null, usedBefore, limitBefore };
    }
    const written = (await FINISH_LOAD.run(
      redis,
      [key(ref)],
      [state.limit, state.ledgerUsed, state.calls, state.period, t0, mode, state.floor],
    )) as number;
    return { written, state, usedBefore, limitBefore };
  }

  /** Loads an account from MongoDB unless it is loaded; false when it does not exist. */
  async function load(ref: AccountRef): Promise<boolean> {
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt += 1) {
      const { written, state } = await loadOnce(ref, 'init');
      if (!state) return false;
      if (written !== -1) return true;
      await awaitOtherLoad(ref);
      if (await redis.hexists(key(ref), 'limit')) return true;
    }
    throw new ServiceUnavailableError('Quota account is busy; retry shortly', 'quota_busy', 1);
  }

  /** Seconds until the earliest period end in the chain, for Retry-After. */
  async function secondsToReset(accounts: AccountRef[]): Promise<number> {
    const periods = await Promise.all(accounts.map((ref) => redis.hget(key(ref), 'period')));
    const ends = periods.filter((p): p is string => Boolean(p)).map((p) => Date.parse(p) - Date.now());
    const soonest = ends.length ? Math.min(...ends) : 3600_000;
    return Math.max(1, Math.ceil(soonest / 1000));
  }

  /**
   * Reserves up to `want` tokens (at least `min`) across every account, or throws InsufficientQuotaError.
   * Accounts missing from Redis are loaded from MongoDB first. A repeated call for one request id returns
   * the existing reservation.
   */
  async function reserve(
    requestId: string,
    accounts: AccountRef[],
    want: number,
    min: number,
    ttlMs: number,
    slotKey = '',
  ): Promise<Reservation> {
    const { reservation, reservationIndex, ledgerBacklog } = keysOf(chainGroup(accounts));
    const keys = [...accounts.map(key), reservation(requestId), reservationIndex, ledgerBacklog];
    const names = accounts.map(redisAccountName).join(' ');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [status, a, b] = (await RESERVE.run(redis, keys, [
        accounts.length,
        want,
        min,
        requestId,
        Date.now() + ttlMs,
        names,
        slotKey,
        ledgerBacklogMax,
      ])) as string[];
      if (status === 'ok' || status === 'duplicate') return { granted: Number(a) };
      if (status === 'backlog_full')
        throw new ServiceUnavailableError('Usage accounting is catching up; retry shortly', 'usage_backlog_full', 5);
      const ref = accounts[Number(a) - 1]!;
      if (status === 'missing') {
        if (!(await load(ref))) throw new InsufficientQuotaError(ref, 0, 3600);
        continue;
      }
      throw new InsufficientQuotaError(ref, Number(b), await secondsToReset(accounts));
    }
    throw new Error('quota accounts could not be loaded');
  }

  /**
   * Charges `billed` tokens once per request id and releases its reservation; says whether this call applied it.
   * With `ledger`, the same script appends the request's complete ledger row to the ledger backlog.
   */
  async function settleRequest(
    requestId: string,
    accounts: AccountRef[],
    billed: number,
    calls: number,
    ledger?: LedgerAppend,
  ): Promise<Settlement> {
    const { reservation, reservationIndex, settled: markerKey, ledgerBacklog } = keysOf(chainGroup(accounts));
    const keys = [...accounts.map(key), reservation(requestId), reservationIndex, markerKey(requestId), ledgerBacklog];
    const [status, marker, ...rows] = (await SETTLE.run(redis, keys, [
      accounts.length,
      billed,
      calls,
      requestId,
      settledMarkerSeconds,
      ledger?.owner ?? '',
      ledger?.period ?? '',
      ledger?.row ?? '',
    ])) as string[];
    // A settlement lost in a failover after its job completed would never be retried: it waits for a replica.
    const acks = await waitForReplica(redis, markerKey(requestId), replicaWaitMs);
    if (acks === 0) settlementsUnreplicatedTotal.inc();
    const [at, owner = ''] = marker!.split(' ') as [string, string?];
    const settled = rows.flatMap((row, i) => {
      if (!row) return [];
      const [limit, used, callCount] = row.split(' ').map(Number) as [number, number, number];
      return [{ ref: accounts[i]!, limit, used, calls: callCount }];
    });
    return {
      applied: status === 'applied',
      settledAt: Number(at),
      owner,
      accounts: settled,
      replicated: acks === null ? null : acks > 0,
    };
  }

  /** Charges `billed` tokens once per request id and releases its reservation. Returns the accounts' new totals. */
  async function settle(
    requestId: string,
    accounts: AccountRef[],
    billed: number,
    calls: number,
  ): Promise<SettledAccount[]> {
    return (await settleRequest(requestId, accounts, billed, calls)).accounts;
  }

  /**
   * Gives a request's reservation back unused, for a request that never ran (its job was never enqueued). It is a
   * settlement of nothing: the request id is closed too, so a late settlement under it can never charge.
   */
  async function release(requestId: string, accounts: AccountRef[]): Promise<void> {
    await settleRequest(requestId, accounts, 0, 0);
  }

  /** Open reservations that expire before `until`, oldest first in each group, at most `batch` per group. */
  async function expiringReservations(until: number, batch = 500): Promise<ReservationRef[]> {
    const pages = await Promise.all(
      ALL_GROUPS.map((group) => redis.zrangebyscore(keysOf(group).reservationIndex, '-inf', until, 'LIMIT', 0, batch)),
    );
    return pages.flatMap((ids, group) => ids.map((requestId) => ({ group, requestId })));
  }

  /** Runs `apply` once per group with that group's request ids; returns the reservations it returns. */
  async function perGroup(
    refs: ReservationRef[],
    apply: (group: number, ids: string[]) => Promise<string[]>,
  ): Promise<ReservationRef[]> {
    const byGroup = new Map<number, string[]>();
    for (const { group, requestId } of refs) byGroup.set(group, [...(byGroup.get(group) ?? []), requestId]);
    const done = await Promise.all(
      [...byGroup].map(async ([group, ids]) => (await apply(group, ids)).map((requestId) => ({ group, requestId }))),
    );
    return done.flat();
  }

  /**
   * Moves the expiry of these reservations, and of their requests' stream slots (in the caller's group, so one
   * command each after the group's script), to `expiresAt`; returns those that still existed.
   */
  async function extendReservations(refs: ReservationRef[], expiresAt: number): Promise<ReservationRef[]> {
    const extended: ReservationRef[] = [];
    await perGroup(refs, async (group, ids) => {
      const { reservationIndex, reservationHead } = keysOf(group);
      const reply = (await EXTEND_RESERVATIONS.run(
        redis,
        [reservationIndex],
        [reservationHead, expiresAt, ...ids],
      )) as Array<[string, string]>;
      await Promise.all(
        reply.map(([requestId, slot]) => (slot ? EXTEND_SLOT.run(redis, [slot], [expiresAt, requestId]) : null)),
      );
      extended.push(...reply.map(([requestId]) => ({ group, requestId })));
      return [];
    });
    return extended;
  }

  /** Releases these reservations if they are past their expiry at `now`; returns those released. */
  async function releaseExpired(refs: ReservationRef[], now = Date.now()): Promise<ReservationRef[]> {
    return perGroup(refs, async (group, ids) => {
      const { reservationIndex, reservationHead, accountHead } = keysOf(group);
      return (await RELEASE_EXPIRED.run(
        redis,
        [reservationIndex],
        [reservationHead, accountHead, now, ...ids],
      )) as string[];
    });
  }

  /**
   * Claims a request id for `owner` (first claim wins, kept as long as settled markers); returns the owner that
   * holds it when that is someone else, else null.
   */
  async function claimRequestId(requestId: string, owner: string): Promise<string | null> {
    const held = (await redis.set(requestKeys.owner(requestId), owner, 'EX', settledMarkerSeconds, 'NX', 'GET')) as
      string | null;
    return held !== null && held !== owner ? held : null;
  }

  /** The tokens reserved for a request whose payer is `payerId`, or null when it holds no reservation. */
  async function reservationOf(requestId: string, payerId: string): Promise<number | null> {
    const amount = await redis.hget(keysOf(groupOfId(payerId)).reservation(requestId), 'amount');
    return amount === null ? null : Number(amount);
  }

  async function snapshot(ref: AccountRef): Promise<AccountSnapshot | null> {
    let values = await redis.hmget(key(ref), 'limit', 'used', 'reserved', 'calls', 'period');
    // The key can vanish again between the load and the read (a Redis loss); never report a missing account as zeros.
    for (let attempt = 0; values[0] === null; attempt += 1) {
      if (attempt >= LOAD_ATTEMPTS || !(await load(ref))) return null;
      values = await redis.hmget(key(ref), 'limit', 'used', 'reserved', 'calls', 'period');
    }
    const [limit, used, reserved, calls, period] = values;
    return {
      limit: Number(limit),
      used: Number(used ?? 0),
      reserved: Number(reserved ?? 0),
      calls: Number(calls ?? 0),
      period: period ?? '',
    };
  }

  /** Starts a new period (idempotent per period): used and calls go to zero, in-flight reservations stay. */
  async function reset(ref: AccountRef, limit: number, period: string): Promise<boolean> {
    return (await RESET_ACCOUNT.run(redis, [key(ref)], [limit, period])) === 1;
  }

  async function setLimit(ref: AccountRef, limit: number): Promise<void> {
    await SET_LIMIT.run(redis, [key(ref)], [limit]);
  }

  /**
   * Drops the cached account so the next use reloads it from MongoDB (e.g. a cap was removed). Its in-flight
   * reservations are forgotten with it (their settlements cannot drive `reserved` below 0); to pick up a
   * changed limit while keeping them, use `rebuild`.
   */
  async function forget(ref: AccountRef): Promise<void> {
    await redis.del(key(ref));
  }

  /**
   * Rebuilds an account's counters from the ledger; returns the drift (Redis used minus ledger used; 0 when the
   * account was not loaded) and whether it was `missing` from Redis before.
   */
  async function rebuild(ref: AccountRef): Promise<{ drift: number; state: AccountState | null; missing: boolean }> {
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt += 1) {
      const { written, state, usedBefore, limitBefore } = await loadOnce(ref, 'rebuild');
      const missing = limitBefore === null;
      if (!state) return { drift: 0, state: null, missing };
      // Both sides are as of T0: Redis `used` when the load began, the ledger's settlements up to T0.
      if (written === 1) return { drift: missing ? 0 : Number(usedBefore ?? 0) - state.used, state, missing };
      await awaitOtherLoad(ref);
    }
    throw new ServiceUnavailableError('Quota account is busy; retry shortly', 'quota_busy', 1);
  }

  /** Every account that has counters (or a settlement stub) in Redis, on every master. */
  async function accountsInRedis(): Promise<AccountRef[]> {
    const found = new Map<string, AccountRef>();
    await scanKeys(redis, quotaAccountPattern(prefix), (page) => {
      for (const k of page) {
        const name = k.slice(k.indexOf(':quota:') + ':quota:'.length);
        const ref = parseAccountName(name);
        if (ref) found.set(name, ref);
      }
    });
    return [...found.values()];
  }

  /** Reservations not yet settled or released, and how many of them are past their expiry, over every group. */
  async function reservationCounts(now = Date.now()): Promise<{ outstanding: number; expired: number }> {
    const counts = await Promise.all(
      groupKeys.map(({ reservationIndex }) =>
        Promise.all([redis.zcard(reservationIndex), redis.zcount(reservationIndex, '-inf', now)]),
      ),
    );
    return {
      outstanding: counts.reduce((sum, [outstanding]) => sum + outstanding, 0),
      expired: counts.reduce((sum, [, expired]) => sum + expired, 0),
    };
  }

  return {
    reserve,
    settle,
    settleRequest,
    release,
    expiringReservations,
    extendReservations,
    releaseExpired,
    reservationOf,
    claimRequestId,
    snapshot,
    reset,
    setLimit,
    forget,
    rebuild,
    settledTimes,
    backlogRows,
    accountsInRedis,
    reservationCounts,
    accountKey: key,
  };
}
export type QuotaService = ReturnType<typeof createQuotaService>;
