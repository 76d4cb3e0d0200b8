/** The wait queue is full: the caller should refuse the work now rather than wait. */
export class SemaphoreFull extends Error {
  override name = 'SemaphoreFull';
}

export interface BoundedSemaphore {
  /** Runs `task` once a slot is free; throws SemaphoreFull at once when `queueMax` callers already wait. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
  readonly waiting: number;
}

/** At most `concurrency` tasks at a time and at most `queueMax` waiting; nothing ever queues without bound. */
interface Options {
  concurrency: number;
  queueMax: number;
  /** Told after every change (for gauges). */
  onChange?: (inFlight: number, waiting: number) => void;
}

export function createBoundedSemaphore({ concurrency, queueMax, onChange }: Options): BoundedSemaphore {
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const changed = () => onChange?.(inFlight, waiters.length);

  function acquire(): Promise<void> {
    if (inFlight < concurrency) {
      inFlight++;
      changed();
      return Promise.resolve();
    }
    if (waiters.length >= queueMax)
      return Promise.reject(new SemaphoreFull('All slots are busy and the wait queue is full'));
    // The slot is handed over by release(), so inFlight stays counted while it passes to the next waiter.
    const slot = new Promise<void>((resolve) => waiters.push(resolve));
    changed();
    return slot;
  }

  function release(): void {
    const next = waiters.shift();
    if (next) next();
    else inFlight--;
    changed();
  }

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return waiters.length;
    },
  };
}
