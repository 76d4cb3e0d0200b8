import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { RequestContext, RequestOutcome } from '../../../queues/index.js';
import { isoDay } from '../../lib/dates.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { llmTokensTotal, observeTtft, settlementsTotal } from '../../lib/metrics.js';
import { TokenUsageModel, type TokenUsageFields } from '../../models/token-usage.js';
import { accountName, parseAccountName, type AccountRef } from '../quota/accounts.js';
import type { QuotaService } from '../quota/service.js';
import { syncSeedFields } from '../quota/seed-fields.js';

type LedgerRow = TokenUsageFields & { _id: unknown };

/** Two different requests under one request id: never billed as one another. */
export class RequestIdCollisionError extends Error {
  constructor(readonly requestId: string) {
    super(`ledger row ${requestId} belongs to another request`);
    this.name = 'RequestIdCollisionError';
  }
}

interface Deps {
  quota: QuotaService;
  logger: Logger;
  /** Writes the seed fields later (at most once per window); without it they are written in every settlement. */
  scheduleSeedSync?: (accounts: string[]) => Promise<unknown>;
  /** Test-only pause between the steps, so a test can kill the worker mid-settlement. */
  stepDelayMs?: number;
}

/** What counts against the quota: everything the upstream reported (or what was counted); failures bill nothing. */
export function billedTokens(outcome: RequestOutcome): number {
  if (outcome.status === 'failed') return 0;
  return outcome.prompt_tokens + outcome.completion_tokens;
}

/** What was billed beyond the reservation (an upstream that counted the prompt higher than the margin allowed). */
export const overageTokens = (context: Pick<RequestContext, 'reserved_tokens'>, outcome: RequestOutcome) =>
  Math.max(0, billedTokens(outcome) - context.reserved_tokens);

const payerRef = (context: RequestContext): AccountRef => ({ kind: context.payer.type, id: context.payer.id });

/**
 * Settles a finished LLM request exactly once, in three steps that are each safe to repeat, so a worker that
 * dies anywhere and a job that runs twice converge to one charge:
 *  1. claim by insert: the ledger row (unique request_id) is written once; a repeat reads the existing row and
 *     goes on with ITS numbers;
 *  2. the Redis counters are charged and the reservation released (once, by the settled marker);
 *  3. the seed fields (tokens_used, tokens_remaining, monthly_usage) are copied from the counters, at once or at the
 *     end of the account's seed-sync window (a `sync-seed` job).
 */
export function createSettlementService({ quota, logger, scheduleSeedSync, stepDelayMs = 0 }: Deps) {
  const pause = () => (stepDelayMs > 0 ? sleep(stepDelayMs) : Promise.resolve());

  async function claimLedgerRow(
    context: RequestContext,
    outcome: RequestOutcome,
  ): Promise<{ row: LedgerRow; inserted: boolean }> {
    const snapshot = await quota.snapshot(payerRef(context));
    const now = new Date();
    const row = {
      request_id: context.request_id,
      payer_type: context.payer.type,
      payer_id: context.payer.id,
      user_id: context.user_id,
      sub_user_id: context.sub_user_id,
      parent_user_id: context.parent_user_id,
      organization_id: context.organization_id,
      api_key_id: context.api_key_id,
      model: context.model,
      provider: outcome.provider,
      prompt_tokens: outcome.prompt_tokens,
      completion_tokens: outcome.completion_tokens,
      total_tokens: outcome.prompt_tokens + outcome.completion_tokens,
      billed_tokens: billedTokens(outcome),
      overage_tokens: overageTokens(context, outcome),
      accounts: context.accounts.map(accountName),
      reserved_tokens: context.reserved_tokens,
      usage_source: outcome.usage_source,
      status: outcome.status,
      error_code: outcome.error_code,
      stream: context.stream,
      ttft_ms: outcome.ttft_ms,
      duration_ms: outcome.duration_ms,
      period: snapshot?.period ?? null,
      settle_pending: true,
      settled_at: null,
      settled_ts: null,
      day: isoDay(now),
      created_at: now,
    };
    try {
      const created = await TokenUsageModel.create(row);
      return { row: created.toObject() as LedgerRow, inserted: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await TokenUsageModel.findOne({ request_id: context.request_id }).lean<LedgerRow>();
      if (!existing) throw error;
      if (String(existing.user_id) !== context.user_id || String(existing.payer_id) !== context.payer.id) {
        throw new RequestIdCollisionError(context.request_id);
      }
      return { row: existing, inserted: false };
    }
  }

  function recordFirstSettlement(row: LedgerRow): void {
    llmTokensTotal.inc({ model: row.model, type: 'prompt' }, row.prompt_tokens ?? 0);
    llmTokensTotal.inc({ model: row.model, type: 'completion' }, row.completion_tokens ?? 0);
    llmTokensTotal.inc({ model: row.model, type: 'billed' }, row.billed_tokens ?? 0);
    settlementsTotal.inc({ status: row.status, usage_source: row.usage_source ?? 'none' });
    if (row.ttft_ms !== null && row.ttft_ms !== undefined) observeTtft(row.model, row.ttft_ms, 'usage');
  }

  /** Charges the counters for the row (once), then marks the row settled. */
  async function chargeCounters(row: LedgerRow, accounts: AccountRef[]): Promise<boolean> {
    const current = await quota.snapshot({ kind: row.payer_type, id: String(row.payer_id) });
    // A row of a period that has ended (a reset landed in between) must not count against the new period;
    // the reservation is still released.
    const inPeriod = current !== null && current.period === row.period;
    const billed = inPeriod ? (row.billed_tokens ?? 0) : 0;
    const calls = inPeriod && row.status !== 'failed' ? 1 : 0;
    const { applied, settledAt } = await quota.settleRequest(row.request_id, accounts, billed, calls);
    await pause();
    // By _id, the primary key: the cheapest lookup on any backend (the row is known since the claim).
    await TokenUsageModel.updateOne(
      { _id: row._id },
      { $set: { settle_pending: false, settled_at: new Date(Math.floor(settledAt / 1000)), settled_ts: settledAt } },
    );
    return applied;
  }

  async function settle(
    context: RequestContext,
    outcome: RequestOutcome,
  ): Promise<{ row: LedgerRow; applied: boolean; inserted: boolean }> {
    const { row, inserted } = await claimLedgerRow(context, outcome);
    if (inserted) await pause();
    const accounts = row.accounts.length ? row.accounts.map(parseAccountName) : context.accounts;
    const applied = row.settle_pending !== false || inserted ? await chargeCounters(row, accounts) : false;
    if (applied) recordFirstSettlement(row);
    if (scheduleSeedSync) await scheduleSeedSync(accounts.map(accountName));
    else if (!(await syncSeedFields(quota, accounts))) {
      logger.warn(
        { llm_request_id: row.request_id },
        'seed fields kept moving; the next settlement or reconciliation writes them',
      );
    }
    logger.debug({ llm_request_id: row.request_id, billed: row.billed_tokens, applied, inserted }, 'usage settled');
    return { row, applied, inserted };
  }

  return { settle };
}
export type SettlementService = ReturnType<typeof createSettlementService>;
