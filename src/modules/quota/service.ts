import type { Redis } from 'ioredis';
import { TooManyRequestsError } from '../../lib/errors.js';
import { accountName, loadAccountState, type AccountRef, type AccountState } from './accounts.js';
import { INIT_ACCOUNT, REBUILD_ACCOUNT, RELEASE_EXPIRED, RESERVE, RESET_ACCOUNT, SETTLE, SET_LIMIT } from './scripts.js';

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

interface Options {
  redis: Redis;
  prefix: string;
  /** How long a settled marker is kept (a retried usage job within this window is a no-op). */
  settledMarkerSeconds?: number;
}

export class InsufficientQuotaError extends TooManyRequestsError {
  constructor(readonly account: AccountRef, readonly available: number, retryAfterSeconds: number) {
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
export function createQuotaService({ redis, prefix, settledMarkerSeconds = 7 * 24 * 3600 }: Options) {
  const key = (ref: AccountRef) => `${prefix}:quota:${accountName(ref)}`;
  const resvKey = (requestId: string) => `${prefix}:resv:${requestId}`;
  const indexKey = `${prefix}:resv-index`;
  const settledKey = (requestId: string) => `${prefix}:settled:${requestId}`;

  async function load(ref: AccountRef): Promise<boolean> {
    const state = await loadAccountState(ref);
    if (!state) return false;
    await redis.eval(INIT_ACCOUNT, 1, key(ref), state.limit, state.used, state.calls, state.period);
    return true;
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
  async function reserve(requestId: string, accounts: AccountRef[], want: number, min: number, ttlMs: number): Promise<Reservation> {
    const keys = [...accounts.map(key), resvKey(requestId), indexKey];
    const names = accounts.map(accountName).join(' ');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [status, a, b] = (await redis.eval(RESERVE, keys.length, ...keys, accounts.length, want, min, requestId, Date.now() + ttlMs, names)) as string[];
      if (status === 'ok' || status === 'duplicate') return { granted: Number(a) };
      const ref = accounts[Number(a) - 1]!;
      if (status === 'missing') {
        if (!(await load(ref))) throw new InsufficientQuotaError(ref, 0, 3600);
        continue;
      }
      throw new InsufficientQuotaError(ref, Number(b), await secondsToReset(accounts));
    }
    throw new Error('quota accounts could not be loaded');
  }

  /** Charges `billed` tokens once per request id and releases its reservation. Returns the accounts' new totals. */
  async function settle(requestId: string, accounts: AccountRef[], billed: number, calls: number): Promise<SettledAccount[]> {
    const keys = [...accounts.map(key), resvKey(requestId), indexKey, settledKey(requestId)];
    const rows = (await redis.eval(SETTLE, keys.length, ...keys, accounts.length, billed, calls, requestId, settledMarkerSeconds)) as string[];
    return rows.flatMap((row, i) => {
      if (!row) return [];
      const [limit, used, callCount] = row.split(' ').map(Number) as [number, number, number];
      return [{ ref: accounts[i]!, limit, used, calls: callCount }];
    });
  }

  /** Releases reservations older than their expiry; returns the request ids released. */
  async function releaseExpired(now = Date.now(), batch = 500): Promise<string[]> {
    return (await redis.eval(RELEASE_EXPIRED, 1, indexKey, prefix, now, batch)) as string[];
  }

  async function reservationOf(requestId: string): Promise<number | null> {
    const amount = await redis.hget(resvKey(requestId), 'amount');
    return amount === null ? null : Number(amount);
  }

  async function snapshot(ref: AccountRef): Promise<AccountSnapshot | null> {
    let values = await redis.hmget(key(ref), 'limit', 'used', 'reserved', 'calls', 'period');
    if (values[0] === null) {
      if (!(await load(ref))) return null;
      values = await redis.hmget(key(ref), 'limit', 'used', 'reserved', 'calls', 'period');
    }
    const [limit, used, reserved, calls, period] = values;
    return { limit: Number(limit), used: Number(used ?? 0), reserved: Number(reserved ?? 0), calls: Number(calls ?? 0), period: period ?? '' };
  }

  /** Starts a new period (idempotent per period): used and calls go to zero, in-flight reservations stay. */
  async function reset(ref: AccountRef, limit: number, period: string): Promise<boolean> {
    return (await redis.eval(RESET_ACCOUNT, 1, key(ref), limit, period)) === 1;
  }

  async function setLimit(ref: AccountRef, limit: number): Promise<void> {
    await redis.eval(SET_LIMIT, 1, key(ref), limit);
  }

  /** Drops the cached account so the next use reloads it from MongoDB (e.g. a cap was removed). */
  async function forget(ref: AccountRef): Promise<void> {
    await redis.del(key(ref));
  }

  /** Rebuilds an account's counters from the ledger; returns the drift (Redis used minus ledger used). */
  async function rebuild(ref: AccountRef): Promise<{ drift: number; state: AccountState | null }> {
    const state = await loadAccountState(ref);
    if (!state) return { drift: 0, state: null };
    const before = Number((await redis.hget(key(ref), 'used')) ?? state.used);
    await redis.eval(REBUILD_ACCOUNT, 1, key(ref), state.limit, state.used, state.calls, state.period);
    return { drift: before - state.used, state };
  }

  return { reserve, settle, releaseExpired, reservationOf, snapshot, reset, setLimit, forget, rebuild, accountKey: key };
}
export type QuotaService = ReturnType<typeof createQuotaService>;
