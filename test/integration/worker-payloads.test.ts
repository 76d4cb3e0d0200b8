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
    // The state first, then the job: a job read before it failed would show its attempts as they were then.
    const failed = await waitFor(
      async () => ((await queue.getJobState(job.id!)) === 'failed' ? queue.getJob(job.id!) : null),
      'the job to fail',
    );
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/^invalid usage payload: /);
  });
});
