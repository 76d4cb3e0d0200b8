import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { LedgerRow, RequestContext, RequestOutcome } from '../../../queues/index.js';
import { isoDay } from '../../lib/dates.js';
import { llmTokensTotal, observeTtft, settlementsTotal } from '../../lib/metrics.js';
import { accountName, redisAccountName, type AccountRef } from '../quota/accounts.js';
import type { QuotaService } from '../quota/service.js';
import { syncSeedFields } from '../quota/seed-fields.js';

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
  /** Schedules the flush of the ledger backlog at the end of the current window (USAGE_LEDGER_FLUSH_MS). */
  scheduleLedgerFlush: () => Promise<unknown>;
  /** Test-only pause between the charge and the rest, so a test can kill the worker mid-settlement. */
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
/** Who a request id belongs to, kept on its settled marker: a second request under the same id is refused. */
const ownerOf = (context: RequestContext) => `${context.user_id}/${context.payer.id}`;

/** The complete ledger row of a finished request, as it is written once to token_usage. */
export function ledgerRow(
  context: RequestContext,
  outcome: RequestOutcome,
  period: string | null,
  now: Date,
): LedgerRow {
  return {
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
    endpoint: context.endpoint,
    ttft_ms: outcome.ttft_ms,
    duration_ms: outcome.duration_ms,
    period,
    day: isoDay(now),
    created_at: now.getTime(),
  };
}

/**
 * Settles a finished LLM request exactly once, without reading or updating the ledger:
 *  1. one Lua script (SETTLE) charges the Redis counters, releases the reservation and appends the complete
 *     ledger row to the ledger backlog, once per request id (the settled marker); a repeat changes nothing;
 *  2. the ledger flush of the current window is scheduled (always, so a retry after a crash schedules it too):
 *     it writes the window's rows with one insertMany (see ledger-flush.ts);
 *  3. the seed fields (tokens_used, tokens_remaining, monthly_usage) are copied from the counters, at once or at the
 *     end of the account's seed-sync window (a `sync-seed` job).
 */
export function createSettlementService({
  quota,
  logger,
  scheduleSeedSync,
  scheduleLedgerFlush,
  stepDelayMs = 0,
}: Deps) {
  const pause = () => (stepDelayMs > 0 ? sleep(stepDelayMs) : Promise.resolve());

  function recordFirstSettlement(row: LedgerRow): void {
    llmTokensTotal.inc({ model: row.model, type: 'prompt' }, row.prompt_tokens);
    llmTokensTotal.inc({ model: row.model, type: 'completion' }, row.completion_tokens);
    llmTokensTotal.inc({ model: row.model, type: 'billed' }, row.billed_tokens);
    settlementsTotal.inc({ status: row.status, usage_source: row.usage_source });
    if (row.ttft_ms !== null) observeTtft(row.model, row.ttft_ms, 'usage');
  }

  async function settle(
    context: RequestContext,
    outcome: RequestOutcome,
  ): Promise<{ row: LedgerRow; applied: boolean }> {
    // The payer's period now: the row counts in it, and the script charges only accounts still in it.
    const snapshot = await quota.snapshot(payerRef(context));
    const row = ledgerRow(context, outcome, snapshot?.period ?? null, new Date());
    if (await quota.claimRequestId(row.request_id, ownerOf(context))) throw new RequestIdCollisionError(row.request_id);
    const calls = row.status !== 'failed' ? 1 : 0;
    const { applied, owner, replicated } = await quota.settleRequest(
      row.request_id,
      context.accounts,
      row.billed_tokens,
      calls,
      { owner: ownerOf(context), period: row.period ?? '', row: JSON.stringify(row) },
    );
    if (replicated === false)
      logger.warn(
        { llm_request_id: row.request_id },
        'no Redis replica acknowledged the settlement in time: a failover of its master now would lose it',
      );
    if (!applied && owner && owner !== ownerOf(context)) throw new RequestIdCollisionError(context.request_id);
    if (applied) recordFirstSettlement(row);
    await pause();
    await scheduleLedgerFlush();
    if (scheduleSeedSync) await scheduleSeedSync(context.accounts.map(redisAccountName));
    else if (!(await syncSeedFields(quota, context.accounts))) {
      logger.warn(
        { llm_request_id: row.request_id },
        'seed fields kept moving; the next settlement or reconciliation writes them',
      );
    }
    logger.debug({ llm_request_id: row.request_id, billed: row.billed_tokens, applied }, 'usage settled');
    return { row, applied };
  }

  return { settle };
}
export type SettlementService = ReturnType<typeof createSettlementService>;
