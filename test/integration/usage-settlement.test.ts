import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, deleteKeys, type TestApp } from '../helpers/harness.js';
import { waitForFinishedJob, waitForLedgerFlush } from '../helpers/wait.js';
import { organization, outcome, payerUser, requestContext } from '../factories/usage.js';
import { createSubUser } from '../factories/teams.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import {
  usageTickJobId,
  settleJobId,
  enqueueSettlement,
  type RequestContext,
  type RequestOutcome,
} from '../../queues/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { metricsRegistry } from '../../src/lib/metrics.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { memberCapAccount, type AccountRef } from '../../src/domain/quota/accounts.js';
import { syncSeedFields } from '../../src/domain/quota/seed-fields.js';

describe('usage queue: settlements, expiry and reconciliation (real BullMQ workers, Redis, FerretDB)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  let scheduler: RunningScheduler;
  let quota: QuotaService;

  beforeAll(async () => {
    app = await startTestApp({
      USAGE_RELEASE_EXPIRED_CRON: '0 0 1 1 *',
      QUOTA_RECONCILE_CRON: '0 0 1 1 *',
      QUOTA_RESET_CRON: '0 0 1 1 *',
    });
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
    scheduler = await startScheduler(app.config, createLogger('silent'));
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await workers?.stop();
    await app?.stop();
  });

  const usageQueue = () => app.producer.queues.usage;

  async function reserved(context: RequestContext, want: number, ttlMs = 60_000): Promise<RequestContext> {
    const { granted } = await quota.reserve(context.request_id, context.accounts, want, 1, ttlMs);
    return { ...context, reserved_tokens: granted };
  }

  async function settleThrough(context: RequestContext, result: RequestOutcome, jobId?: string) {
    const id = jobId
      ? await app.producer.enqueue('usage', { kind: 'settle', context, outcome: result }, { jobId })
      : await enqueueSettlement(app.producer, context, result);
    const job = await waitForFinishedJob(usageQueue(), id);
    expect(job.failedReason ?? null).toBeNull();
    await waitForLedgerFlush(app);
    return job;
  }

  async function ledgerSums(ref: AccountRef) {
    const rows = await TokenUsageModel.find({ payer_id: ref.id }).lean();
    const billable = rows.filter((r) => r.status !== 'failed');
    return { used: billable.reduce((s, r) => s + r.billed_tokens, 0), calls: billable.length, rows: rows.length };
  }

  /** Redis counters, the ledger and the user's seed fields all say the same thing. */
  async function expectUserConsistent(ref: AccountRef, limit: number) {
    const sums = await ledgerSums(ref);
    const snap = await quota.snapshot(ref);
    expect(snap).toMatchObject({ used: sums.used, calls: sums.calls, limit });
    const user = await UserModel.findById(ref.id).lean();
    expect(user).toMatchObject({
      tokens_used: sums.used,
      tokens_remaining: Math.max(0, limit - sums.used),
      monthly_limit: limit,
      monthly_usage: { api_calls: sums.calls, tokens_used: sums.used },
    });
    return sums;
  }

  it('settles a completed request: one ledger row with reported usage, counters charged, reservation released, seed fields updated', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reserved(requestContext(payer.user.id, [payer.ref]), 500);
    expect((await quota.snapshot(payer.ref))!.reserved).toBe(500);
    await settleThrough(
      context,
      outcome({ prompt_tokens: 120, completion_tokens: 80, usage_source: 'reported', ttft_ms: 55, duration_ms: 900 }),
    );

    const row = await TokenUsageModel.findOne({ request_id: context.request_id }).lean();
    expect(row).toMatchObject({
      payer_type: 'user',
      model: 'gpt-3.5-turbo',
      provider: 'fake',
      prompt_tokens: 120,
      completion_tokens: 80,
      total_tokens: 200,
      billed_tokens: 200,
      reserved_tokens: 500,
      usage_source: 'reported',
      status: 'completed',
      ttft_ms: 55,
      duration_ms: 900,
      accounts: [`user:${payer.user.id}`],
      stream: true,
    });
    expect(row!.settled_ts).toEqual(expect.any(Number));
    expect(String(row!.user_id)).toBe(payer.user.id);
    expect(row!.period).toBe((await quota.snapshot(payer.ref))!.period);
    expect(row!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 200, reserved: 0, calls: 1 });
    expect(await quota.reservationOf(context.request_id, context.payer.id)).toBeNull();
    await expectUserConsistent(payer.ref, 10_000);
  });

  it('records counted usage as counted, bills what the upstream reported (overage beyond the reservation included), nothing for failures and what was produced for aborts', async () => {
    const payer = await payerUser(app, 10_000);
    const counted = await reserved(requestContext(payer.user.id, [payer.ref]), 300);
    const overrun = await reserved(requestContext(payer.user.id, [payer.ref]), 100);
    const failed = await reserved(requestContext(payer.user.id, [payer.ref]), 400);
    const aborted = await reserved(requestContext(payer.user.id, [payer.ref]), 400);
    await Promise.all([
      settleThrough(counted, outcome({ prompt_tokens: 50, completion_tokens: 25, usage_source: 'counted' })),
      settleThrough(overrun, outcome({ prompt_tokens: 60, completion_tokens: 90 })),
      settleThrough(
        failed,
        outcome({
          status: 'failed',
          prompt_tokens: 0,
          completion_tokens: 0,
          usage_source: 'none',
          error_code: 'upstream_500',
          ttft_ms: null,
        }),
      ),
      settleThrough(
        aborted,
        outcome({ status: 'aborted', prompt_tokens: 40, completion_tokens: 17, usage_source: 'counted' }),
      ),
    ]);
    const rows = new Map(
      (await TokenUsageModel.find({ payer_id: payer.user.id }).lean()).map((r) => [r.request_id, r]),
    );
    expect(rows.get(counted.request_id)).toMatchObject({
      usage_source: 'counted',
      total_tokens: 75,
      billed_tokens: 75,
    });
    expect(rows.get(overrun.request_id)).toMatchObject({
      usage_source: 'reported',
      total_tokens: 150,
      billed_tokens: 150,
      overage_tokens: 50,
    });
    expect(rows.get(failed.request_id)).toMatchObject({
      status: 'failed',
      billed_tokens: 0,
      error_code: 'upstream_500',
      usage_source: 'none',
    });
    expect(rows.get(aborted.request_id)).toMatchObject({
      status: 'aborted',
      billed_tokens: 57,
      usage_source: 'counted',
    });
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 75 + 150 + 57, calls: 3, reserved: 0 });
    await expectUserConsistent(payer.ref, 10_000);
  });

  it('settles exactly once when the job is delivered many times (same job id, other job ids, concurrently)', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reserved(requestContext(payer.user.id, [payer.ref]), 1000);
    const result = outcome({ prompt_tokens: 300, completion_tokens: 33 });
    const ids = await Promise.all([
      ...Array.from({ length: 3 }, () => enqueueSettlement(app.producer, context, result)),
      ...Array.from({ length: 6 }, (_, i) =>
        app.producer.enqueue(
          'usage',
          { kind: 'settle', context, outcome: result },
          { jobId: `redelivery-${i}-${context.request_id}` },
        ),
      ),
    ]);
    expect(new Set(ids).size).toBe(7);
    for (const id of new Set(ids)) expect((await waitForFinishedJob(usageQueue(), id)).failedReason ?? null).toBeNull();
    await waitForLedgerFlush(app);
    expect(await TokenUsageModel.countDocuments({ request_id: context.request_id })).toBe(1);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 333, calls: 1, reserved: 0 });
    await expectUserConsistent(payer.ref, 10_000);
  });

  it('a retried job with other numbers changes nothing: the first ledger row wins', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reserved(requestContext(payer.user.id, [payer.ref]), 1000);
    await settleThrough(context, outcome({ prompt_tokens: 10, completion_tokens: 5 }));
    const before = await TokenUsageModel.findOne({ request_id: context.request_id }).lean();
    const job = await settleThrough(
      { ...context, reserved_tokens: 5000 },
      outcome({ prompt_tokens: 900, completion_tokens: 900 }),
      `retry-${context.request_id}`,
    );
    expect(job.returnvalue).toEqual({ applied: false });
    const after = await TokenUsageModel.findOne({ request_id: context.request_id }).lean();
    expect(after).toMatchObject({ billed_tokens: 15, total_tokens: 15, prompt_tokens: 10 });
    expect(after!.settled_at).toEqual(before!.settled_at);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 15, calls: 1 });
  });

  it('keeps the seed fields equal to the ledger when 50 settlements for one payer run at once', async () => {
    const limit = 100_000;
    const payer = await payerUser(app, limit);
    const contexts = await Promise.all(
      Array.from({ length: 50 }, () => reserved(requestContext(payer.user.id, [payer.ref]), 1000)),
    );
    const ids = await Promise.all(
      contexts.map((c, i) =>
        enqueueSettlement(app.producer, c, outcome({ prompt_tokens: 10 + i, completion_tokens: 3 * i })),
      ),
    );
    for (const id of ids) expect((await waitForFinishedJob(usageQueue(), id)).failedReason ?? null).toBeNull();
    await waitForLedgerFlush(app);
    const expectedUsed = contexts.reduce((sum, _c, i) => sum + 10 + i + 3 * i, 0);
    const sums = await expectUserConsistent(payer.ref, limit);
    expect(sums).toMatchObject({ used: expectedUsed, calls: 50, rows: 50 });
    expect((await quota.snapshot(payer.ref))!.reserved).toBe(0);
  });

  it('a seed-field write based on stale totals never stays last: the writer re-reads and rewrites', async () => {
    const payer = await payerUser(app, 10_000);
    const stale = (await quota.snapshot(payer.ref))!;
    // Another settlement lands and its worker writes the fresh totals...
    await quota.settle(`req-${randomUUID()}`, [payer.ref], 100, 1);
    await syncSeedFields(quota, [payer.ref]);
    // ...then a slow worker that read the totals before it writes what it read.
    let first = true;
    const slowReader = {
      snapshot: async (ref: AccountRef) => (first ? ((first = false), stale) : quota.snapshot(ref)),
    };
    expect(await syncSeedFields(slowReader, [payer.ref])).toBe(true);
    expect(await UserModel.findById(payer.user.id).lean()).toMatchObject({
      tokens_used: 100,
      tokens_remaining: 9_900,
      monthly_usage: { api_calls: 1, tokens_used: 100 },
    });
  });

  it('charges every account of an organization chain (member cap, then the pool) and updates the organization', async () => {
    const owner = await payerUser(app, 1000);
    const member = await payerUser(app, 1000);
    const org = await organization(owner.user.id, 50_000, [{ user_id: member.user.id, cap: 2000 }]);
    const cap = memberCapAccount(org.id, member.user.id);
    const context = await reserved(requestContext(member.user.id, [cap, org.ref]), 800);
    await settleThrough(context, outcome({ prompt_tokens: 100, completion_tokens: 150 }));
    expect(await quota.snapshot(cap)).toMatchObject({ used: 250, limit: 2000, reserved: 0 });
    expect(await quota.snapshot(org.ref)).toMatchObject({ used: 250, limit: 50_000, reserved: 0, calls: 1 });
    expect(await OrganizationModel.findById(org.id).lean()).toMatchObject({
      tokens_used: 250,
      tokens_remaining: 49_750,
      monthly_usage: { api_calls: 1, tokens_used: 250 },
    });
    const row = await TokenUsageModel.findOne({ request_id: context.request_id }).lean();
    expect(row).toMatchObject({
      payer_type: 'organization',
      accounts: [`member_cap:${org.id}.${member.user.id}`, `organization:${org.id}`],
    });
    // The member's own quota is untouched.
    expect(await UserModel.findById(member.user.id).lean()).toMatchObject({ tokens_used: 0 });
  });

  it("a capped sub-user's request charges its cap and its parent's quota; both documents show their numbers", async () => {
    const parent = await payerUser(app, 10_000);
    const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
    const cap: AccountRef = { kind: 'sub_user_cap', id: sub.id, parent: parent.user.id };
    const context = await reserved(
      requestContext(sub.id, [cap, parent.ref], { sub_user_id: sub.id, parent_user_id: parent.user.id }),
      500,
    );
    await settleThrough(context, outcome({ prompt_tokens: 60, completion_tokens: 40 }));
    expect(await quota.snapshot(cap)).toMatchObject({ used: 100, limit: 1000, reserved: 0 });
    await expectUserConsistent(parent.ref, 10_000);
    expect(await UserModel.findById(sub.id).lean()).toMatchObject({
      tokens_used: 100,
      tokens_remaining: 900,
      monthly_usage: { api_calls: 1, tokens_used: 100 },
    });
    expect(await TokenUsageModel.findOne({ request_id: context.request_id }).lean()).toMatchObject({
      payer_type: 'user',
      accounts: [`sub_user_cap:${sub.id}`, `user:${parent.user.id}`],
    });
  });

  it('refuses to settle a request id that belongs to another request, and changes nothing', async () => {
    const first = await payerUser(app, 10_000);
    const second = await payerUser(app, 10_000);
    const context = await reserved(requestContext(first.user.id, [first.ref]), 100);
    await settleThrough(context, outcome());
    const stolen = requestContext(second.user.id, [second.ref], {
      request_id: context.request_id,
      reserved_tokens: 100,
    });
    const id = await app.producer.enqueue(
      'usage',
      { kind: 'settle', context: stolen, outcome: outcome({ prompt_tokens: 99 }) },
      { jobId: `collide-${context.request_id}` },
    );
    const job = await waitForFinishedJob(usageQueue(), id);
    expect(job.failedReason).toMatch(/belongs to another request/);
    expect(job.attemptsMade).toBe(1);
    expect((await quota.snapshot(second.ref))!.used).toBe(0);
    await waitForLedgerFlush(app);
    expect(await TokenUsageModel.countDocuments({ request_id: context.request_id })).toBe(1);
  });

  it('a release-expired job frees reservations whose request never settled; a late settlement still charges once', async () => {
    const payer = await payerUser(app, 1000);
    const stuck = await reserved(requestContext(payer.user.id, [payer.ref]), 1000, 1);
    await expect(quota.reserve(`req-${randomUUID()}`, [payer.ref], 1, 1, 60_000)).rejects.toMatchObject({
      code: 'insufficient_quota',
    });
    const jobId = await scheduler.usageTick('release-expired', new Date(Date.now() + 60_000));
    const job = await waitForFinishedJob(usageQueue(), jobId);
    expect(job.returnvalue.released).toBeGreaterThanOrEqual(1);
    expect(await quota.reservationOf(stuck.request_id, stuck.payer.id)).toBeNull();
    expect((await quota.snapshot(payer.ref))!.reserved).toBe(0);
    expect((await quota.reserve(`req-${randomUUID()}`, [payer.ref], 10, 1, 60_000)).granted).toBe(10);

    await settleThrough(stuck, outcome({ prompt_tokens: 20, completion_tokens: 22 }));
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 42, reserved: 10 });
    const metrics = await metricsRegistry.getSingleMetricAsString('quota_expired_reservations_released_total');
    expect(metrics).toMatch(/quota_expired_reservations_released_total [1-9]/);
  });

  it('scheduler ticks have one job id per kind and minute, so many schedulers enqueue each tick once', async () => {
    const at = new Date('2031-05-06T07:08:09.123Z');
    const [a, b] = await Promise.all([
      scheduler.usageTick('reconcile', at),
      scheduler.usageTick('reconcile', new Date(at.getTime() + 30_000)),
    ]);
    expect(a).toBe(usageTickJobId('reconcile', at));
    expect(b).toBe(a);
    expect(a).toBe('usage-reconcile-2031-05-06-07-08');
    await waitForFinishedJob(usageQueue(), a);
  });

  it('reconciliation restores counters lost from Redis from the ledger, and corrects and reports drift', async () => {
    const payer = await payerUser(app, 10_000);
    const other = await payerUser(app, 10_000);
    for (const [who, tokens] of [
      [payer, 120],
      [payer, 80],
      [other, 500],
    ] as const) {
      const context = await reserved(requestContext(who.user.id, [who.ref]), 1000);
      await settleThrough(context, outcome({ prompt_tokens: tokens, completion_tokens: 0 }));
    }
    const inflight = await reserved(requestContext(payer.user.id, [payer.ref]), 300);

    // Simulated loss of our Redis keys (this file's prefix only): counters, reservations, settled markers, the
    // ledger backlog (empty here: what a loss takes of it is settled usage not yet flushed).
    for (const pattern of ['quota:*', 'resv:*', 'resv-index', 'settled:*', 'usage:*'])
      await deleteKeys(app.redis, `${app.config.REDIS_PREFIX}:{*}:${pattern}`);
    expect(await app.redis.exists(quota.accountKey(payer.ref))).toBe(0);

    const first = await waitForFinishedJob(
      usageQueue(),
      await scheduler.usageTick('reconcile', new Date(Date.now() + 120_000)),
    );
    expect(first.returnvalue.restored).toBeGreaterThanOrEqual(2);
    expect(await app.redis.hmget(quota.accountKey(payer.ref), 'used', 'calls')).toEqual(['200', '2']);
    expect(await app.redis.hmget(quota.accountKey(other.ref), 'used', 'calls')).toEqual(['500', '1']);

    // The request in flight when Redis was lost settles afterwards and is charged exactly once.
    await settleThrough(inflight, outcome({ prompt_tokens: 30, completion_tokens: 0 }));
    await expectUserConsistent(payer.ref, 10_000);
    expect((await quota.snapshot(payer.ref))!.used).toBe(230);

    // A counter that disagrees with the ledger is rebuilt and the drift reported.
    await app.redis.hincrby(quota.accountKey(other.ref), 'used', 777);
    const second = await waitForFinishedJob(
      usageQueue(),
      await scheduler.usageTick('reconcile', new Date(Date.now() + 180_000)),
    );
    expect(second.returnvalue).toMatchObject({ drifted: 1, drift_tokens: 777 });
    expect((await quota.snapshot(other.ref))!.used).toBe(500);
    await expectUserConsistent(other.ref, 10_000);
    expect(await metricsRegistry.getSingleMetricAsString('quota_reconcile_drift_tokens_total')).toMatch(
      /quota_reconcile_drift_tokens_total 777/,
    );
    expect(await metricsRegistry.getSingleMetricAsString('quota_reconcile_accounts_total')).toMatch(
      /result="restored"/,
    );
  });

  it('counts tokens by model and time to first token once per settlement', async () => {
    const payer = await payerUser(app, 10_000);
    const model = 'claude-3';
    const context = await reserved(requestContext(payer.user.id, [payer.ref], { model }), 1000);
    const result = outcome({ prompt_tokens: 7, completion_tokens: 11, ttft_ms: 120 });
    await settleThrough(context, result);
    await settleThrough(context, result, `again-${context.request_id}`);
    const tokens = await metricsRegistry.getSingleMetricAsString('llm_tokens_total');
    expect(tokens).toContain(`llm_tokens_total{model="${model}",type="prompt"} 7`);
    expect(tokens).toContain(`llm_tokens_total{model="${model}",type="completion"} 11`);
    expect(tokens).toContain(`llm_tokens_total{model="${model}",type="billed"} 18`);
    const ttft = await metricsRegistry.getSingleMetricAsString('llm_time_to_first_token_seconds');
    expect(ttft).toContain(`llm_time_to_first_token_seconds_count{model="${model}",observer="usage"} 1`);
    const durations = await metricsRegistry.getSingleMetricAsString('queue_job_duration_seconds');
    expect(durations).toMatch(/queue_job_duration_seconds_count\{queue="usage",outcome="completed"\} [1-9]/);
    expect(settleJobId(context.request_id)).toBe(`settle-${context.request_id}`);
  });

  it('does not count a row against a period that ended before it was charged, but still releases its reservation', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reserved(requestContext(payer.user.id, [payer.ref]), 500);
    const period = (await quota.snapshot(payer.ref))!.period;
    // The settlement read the payer's period, then a reset moved the payer to a new period before the charge.
    await quota.reset(payer.ref, 10_000, '2099-12-31T00:00:00.000Z');
    const row = {
      request_id: context.request_id,
      payer_type: 'user',
      payer_id: payer.user.id,
      user_id: payer.user.id,
      sub_user_id: null,
      parent_user_id: null,
      organization_id: null,
      api_key_id: null,
      model: 'gpt-3.5-turbo',
      provider: 'fake',
      prompt_tokens: 100,
      completion_tokens: 0,
      total_tokens: 100,
      billed_tokens: 100,
      overage_tokens: 0,
      accounts: [`user:${payer.user.id}`],
      reserved_tokens: 500,
      usage_source: 'reported',
      status: 'completed',
      error_code: null,
      stream: false,
      ttft_ms: null,
      duration_ms: null,
      period,
      day: '2030-01-01',
      created_at: Date.now(),
    };
    const owner = `${payer.user.id}/${payer.user.id}`;
    const charged = await quota.settleRequest(context.request_id, [payer.ref], 100, 1, {
      owner,
      period,
      row: JSON.stringify(row),
    });
    expect(charged.applied).toBe(true);
    expect(await quota.snapshot(payer.ref)).toMatchObject({
      used: 0,
      calls: 0,
      reserved: 0,
      period: '2099-12-31T00:00:00.000Z',
    });
    await waitForFinishedJob(usageQueue(), await app.producer.enqueue('usage', { kind: 'flush-ledger' }));
    await waitForLedgerFlush(app);
    expect(await TokenUsageModel.findOne({ request_id: context.request_id }).lean()).toMatchObject({
      period,
      billed_tokens: 100,
    });
  });
});
