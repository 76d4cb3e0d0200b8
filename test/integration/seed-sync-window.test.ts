import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitFor, waitForFinishedJob } from '../helpers/wait.js';
import { outcome, payerUser, requestContext } from '../factories/usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { enqueueSettlement } from '../../queues/index.js';
import { UserModel } from '../../src/models/user.js';

/** USAGE_SEED_SYNC_MS > 0 (production's default): documents get the totals once per window, after its last settlement. */
describe('seed fields written once per window (real BullMQ, Redis, FerretDB)', () => {
  const WINDOW_MS = 400;
  let app: TestApp;
  let workers: RunningWorkers;
  let quota: QuotaService;

  beforeAll(async () => {
    app = await startTestApp({ USAGE_SEED_SYNC_MS: String(WINDOW_MS) });
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  it('50 settlements at once end with the document equal to the counters, written by a handful of jobs', async () => {
    const limit = 1_000_000;
    const payer = await payerUser(app, limit);
    const contexts = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const context = requestContext(payer.user.id, [payer.ref]);
        const { granted } = await quota.reserve(context.request_id, context.accounts, 1000, 1, 60_000);
        return { ...context, reserved_tokens: granted };
      }),
    );
    const started = Date.now();
    const ids = await Promise.all(
      contexts.map((c, i) => enqueueSettlement(app.producer, c, outcome({ prompt_tokens: 10, completion_tokens: i }))),
    );
    for (const id of ids)
      expect((await waitForFinishedJob(app.producer.queues.usage, id)).failedReason ?? null).toBeNull();
    const used = contexts.reduce((sum, _c, i) => sum + 10 + i, 0);
    expect(await quota.snapshot(payer.ref)).toMatchObject({ used, calls: 50 });

    const user = await waitFor(async () => {
      const doc = await UserModel.findById(payer.user.id).lean();
      return doc?.tokens_used === used ? doc : null;
    }, 'the seed fields to catch up');
    expect(user).toMatchObject({
      tokens_used: used,
      tokens_remaining: limit - used,
      monthly_usage: { api_calls: 50, tokens_used: used },
    });

    const jobs = await app.producer.queues.usage.getJobs(['completed', 'delayed', 'waiting', 'active', 'failed']);
    const syncs = jobs.filter((job) => (job.data as { kind: string }).kind === 'sync-seed');
    const windows = Math.ceil((Date.now() - started) / WINDOW_MS) + 1;
    expect(syncs.length).toBeGreaterThan(0);
    expect(syncs.length).toBeLessThanOrEqual(windows);
    expect(syncs.every((job) => !job.failedReason)).toBe(true);
  });
});
