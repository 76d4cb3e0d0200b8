import mongoose, { Types } from 'mongoose';
import type { Queue } from 'bullmq';
import type { z } from 'zod';
import { BadRequestError, ServiceUnavailableError } from '../../lib/errors.js';
import { isoDay } from '../../lib/dates.js';
import { sumBy } from '../../lib/aggregate.js';
import { UserModel } from '../../models/user.js';
import { TokenUsageModel } from '../../models/token-usage.js';
import type { statsSchema, usageQuerySchema, usageRowSchema } from './schemas.js';

type Stats = z.infer<typeof statsSchema>;
type UsageQuery = z.infer<typeof usageQuerySchema>;
type UsageRow = z.infer<typeof usageRowSchema>;

const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

interface Totals {
  requests: number;
  total_tokens: number;
  billed_tokens: number;
}

const ledger = TokenUsageModel;

/** FerretDB: $match and $group with $sum only (no $facet, no $lookup), one accumulator per pipeline. */
async function usageTotals(match: Record<string, unknown>): Promise<Totals> {
  const [row] = await sumBy(ledger, match, null, {
    requests: 1,
    total_tokens: '$total_tokens',
    billed_tokens: '$billed_tokens',
  });
  return { requests: row?.requests ?? 0, total_tokens: row?.total_tokens ?? 0, billed_tokens: row?.billed_tokens ?? 0 };
}

async function countBy(field: string): Promise<Record<string, number>> {
  const rows = await UserModel.aggregate<{ _id: string | null; count: number }>([
    { $group: { _id: `$${field}`, count: { $sum: 1 } } },
  ]);
  return Object.fromEntries(rows.map((row) => [row._id ?? 'unknown', row.count]));
}

async function queueDepths(queues: Record<string, Queue>): Promise<Stats['queues']> {
  try {
    const entries = await Promise.all(
      Object.entries(queues).map(async ([name, queue]) => {
        const [c, paused] = await Promise.all([
          queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'failed'),
          queue.isPaused(),
        ]);
        return [
          name,
          {
            waiting: c.wait ?? 0,
            active: c.active ?? 0,
            delayed: c.delayed ?? 0,
            prioritized: c.prioritized ?? 0,
            failed: c.failed ?? 0,
            paused,
          },
        ] as const;
      }),
    );
    return Object.fromEntries(entries);
  } catch {
    throw new ServiceUnavailableError('The queue backend is not reachable', 'queues_unavailable', 5);
  }
}

export async function buildStats(queues: Record<string, Queue>, now = new Date()): Promise<Stats> {
  const today = isoDay(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const [total, active, byTier, byRole, todayTotals, monthTotals, depths] = await Promise.all([
    UserModel.countDocuments({}),
    UserModel.countDocuments({ is_active: true }),
    countBy('subscription_tier'),
    countBy('role'),
    usageTotals({ day: today }),
    usageTotals({ day: { $gte: monthStart, $lte: today } }),
    queueDepths(queues),
  ]);
  return {
    users: { total, active, by_tier: byTier, by_role: byRole },
    usage: { today: { day: today, ...todayTotals }, this_month: { from: monthStart, to: today, ...monthTotals } },
    queues: depths,
  };
}

function dateRange(query: UsageQuery, now: Date): { from: string; to: string } {
  const to = query.to ?? isoDay(now);
  const from = query.from ?? isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  if (span < 0) throw new BadRequestError('from must not be after to', { code: 'invalid_range', param: 'from' });
  if (span >= MAX_RANGE_DAYS)
    throw new BadRequestError(`The range may span at most ${MAX_RANGE_DAYS} days`, {
      code: 'invalid_range',
      param: 'from',
    });
  return { from, to };
}

const FIELD = { user: '$user_id', model: '$model', day: '$day' } as const;

/** Usage from the ledger grouped by any of user, model and day over an inclusive UTC date range. */
export async function buildUsageReport(query: UsageQuery, now = new Date()) {
  const { from, to } = dateRange(query, now);
  const match: Record<string, unknown> = { day: { $gte: from, $lte: to } };
  if (query.user_id) match.user_id = new Types.ObjectId(query.user_id);
  if (query.model) match.model = query.model;
  const groupId = Object.fromEntries(query.group_by.map((dim) => [dim, FIELD[dim]]));
  type Key = { user?: Types.ObjectId; model?: string; day?: string };
  const grouped = await sumBy(ledger, match, groupId, {
    requests: 1,
    prompt_tokens: '$prompt_tokens',
    completion_tokens: '$completion_tokens',
    total_tokens: '$total_tokens',
    billed_tokens: '$billed_tokens',
  });
  const byDay = query.group_by.includes('day');
  const rows = grouped
    .map((row) => ({ ...row, _id: row._id as Key }))
    .sort((a, b) => (byDay ? (a._id.day ?? '').localeCompare(b._id.day ?? '') : 0) || b.total_tokens - a.total_tokens)
    .slice(0, query.limit);
  const emails = await emailsOf(rows.flatMap((row) => (row._id.user ? [row._id.user] : [])));
  const data: UsageRow[] = rows.map(({ _id, ...sums }) => ({
    ...(query.group_by.includes('user')
      ? { user_id: _id.user?.toString() ?? null, email: _id.user ? (emails.get(_id.user.toString()) ?? null) : null }
      : {}),
    ...(query.group_by.includes('model') ? { model: _id.model ?? '' } : {}),
    ...(query.group_by.includes('day') ? { day: _id.day ?? '' } : {}),
    requests: sums.requests,
    prompt_tokens: sums.prompt_tokens,
    completion_tokens: sums.completion_tokens,
    total_tokens: sums.total_tokens,
    billed_tokens: sums.billed_tokens,
  }));
  return { from, to, group_by: query.group_by, data };
}

/** No $lookup on FerretDB: one extra query for the emails of the users on the page. */
async function emailsOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await UserModel.find({ _id: mongoose.trusted({ $in: ids }) }, { email: 1 }).lean();
  return new Map(users.map((user) => [user._id.toString(), user.email]));
}
