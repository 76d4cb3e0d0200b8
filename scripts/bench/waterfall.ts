/**
 * Where the time to first token goes, per request, from the timestamps the request record (`llm:req:<id>`) holds:
 * `created` (the web admitted the request, just before it saved the prompt and added the job), `started_at` (a worker
 * claimed it) and `ttft_ms` (the upstream's first token reached the worker, from `created`); the client's own clock
 * gives when it sent the request and when the first SSE byte arrived (one machine, one clock). The record holds no
 * time for the request's arrival, the job's addition or the web's first SSE write: those steps stay merged.
 */
import type { RedisClient } from '../../src/lib/redis.js';
import { RECORD, llmKeys } from '../../queues/index.js';
import type { TargetName } from './targets.js';

export interface WaterfallSample {
  requestId: string;
  /** Date.now() when the client sent the request. */
  sentAt: number;
  /** ms from sending to the first content token, on the client. */
  ttft: number;
}

export const WATERFALL_STEPS = [
  'sent → admitted (HTTP, auth, admission)',
  'admitted → claimed (prompt, job added, picked by a worker)',
  'claimed → upstream first token',
  'upstream first token → client first byte (stream, web, SSE)',
] as const;

export interface WaterfallRow {
  phase: string;
  target: TargetName;
  requests: number;
  /** Requests whose record lacked a timestamp. */
  incomplete: number;
  /** Median ms of each step of WATERFALL_STEPS. */
  medians: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
};

/** Reads the records of `samples` (after their block, so the reads cost the measured processes nothing). */
export async function waterfall(
  redis: RedisClient,
  redisPrefix: string,
  phase: string,
  target: TargetName,
  samples: WaterfallSample[],
): Promise<WaterfallRow> {
  const keys = llmKeys(redisPrefix);
  const pipeline = redis.pipeline();
  for (const s of samples) pipeline.hmget(keys.meta(s.requestId), RECORD.created, RECORD.startedAt, RECORD.ttftMs);
  const records = (await pipeline.exec()) ?? [];
  const steps: number[][] = WATERFALL_STEPS.map(() => []);
  let incomplete = 0;
  samples.forEach((sample, i) => {
    const [created, started, ttftMs] = ((records[i]?.[1] as Array<string | null>) ?? []).map((v) =>
      v ? Number(v) : Number.NaN,
    );
    const firstToken = created! + ttftMs!;
    const points = [sample.sentAt, created!, started!, firstToken, sample.sentAt + sample.ttft];
    if (points.some((p) => !Number.isFinite(p))) {
      incomplete += 1;
      return;
    }
    for (let step = 0; step < WATERFALL_STEPS.length; step += 1) steps[step]!.push(points[step + 1]! - points[step]!);
  });
  return { phase, target, requests: samples.length, incomplete, medians: steps.map(median) };
}
