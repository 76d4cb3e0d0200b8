import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitFor } from '../helpers/wait.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';

/** Workers re-validate every payload; one that fails its schema is failed at once, never retried. */
describe('worker payload validation (real BullMQ and Redis)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  beforeAll(async () => {
    app = await startTestApp();
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  it('a usage job with a malformed payload fails on its first attempt although it had ten', async () => {
    const queue = app.producer.queues.usage;
    // Added behind the producer's back, as an older or foreign producer could.
    const job = await queue.add(
      'usage',
      { kind: 'settle', context: { request_id: 42 } },
      { attempts: 10, backoff: { type: 'fixed', delay: 10 } },
    );
    const failed = await waitFor(async () => {
      const current = await queue.getJob(job.id!);
      return (await current?.getState()) === 'failed' ? current : null;
    }, 'the job to fail');
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/^invalid usage payload: /);
  });
});
