import type { JobsOptions } from 'bullmq';
import { minuteStamp } from '../src/lib/dates.js';

/**
 * Every queue's job ids and options. An id names one logical job, so producers that repeat themselves (retried
 * requests, several schedulers, Stripe redeliveries) enqueue it once while BullMQ keeps it. BullMQ refuses ids
 * with ':' and ids of digits only: every id here carries a prefix.
 */

/** Retention keeps Redis bounded: completed jobs vanish quickly, failed ones stay a day for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600, count: 5000 },
};

const exponential = (delay: number) => ({ type: 'exponential', delay }) as const;

// llm: the job id is the request id, which the client holds.
// Request ids are minted by the API (queues/slot-groups.ts `newRequestId`), never taken from the caller, so no one
// can collide with another's request.
/** BullMQ refuses ids made of digits only, so request ids always carry a prefix. */
export const LLM_ID_PATTERN = /^req_[A-Za-z0-9_-]{8,100}$/;
/** The request's status lives in Redis: keep only a short history of jobs (which hold no prompt). */
export const llmJobOptions = (requestId: string, priority: number, attempts: number): JobsOptions => ({
  jobId: requestId,
  priority,
  attempts,
  backoff: { type: 'fixed', delay: 500 },
  removeOnComplete: { count: 1000 },
});

// usage
/** One settlement per request: a second enqueue while the first job is kept is a no-op (and harmless after). */
export const settleJobId = (requestId: string) => `settle-${requestId}`;
const SETTLE_RETRIES: JobsOptions = { attempts: 12, backoff: exponential(1000) };
export const settleJobOptions = (requestId: string): JobsOptions => ({
  ...SETTLE_RETRIES,
  jobId: settleJobId(requestId),
});

/** One seed sync per account chain and window, run at the window's end. */
export const seedSyncJobOptions = (accounts: string[], windowEnd: number, now: number): JobsOptions => ({
  ...SETTLE_RETRIES,
  jobId: `sync-seed-${accounts.join('-').replaceAll(':', '_')}-${windowEnd}`,
  delay: windowEnd - now,
});

/**
 * One ledger flush per window, run at the window's end: every settlement of the window adds the same job id.
 * Retried with backoff while the database is away (about an hour of attempts); the backlog waits in Redis.
 */
export const ledgerFlushJobId = (windowEnd: number) => `flush-ledger-${windowEnd}`;
export const ledgerFlushJobOptions = (windowEnd: number, now: number): JobsOptions => ({
  ...SETTLE_RETRIES,
  jobId: ledgerFlushJobId(windowEnd),
  delay: Math.max(0, windowEnd - now),
});

export type UsageTickKind = 'release-expired' | 'reconcile';
/** One job per kind and minute, whatever the number of schedulers. */
export const usageTickJobId = (kind: UsageTickKind, minute: Date) => `usage-${kind}-${minuteStamp(minute)}`;
export const usageTickJobOptions = (kind: UsageTickKind, minute: Date): JobsOptions => ({
  jobId: usageTickJobId(kind, minute),
  removeOnComplete: { age: 3600 },
  attempts: 3,
  backoff: exponential(5000),
});

// quota-reset
/** The tick's id is derived from its minute, so any number of schedulers enqueue each tick once. */
export const quotaResetTickJobId = (minute: Date) => `quota-reset-tick-${minuteStamp(minute)}`;
export const quotaResetTickJobOptions = (minute: Date): JobsOptions => ({
  jobId: quotaResetTickJobId(minute),
  removeOnComplete: { age: 7 * 24 * 3600 },
  attempts: 5,
  backoff: exponential(5000),
});

/** An admin's reset of one payer: one per payer, period and minute, so a double click queues one reset. */
export const quotaResetOneJobOptions = (payerId: string, periodEnd: Date, now: Date): JobsOptions => ({
  jobId: `quota-reset-one-user-${payerId}-${periodEnd.getTime()}-${minuteStamp(now)}`,
  attempts: 5,
  backoff: exponential(2000),
});

// maintenance
/** One purge per minute slot, whatever the number of schedulers. */
export const purgeTickJobId = (minute: Date) => `maintenance-purge-${minuteStamp(minute)}`;
export const purgeTickJobOptions = (minute: Date): JobsOptions => ({
  jobId: purgeTickJobId(minute),
  removeOnComplete: { age: 3600 },
  attempts: 3,
  backoff: exponential(5000),
});

// stripe-sync
export const stripeEventJobId = (eventId: string) => `stripe-event-${eventId}`;
/**
 * Completed jobs stay through Stripe's 3-day retry window, so most redeliveries are dropped by BullMQ; any later
 * one is a no-op at the claim in stripe_events.
 */
export const stripeEventJobOptions = (eventId: string): JobsOptions => ({
  jobId: stripeEventJobId(eventId),
  attempts: 10,
  backoff: exponential(1000),
  removeOnComplete: { age: 3 * 24 * 3600, count: 10_000 },
});

// mail
/** SMTP trouble is usually passing: retried with exponential backoff (5 s, 10 s, ... about 10 minutes in all). */
export const mailJobOptions = (jobId: string): JobsOptions => ({ jobId, attempts: 8, backoff: exponential(5000) });

/** One id per logical message. */
export const mailJobId = {
  passwordReset: (userId: string, nonce: string) => `mail-password-reset-${userId}-${nonce}`,
  verifyEmail: (userId: string, nonce: string) => `mail-verify-email-${userId}-${nonce}`,
  emailChangeConfirm: (userId: string, changeId: string) => `mail-email-change-confirm-${userId}-${changeId}`,
  emailChangeRequested: (userId: string, changeId: string) => `mail-email-change-requested-${userId}-${changeId}`,
  emailChanged: (userId: string, changeId: string) => `mail-email-changed-${userId}-${changeId}`,
  /** `eventId`: what changed it (the new token_version of a change, the spent reset token's id). */
  passwordChanged: (userId: string, eventId: string) => `mail-password-changed-${userId}-${eventId}`,
  quotaAlert: (payerType: string, payerId: string, level: string, periodEnd: Date) =>
    `mail-quota-${level}-${payerType}-${payerId}-${periodEnd.getTime()}`,
  paymentFailed: (payerType: string, payerId: string, periodEnd: Date) =>
    `mail-payment-failed-${payerType}-${payerId}-${periodEnd.getTime()}`,
};
