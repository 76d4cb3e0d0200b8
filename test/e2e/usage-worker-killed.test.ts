import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, deleteKeys, type TestApp } from '../helpers/harness.js';
import { configEnv, startRole, type RoleProcess } from '../helpers/processes.js';
import { waitFor, waitForFinishedJob, waitForLedgerFlush } from '../helpers/wait.js';
import { outcome, payerUser, requestContext } from '../factories/usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { createQuotaMaintenance } from '../../src/domain/usage/maintenance.js';
import { enqueueSettlement, groupOfId, quotaKeys, type RequestContext } from '../../queues/index.js';
import { createLedgerBacklog } from '../../src/domain/quota/ledger-backlog.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';

/**
 * A worker process is SIGKILLed in the middle of a settlement or of a ledger flush (a test-only pause between
 * the steps gives the kill a known place to land); another worker picks the stalled job up. Whatever the point,
 * the request ends up charged exactly once: one ledger row, the counters charged once, the seed fields equal to
 * the ledger.
 */
// Each case starts, kills and replaces worker processes: more than the default 30 s on a loaded machine or a cluster.
describe('a usage worker killed mid-settlement (child process, SIGKILL)', { timeout: 90_000 }, () => {
  let app: TestApp;
  let quota: QuotaService;
  let child: RoleProcess | undefined;
  let recovery: RunningWorkers | undefined;

  beforeAll(async () => {
    app = await startTestApp({ WORKER_LOCK_DURATION_MS: '1000', WORKER_STALLED_INTERVAL_MS: '300' });
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterEach(async () => {
    await child?.kill();
    child = undefined;
    await recovery?.stop();
    recovery = undefined;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const settledKey = (context: RequestContext) =>
    quotaKeys(app.config.REDIS_PREFIX, groupOfId(context.payer.id)).settled(context.request_id);
  const backlogLength = async () =>
    (await createLedgerBacklog({ redis: app.redis, prefix: app.config.REDIS_PREFIX }).stats()).length;

  async function reservedContext(ref: AccountRef, userId: string, want: number): Promise<RequestContext> {
    const context = requestContext(userId, [ref]);
    const { granted } = await quota.reserve(context.request_id, [ref], want, 1, 120_000);
    return { ...context, reserved_tokens: granted };
  }

  /** Starts a slow child worker, enqueues the settlement, and kills the child once `reached` holds. */
  async function killWhen(
    context: RequestContext,
    billedPrompt: number,
    reached: () => Promise<boolean>,
  ): Promise<string> {
    child = await startRole('usage-worker', configEnv(app.config, { USAGE_SETTLE_STEP_DELAY_MS: '2000' }));
    const jobId = await enqueueSettlement(
      app.producer,
      context,
      outcome({ prompt_tokens: billedPrompt, completion_tokens: 0 }),
    );
    await waitFor(reached, 'the kill point');
    await child.kill();
    child = undefined;
    return jobId;
  }

  async function recover(jobId: string): Promise<void> {
    recovery = await startWorkers(app.config, createLogger('silent'), ['usage']);
    const job = await waitForFinishedJob(app.producer.queues.usage, jobId, 30_000);
    // The killed worker may have died holding a document lock (the seed fields): an attempt then meets it and is
    // retried once the lock lapses, which is the design. Any other failure is not.
    expect([null, 'This resource is busy with another change; retry shortly']).toContain(job.failedReason ?? null);
    expect(await app.producer.queues.usage.getJobState(jobId)).toBe('completed');
    await waitForLedgerFlush(app, 30_000);
  }

  async function expectChargedOnce(ref: AccountRef, limit: number, used: number, calls: number) {
    const rows = await TokenUsageModel.find({ payer_id: ref.id }).lean();
    expect(rows.reduce((sum, row) => sum + row.billed_tokens, 0)).toBe(used);
    expect(rows).toHaveLength(calls);
    expect(new Set(rows.map((row) => row.request_id)).size).toBe(calls);
    expect(rows.every((row) => typeof row.settled_ts === 'number')).toBe(true);
    expect(await quota.snapshot(ref)).toMatchObject({ used, calls, reserved: 0 });
    expect(await UserModel.findById(ref.id).lean()).toMatchObject({
      tokens_used: used,
      tokens_remaining: limit - used,
      monthly_usage: { api_calls: calls, tokens_used: used },
    });
  }

  it('killed after the counters were charged and the row queued for the ledger, before the flush was scheduled', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reservedContext(payer.ref, payer.user.id, 500);
    const jobId = await killWhen(context, 222, async () => (await app.redis.exists(settledKey(context))) === 1);

    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 222, reserved: 0, calls: 1 });
    expect(await backlogLength()).toBe(1);
    expect(await TokenUsageModel.countDocuments({ request_id: context.request_id })).toBe(0);
    expect(await UserModel.findById(payer.user.id).lean()).toMatchObject({ tokens_used: 0 });
    // A rebuild now counts the queued row once (by its settled marker).
    expect((await quota.rebuild(payer.ref)).drift).toBe(0);

    await recover(jobId);
    await expectChargedOnce(payer.ref, 10_000, 222, 1);
  });

  it('a flush killed after its insertMany, before the rows left the backlog: no row or charge twice', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reservedContext(payer.ref, payer.user.id, 500);
    const jobId = await killWhen(
      context,
      321,
      async () => (await TokenUsageModel.countDocuments({ request_id: context.request_id })) === 1,
    );

    expect(await backlogLength()).toBe(1);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 321, reserved: 0, calls: 1 });
    // The row is in the ledger and still in the backlog: a rebuild counts it once.
    expect((await quota.rebuild(payer.ref)).drift).toBe(0);
    expect((await quota.snapshot(payer.ref))!.used).toBe(321);

    await recover(jobId);
    expect(await backlogLength()).toBe(0);
    await expectChargedOnce(payer.ref, 10_000, 321, 1);
    expect((await quota.rebuild(payer.ref)).drift).toBe(0);
  });

  it('killed after the charge, then Redis loses the counters and markers and reconciliation runs before the retry', async () => {
    const payer = await payerUser(app, 10_000);
    const earlier = await reservedContext(payer.ref, payer.user.id, 500);
    recovery = await startWorkers(app.config, createLogger('silent'), ['usage']);
    await waitForFinishedJob(
      app.producer.queues.usage,
      await enqueueSettlement(app.producer, earlier, outcome({ prompt_tokens: 100, completion_tokens: 0 })),
    );
    await waitForLedgerFlush(app);
    await recovery.stop();
    recovery = undefined;

    const context = await reservedContext(payer.ref, payer.user.id, 500);
    const jobId = await killWhen(context, 50, async () => (await app.redis.exists(settledKey(context))) === 1);

    for (const pattern of ['quota:*', 'resv:*', 'resv-index', 'settled:*'])
      await deleteKeys(app.redis, `${app.config.REDIS_PREFIX}:{*}:${pattern}`);
    const report = await createQuotaMaintenance({
      quota,
      logger: createLogger('silent'),
      isRequestLive: async () => false,
      reservationTtlMs: 60_000,
    }).reconcile();
    expect(report.restored).toBeGreaterThanOrEqual(1);
    // The queued row whose settled marker is gone is not counted by the rebuild: its settlement's retry charges it.
    expect((await quota.snapshot(payer.ref))!.used).toBe(100);

    await recover(jobId);
    await expectChargedOnce(payer.ref, 10_000, 150, 2);
  });
});
