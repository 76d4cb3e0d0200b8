/** The wait queue is full: the caller should refuse the work now rather than wait. */
export class SemaphoreFull extends Error {
  override name = 'SemaphoreFull';
}

export interface BoundedSemaphore {
  /**
   * Runs `task` once a slot is free; throws SemaphoreFull at once when `queueMax` callers already wait, or when
   * one of `clients` already holds `maxPerClient` slots (running and waiting together).
   */
  run<T>(task: () => Promise<T>, clients?: string[]): Promise<T>;
  readonly inFlight: number;
  readonly waiting: number;
}

/** At most `concurrency` tasks at a time and at most `queueMax` waiting; nothing ever queues without bound. */
interface Options {
  concurrency: number;
  queueMax: number;
  /** Slots (running and waiting) one client may hold, so that one client cannot take them all. */
  maxPerClient?: number;
  /** Told after every change (for gauges). */
  onChange?: (inFlight: number, waiting: number) => void;
}

export function createBoundedSemaphore({
  concurrency,
  queueMax,
  maxPerClient = Infinity,
  onChange,
}: Options): BoundedSemaphore {
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const held = new Map<string, number>();
  const changed = () => onChange?.(inFlight, waiters.length);

  function hold(clients: string[]): void {
    if (clients.some((client) => (held.get(client) ?? 0) >= maxPerClient))
      throw new SemaphoreFull('This client already holds its share of the slots');
    for (const client of clients) held.set(client, (held.get(client) ?? 0) + 1);
  }

  function letGo(clients: string[]): void {
    for (const client of clients) {
      const left = (held.get(client) ?? 1) - 1;
      if (left > 0) held.set(client, left);
      else held.delete(client);
    }
  }

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
    async run(task, clients = []) {
      hold(clients);
      try {
        await acquire();
      } catch (error) {
        letGo(clients);
        throw error;
      }
      try {
        return await task();
      } finally {
        release();
        letGo(clients);
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
