import { Types } from 'mongoose';
import type { z } from 'zod';
import type { Config } from '../../config/index.js';
import { BadRequestError, NotFoundError } from '../../lib/errors.js';
import type { Principal } from '../../lib/http/principal.js';
import { isoDay } from '../../lib/dates.js';
import { sumBy } from '../../lib/aggregate.js';
import { TokenUsageModel, type TokenUsageFields } from '../../models/token-usage.js';
import { accountName, type AccountRef } from '../../domain/quota/accounts.js';
import { resolvePayer, type PayerContext } from '../../domain/plans/payer.js';
import type { QuotaService } from '../../domain/quota/service.js';
import {
  MAX_RANGE_DAYS,
  type UsageQuery,
  type UsageTotals,
  balanceSchema,
  ledgerRowSchema,
  usageHistorySchema,
  usageStatsSchema,
} from './schemas.js';

interface Deps {
  config: Config;
  quota: Pick<QuotaService, 'snapshot'>;
}

type Balance = z.infer<typeof balanceSchema>;
type LedgerRow = TokenUsageFields & { _id: Types.ObjectId };
interface GroupRow extends UsageTotals {
  _id: string;
}

const DAY_MS = 86_400_000;
const oid = (id: string) => new Types.ObjectId(id);
const idOrNull = (value: unknown) => (value ? String(value) : null);
const emptyTotals = (): UsageTotals => ({
  requests: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  total_tokens: 0,
  billed_tokens: 0,
});

/** `[from, to]` as UTC days, defaulting to the last `days` days; refuses reversed or too long ranges. */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
  days = 30,
  now = new Date(),
): { from: string; to: string } {
  const end = to ?? isoDay(now);
  const start = from ?? isoDay(new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * DAY_MS));
  const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1;
  if (span < 1)
    throw new BadRequestError('query.from: must not be after `to`', { code: 'validation_error', param: 'from' });
  if (span > MAX_RANGE_DAYS)
    throw new BadRequestError(`query: a range covers at most ${MAX_RANGE_DAYS} days`, {
      code: 'validation_error',
      param: 'from',
    });
  return { from: start, to: end };
}

function presentRow(row: LedgerRow): z.infer<typeof ledgerRowSchema> {
  return {
    request_id: row.request_id,
    created_at: new Date(row.created_at ?? 0).toISOString(),
    day: row.day,
    model: row.model,
    provider: row.provider ?? null,
    status: row.status,
    stream: row.stream ?? false,
    endpoint: row.endpoint ?? 'chat.completions',
    prompt_tokens: row.prompt_tokens ?? 0,
    completion_tokens: row.completion_tokens ?? 0,
    total_tokens: row.total_tokens ?? 0,
    billed_tokens: row.billed_tokens ?? 0,
    overage_tokens: row.overage_tokens ?? 0,
    usage_source: row.usage_source ?? 'none',
    error_code: row.error_code ?? null,
    ttft_ms: row.ttft_ms ?? null,
    duration_ms: row.duration_ms ?? null,
    payer: { type: row.payer_type, id: String(row.payer_id) },
    organization_id: idOrNull(row.organization_id),
    sub_user_id: idOrNull(row.sub_user_id),
    api_key_id: idOrNull(row.api_key_id),
  };
}

const SUMS = {
  requests: 1,
  prompt_tokens: '$prompt_tokens',
  completion_tokens: '$completion_tokens',
  total_tokens: '$total_tokens',
  billed_tokens: '$billed_tokens',
};

/** Ledger sums grouped by a field, sorted by it (one accumulator per pipeline: see lib/aggregate.ts). */
async function groupBy(match: Record<string, unknown>, field: 'day' | 'model' | 'status'): Promise<GroupRow[]> {
  const rows = await sumBy(TokenUsageModel, match, `$${field}`, SUMS);
  return rows.map((row) => ({ ...row, _id: String(row._id) }));
}

function addTotals(groups: UsageTotals[]): UsageTotals {
  return groups.reduce<UsageTotals>(
    (sum, g) => ({
      requests: sum.requests + g.requests,
      prompt_tokens: sum.prompt_tokens + g.prompt_tokens,
      completion_tokens: sum.completion_tokens + g.completion_tokens,
      total_tokens: sum.total_tokens + g.total_tokens,
      billed_tokens: sum.billed_tokens + g.billed_tokens,
    }),
    emptyTotals(),
  );
}

/** Reads of the ledger and the quota counters for the caller: balance, paged history, the summary. */
export function createUsageService({ config, quota }: Deps) {
  async function snapshotOrMissing(ref: AccountRef) {
    const snap = await quota.snapshot(ref);
    if (!snap) throw new NotFoundError('Quota account');
    return snap;
  }

  /** The payer's counters (including reservations in flight) and the caller's chain. */
  async function balanceOf(payer: PayerContext): Promise<Balance> {
    const chain = await Promise.all(payer.accounts.map(async (ref) => ({ ref, snap: await snapshotOrMissing(ref) })));
    const accounts = chain.map(({ ref, snap }) => ({
      account: accountName(ref),
      limit: snap.limit,
      used: snap.used,
      reserved: snap.reserved,
      remaining: Math.max(0, snap.limit - snap.used - snap.reserved),
    }));
    const pool =
      chain.find(({ ref }) => ref.kind === payer.payer.type && ref.id === payer.payer.id)?.snap ??
      (await snapshotOrMissing({ kind: payer.payer.type, id: payer.payer.id }));
    return balanceSchema.parse({
      tokens_remaining: Math.max(0, pool.limit - pool.used - pool.reserved),
      tokens_used: pool.used,
      monthly_limit: pool.limit,
      reset_date: pool.period,
      reserved: pool.reserved,
      api_calls: pool.calls,
      subscription_tier: payer.tier,
      payer: payer.payer,
      available: Math.min(...accounts.map((a) => a.remaining)),
      accounts,
    });
  }

  async function balance(principal: Principal, organizationHeader?: string): Promise<Balance> {
    return balanceOf(await resolvePayer(config, principal, organizationHeader));
  }

  /**
   * The caller's rows; in an organization's context (header or org-bound key) only that organization's; with
   * `apiKeyId` only those of that key (among the caller's own rows, so another user's key matches nothing).
   */
  function scopeOf(payer: PayerContext, apiKeyId?: string): Record<string, unknown> {
    const scope: Record<string, unknown> = { user_id: oid(payer.user_id) };
    if (payer.organization_id) scope.organization_id = oid(payer.organization_id);
    if (apiKeyId) scope.api_key_id = oid(apiKeyId);
    return scope;
  }

  async function history(
    principal: Principal,
    query: UsageQuery,
    organizationHeader?: string,
  ): Promise<z.infer<typeof usageHistorySchema>> {
    const range = dayRange(query.from, query.to);
    const payer = await resolvePayer(config, principal, organizationHeader);
    const match: Record<string, unknown> = {
      ...scopeOf(payer, query.api_key_id),
      day: { $gte: range.from, $lte: range.to },
    };
    if (query.model) match.model = query.model;
    const skip = (query.page - 1) * query.limit;
    const [rows, groups] = await Promise.all([
      TokenUsageModel.aggregate<LedgerRow>([
        { $match: match },
        { $sort: { created_at: -1, _id: -1 } },
        { $skip: skip },
        { $limit: query.limit },
      ]),
      groupBy(match, query.group_by),
    ]);
    const totals = addTotals(groups);
    const presentGroups = groups.map(({ _id, ...sums }) => ({ key: String(_id), ...sums }));
    if (query.group_by === 'model')
      presentGroups.sort((a, b) => b.total_tokens - a.total_tokens || a.key.localeCompare(b.key));
    return usageHistorySchema.parse({
      object: 'list',
      data: rows.map(presentRow),
      page: query.page,
      limit: query.limit,
      total: totals.requests,
      has_more: skip + rows.length < totals.requests,
      range,
      group_by: query.group_by,
      groups: presentGroups,
      totals,
    });
  }

  /** The old system's summary: balance, the current period's totals, usage per day and per model. */
  async function stats(
    principal: Principal,
    query: { days: number; api_key_id?: string },
    organizationHeader?: string,
  ): Promise<z.infer<typeof usageStatsSchema>> {
    const payer = await resolvePayer(config, principal, organizationHeader);
    const current = await balanceOf(payer);
    const scope = scopeOf(payer, query.api_key_id);
    const range = dayRange(undefined, undefined, query.days);
    const inRange = { ...scope, day: { $gte: range.from, $lte: range.to } };
    const inPeriod = {
      ...scope,
      payer_type: payer.payer.type,
      payer_id: oid(payer.payer.id),
      period: current.reset_date,
    };
    const [daily, models, byStatus] = await Promise.all([
      groupBy(inRange, 'day'),
      groupBy(inRange, 'model'),
      groupBy(inPeriod, 'status'),
    ]);
    const failed = byStatus.find((g) => g._id === 'failed')?.requests ?? 0;
    return usageStatsSchema.parse({
      user_id: principal.user._id.toString(),
      subscription_tier: current.subscription_tier,
      tokens_used: current.tokens_used,
      tokens_remaining: current.tokens_remaining,
      monthly_limit: current.monthly_limit,
      reset_date: current.reset_date,
      reserved: current.reserved,
      monthly_usage: { api_calls: current.api_calls, tokens_used: current.tokens_used },
      current_period: { ...addTotals(byStatus), failed_requests: failed },
      range,
      daily_usage: daily.map((g) => ({
        date: g._id,
        requests: g.requests,
        tokens: g.total_tokens,
        billed_tokens: g.billed_tokens,
      })),
      model_usage: models
        .map((g) => ({ model: g._id, requests: g.requests, tokens: g.total_tokens, billed_tokens: g.billed_tokens }))
        .sort((a, b) => b.tokens - a.tokens || a.model.localeCompare(b.model)),
    });
  }

  return { balance, history, stats };
}
export type UsageService = ReturnType<typeof createUsageService>;
