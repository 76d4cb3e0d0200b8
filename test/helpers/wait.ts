import type { Job, Queue } from 'bullmq';

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`); for state, never for timing claims. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until a job is completed or failed and returns it. */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<Job> {
  return waitFor(async () => {
    const state = await queue.getJobState(jobId);
    if (state !== 'completed' && state !== 'failed') return undefined;
    return queue.getJob(jobId);
  }, `job ${jobId}`, timeoutMs) as Promise<Job>;
}
