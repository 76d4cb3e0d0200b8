import mongoose from 'mongoose';
import type { Logger } from 'pino';
import {
  reconcileAccountsTotal,
  reconcileDriftTokensTotal,
  reconcileLastDrift,
  reservationsReleasedTotal,
} from '../../lib/metrics.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import { UserModel } from '../../models/user.js';
import { SLOT_GROUPS } from '../../../queues/index.js';
import { accountName, parseAccountName, redisAccountName, type AccountRef } from '../quota/accounts.js';
import type { QuotaService, ReservationRef } from '../quota/service.js';
import { syncSeedFields } from '../quota/seed-fields.js';

interface Deps {
  quota: QuotaService;
  logger: Logger;
  /** Whether a request's job still exists and has not finished (queued, delayed for a retry, or running). */
  isRequestLive: (requestId: string) => Promise<boolean>;
  /** A live request's reservation and stream slot are extended by this much (LLM_RESERVATION_TTL_MS). */
  reservationTtlMs: number;
}

export interface AccountReconciliation {
  account: string;
  result: 'ok' | 'drift' | 'restored' | 'gone';
  /** Redis `used` minus the ledger's, before the rebuild. */
  drift: number;
  used: number;
}

/** A quota period is at most a month: ledger rows older than this cannot count against a current period. */
const ACTIVITY_WINDOW_DAYS = 35;
/** Reservations this close to their expiry are looked at now: the sweep runs every minute, it must not be late. */
const LOOKAHEAD_MS = 2 * 60_000;
const SWEEP_MAX = 10_000;

/** The usage queue's periodic jobs: release reservations that outlived their request, rebuild counters from the ledger. */
export function createQuotaMaintenance({ quota, logger, isRequestLive, reservationTtlMs }: Deps) {
  /**
   * A reservation lives as long as its request: those about to expire whose request is still queued or running
   * are extended (with their stream slots); those past their expiry whose request is gone are released.
   * Returns the request ids released.
   */
  async function releaseExpired(now = Date.now()): Promise<ReservationRef[]> {
    const due = await quota.expiringReservations(now + LOOKAHEAD_MS, Math.ceil(SWEEP_MAX / SLOT_GROUPS));
    const live = await Promise.all(due.map((ref) => isRequestLive(ref.requestId)));
    await quota.extendReservations(
      due.filter((_, i) => live[i]),
      now + reservationTtlMs,
    );
    const released = await quota.releaseExpired(
      due.filter((_, i) => !live[i]),
      now,
    );
    if (released.length) {
      reservationsReleasedTotal.inc(released.length);
      logger.warn(
        { count: released.length, request_ids: released.slice(0, 20).map((ref) => ref.requestId) },
        'released expired reservations',
      );
    }
    return released;
  }

  /** Accounts with counters in Redis, and every account that drew from the ledger recently (whose counters may be lost). */
  async function accountsToCheck(now: Date): Promise<AccountRef[]> {
    const since = new Date(now.getTime() - ACTIVITY_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
    const active = await TokenUsageModel.aggregate<{ _id: string }>([
      { $match: { day: { $gte: since } } },
      { $unwind: '$accounts' },
      { $group: { _id: '$accounts' } },
    ]);
    const found = new Map((await quota.accountsInRedis()).map((ref) => [redisAccountName(ref), ref]));
    for (const ref of await withParents(active.map((row) => row._id))) found.set(redisAccountName(ref), ref);
    return [...found.values()];
  }

  /** Accounts named as the ledger names them; a sub-user's cap gets its parent (its Redis keys are in the parent's group). */
  async function withParents(names: string[]): Promise<AccountRef[]> {
    const caps = names.flatMap((name) => /^sub_user_cap:([a-f0-9]{24})$/.exec(name)?.[1] ?? []);
    const subs = caps.length
      ? await UserModel.find({ _id: mongoose.trusted({ $in: caps }) }, { parent_user_id: 1 }).lean()
      : [];
    const parents = new Map(subs.map((sub) => [sub._id.toString(), sub.parent_user_id?.toString()]));
    return names.flatMap((name): AccountRef[] => {
      const cap = /^sub_user_cap:([a-f0-9]{24})$/.exec(name)?.[1];
      const parent = cap ? parents.get(cap) : undefined;
      if (cap) return parent ? [{ kind: 'sub_user_cap', id: cap, parent }] : [];
      const ref = parseAccountName(name);
      return ref ? [ref] : [];
    });
  }

  async function reconcileAccount(ref: AccountRef): Promise<AccountReconciliation> {
    const { drift, state, missing } = await quota.rebuild(ref);
    if (!state) {
      await quota.forget(ref);
      return { account: accountName(ref), result: 'gone', drift: 0, used: 0 };
    }
    const result = missing ? 'restored' : drift !== 0 ? 'drift' : 'ok';
    // Also repairs seed fields that a concurrent whole-document write (FerretDB) put back to old values.
    await syncSeedFields(quota, [ref]);
    return { account: accountName(ref), result, drift, used: state.used };
  }

  /**
   * Rebuilds the counters of every account from the ledger (the durable truth) and reports drift: after a
   * Redis loss the counters come back; a counter that disagrees with the ledger is corrected and logged.
   */
  async function reconcile(
    now = new Date(),
  ): Promise<{ checked: number; drifted: AccountReconciliation[]; restored: number; driftTokens: number }> {
    const refs = await accountsToCheck(now);
    const results: AccountReconciliation[] = [];
    for (const ref of refs) results.push(await reconcileAccount(ref));
    for (const r of results) reconcileAccountsTotal.inc({ result: r.result });
    const drifted = results.filter((r) => r.result === 'drift');
    const driftTokens = drifted.reduce((sum, r) => sum + Math.abs(r.drift), 0);
    reconcileDriftTokensTotal.inc(driftTokens);
    reconcileLastDrift.set(driftTokens);
    const restored = results.filter((r) => r.result === 'restored').length;
    if (drifted.length)
      logger.warn(
        { accounts: drifted.slice(0, 50), drift_tokens: driftTokens },
        'quota counters drifted from the ledger; rebuilt',
      );
    logger.info(
      { checked: results.length, drifted: drifted.length, restored, drift_tokens: driftTokens },
      'quota reconciliation done',
    );
    return { checked: results.length, drifted, restored, driftTokens };
  }

  return { releaseExpired, reconcile };
}
export type QuotaMaintenance = ReturnType<typeof createQuotaMaintenance>;
