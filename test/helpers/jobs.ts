import type { Job, Queue } from 'bullmq';

/** Waits for a job to finish (a wait bound, not a timing assertion) and returns it; throws with its error if it failed. */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 20_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    // Re-read the job once finished: the copy fetched before the state check may predate its result.
    if (job && state === 'completed') return (await queue.getJob(jobId)) ?? job;
    if (job && state === 'failed') throw new Error(`job ${jobId} failed: ${(await queue.getJob(jobId))?.failedReason ?? job.failedReason}`);
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish in time (state: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until a condition holds (bounded), for effects that no job id points at. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
