import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitFor, waitForFinishedJob, waitForLedgerFlush } from '../helpers/wait.js';
import { outcome, payerUser, requestContext } from '../factories/usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { createMetricsCollector } from '../../src/ops/metrics-collector.js';
import { createSettlementService } from '../../src/domain/usage/settlement.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { enqueueSettlement, groupOfId, quotaKeys, type RequestContext } from '../../queues/index.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';

/** The collection methods the process calls on token_usage, seen through mongoose's debug hook. */
function watchLedgerCalls() {
  const calls: Array<{ method: string; docs: number }> = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (collection === 'token_usage') calls.push({ method, docs: Array.isArray(args[0]) ? args[0].length : 1 });
  });
  return {
    calls,
    stop: () => mongoose.set('debug', false),
  };
}

const WRITES = ['insertOne', 'insertMany', 'updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'bulkWrite'];
const READS = ['find', 'findOne', 'countDocuments', 'aggregate', 'distinct'];

/**
 * The settlement never reads or updates the ledger: each row is written once, complete, by a flush job that
 * batches a window's rows into one insertMany (real BullMQ workers, Redis and FerretDB).
 */
describe('the ledger is written once per row, in batches', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  let quota: QuotaService;
  let watcher: ReturnType<typeof watchLedgerCalls> | undefined;

  beforeAll(async () => {
    // A window long enough for a burst of settlements to fall into one or two of them.
    app = await startTestApp({ USAGE_LEDGER_FLUSH_MS: '1500', WORKER_CONCURRENCY_USAGE: '16' });
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterEach(() => {
    watcher?.stop();
    watcher = undefined;
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  async function reserved(ref: AccountRef, userId: string, want: number): Promise<RequestContext> {
    const context = requestContext(userId, [ref]);
    const { granted } = await quota.reserve(context.request_id, [ref], want, 1, 60_000);
    return { ...context, reserved_tokens: granted };
  }

  it('a settlement makes exactly one insert of token_usage, no update and no read of it', async () => {
    const payer = await payerUser(app, 10_000);
    const context = await reserved(payer.ref, payer.user.id, 500);
    watcher = watchLedgerCalls();
    const job = await waitForFinishedJob(
      app.producer.queues.usage,
      await enqueueSettlement(app.producer, context, outcome({ prompt_tokens: 70, completion_tokens: 30 })),
    );
    expect(job.failedReason ?? null).toBeNull();
    await waitForLedgerFlush(app);
    const calls = [...watcher.calls];
    watcher.stop();

    expect(calls.filter((c) => WRITES.includes(c.method))).toEqual([{ method: 'insertMany', docs: 1 }]);
    expect(calls.filter((c) => READS.includes(c.method))).toEqual([]);
    const row = await TokenUsageModel.findOne({ request_id: context.request_id }).lean();
    expect(row).toMatchObject({ billed_tokens: 100, status: 'completed', stream: true });
    expect(row).not.toHaveProperty('settle_pending');
    const marker = await app.redis.get(
      quotaKeys(app.config.REDIS_PREFIX, groupOfId(context.payer.id)).settled(context.request_id),
    );
    expect(row!.settled_ts).toBe(Number(marker!.split(' ')[0]));
    expect(row!.settled_at!.getTime()).toBe(Math.floor(row!.settled_ts! / 1000));
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used: 100, calls: 1, reserved: 0 });
  });

  it('many concurrent settlements reach the ledger in a few insertMany calls, each row once', async () => {
    const payer = await payerUser(app, 1_000_000);
    const contexts = await Promise.all(Array.from({ length: 40 }, () => reserved(payer.ref, payer.user.id, 100)));
    watcher = watchLedgerCalls();
    const ids = await Promise.all(
      contexts.map((c, i) =>
        enqueueSettlement(app.producer, c, outcome({ prompt_tokens: i + 1, completion_tokens: 1 })),
      ),
    );
    for (const id of ids)
      expect((await waitForFinishedJob(app.producer.queues.usage, id)).failedReason ?? null).toBeNull();
    await waitForLedgerFlush(app);
    const writes = watcher.calls.filter((c) => WRITES.includes(c.method));
    watcher.stop();

    expect(writes.every((c) => c.method === 'insertMany')).toBe(true);
    expect(writes.reduce((sum, c) => sum + c.docs, 0)).toBe(40);
    expect(writes.length).toBeLessThanOrEqual(4);
    const rows = await TokenUsageModel.find({ payer_id: payer.user.id }).lean();
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(40);
    const used = contexts.reduce((sum, _c, i) => sum + i + 2, 0);
    expect(rows.reduce((sum, r) => sum + r.billed_tokens, 0)).toBe(used);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used, calls: 40, reserved: 0 });
  });

  it('rebuilds racing settlements and flushes count each settlement once (no drift at any point)', async () => {
    const payer = await payerUser(app, 1_000_000);
    await quota.snapshot(payer.ref);
    const contexts = await Promise.all(Array.from({ length: 30 }, () => reserved(payer.ref, payer.user.id, 100)));
    const ids = await Promise.all(
      contexts.map((c, i) =>
        enqueueSettlement(app.producer, c, outcome({ prompt_tokens: 3 * i, completion_tokens: 7 })),
      ),
    );
    const drifts: number[] = [];
    let settled = false;
    const rebuilding = (async () => {
      while (!settled) drifts.push((await quota.rebuild(payer.ref)).drift);
    })();
    for (const id of ids) await waitForFinishedJob(app.producer.queues.usage, id);
    await waitForLedgerFlush(app);
    settled = true;
    await rebuilding;
    drifts.push((await quota.rebuild(payer.ref)).drift);

    expect(drifts.length).toBeGreaterThan(2);
    expect(drifts.every((d) => d === 0)).toBe(true);
    const used = contexts.reduce((sum, _c, i) => sum + 3 * i + 7, 0);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used, calls: 30, reserved: 0 });
    expect(await TokenUsageModel.countDocuments({ payer_id: payer.user.id })).toBe(30);
  });

  it('exports the backlog length and the age of its oldest row', async () => {
    const collector = createMetricsCollector({
      redis: app.redis,
      prefix: app.config.REDIS_PREFIX,
      queues: app.producer.queues,
      cacheMs: 0,
    });
    await waitForLedgerFlush(app);
    expect(await collector.render()).toMatch(
      /usage_ledger_backlog_rows 0\n[\s\S]*usage_ledger_backlog_oldest_age_seconds 0\n/,
    );
    // Rows that no flush has taken yet (as while the database is away).
    await workers.stop();
    const payer = await payerUser(app, 10_000);
    const context = await reserved(payer.ref, payer.user.id, 100);
    await createSettlementService({
      quota,
      logger: createLogger('silent'),
      scheduleLedgerFlush: async () => undefined,
    }).settle(context, outcome());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const text = await collector.render();
    expect(text).toContain('usage_ledger_backlog_rows 1\n');
    const age = Number(/^usage_ledger_backlog_oldest_age_seconds (\S+)$/m.exec(text)![1]);
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThan(30);
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
    await app.producer.enqueue('usage', { kind: 'flush-ledger' }, { jobId: 'flush-ledger-by-test' });
    await waitForLedgerFlush(app);
    await waitFor(async () => (await TokenUsageModel.countDocuments({ request_id: context.request_id })) === 1, 'row');
  });
});
