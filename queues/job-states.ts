import type { JobState, Queue } from 'bullmq';

/**
 * What a BullMQ job state means here: the one place its names are read. `queued` jobs are held by no worker (a
 * queue remove takes them back); `failed` ones were given up by the queue (out of attempts, or stalled too often).
 */
export type JobPhase = 'queued' | 'running' | 'done' | 'failed' | 'gone';

const PHASES: Record<JobState | 'unknown', JobPhase> = {
  waiting: 'queued',
  prioritized: 'queued',
  delayed: 'queued',
  'waiting-children': 'queued',
  active: 'running',
  completed: 'done',
  failed: 'failed',
  unknown: 'gone',
};

export const phaseOf = (state: JobState | 'unknown'): JobPhase => PHASES[state];

/** Every state a job can be counted in (queue depth gauges). */
export const JOB_STATES = Object.keys(PHASES).filter((state): state is JobState => state !== 'unknown');

/** A job's phase by id; `gone` once it was removed (or never existed). */
export const jobPhase = async (queue: Queue, jobId: string): Promise<JobPhase> =>
  phaseOf(await queue.getJobState(jobId));

/** The job may still run or be running: its request is not over. */
export const isLive = (phase: JobPhase): boolean => phase === 'queued' || phase === 'running';
