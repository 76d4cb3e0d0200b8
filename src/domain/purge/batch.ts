/** One bounded batch of a purge: remove at most `limit` documents that were dead at `now`; return how many went. */
export interface PurgeBatch {
  now: Date;
  limit: number;
}

export type PurgeFunction = (batch: PurgeBatch) => Promise<number>;

export interface Purgeable {
  /** Shown in logs and in the job's result. */
  name: string;
  purge: PurgeFunction;
}
