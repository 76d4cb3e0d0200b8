import { describe, expect, it } from 'vitest';
import { createBoundedSemaphore, SemaphoreFull } from '../../src/lib/bounded-semaphore.js';

/** A task that runs until `finish` is called. */
function heldTask() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { task: () => done, finish };
}

describe('bounded semaphore', () => {
  it('runs at most `concurrency` tasks, lets at most `queueMax` wait, refuses the rest at once, in order', async () => {
    const seen: Array<[number, number]> = [];
    const slots = createBoundedSemaphore({
      concurrency: 2,
      queueMax: 3,
      onChange: (inFlight, waiting) => seen.push([inFlight, waiting]),
    });
    const held = Array.from({ length: 8 }, heldTask);
    const started: number[] = [];
    const runs = held.map((h, i) =>
      slots.run(async () => {
        started.push(i);
        await h.task();
        return i;
      }),
    );
    const refused = await Promise.allSettled(runs.slice(5));
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof SemaphoreFull)).toBe(true);
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([slots.inFlight, slots.waiting]).toEqual([2, 3]);

    for (const h of held.slice(0, 5)) h.finish();
    expect(await Promise.all(runs.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([slots.inFlight, slots.waiting]).toEqual([0, 0]);
    expect(Math.max(...seen.map(([inFlight]) => inFlight))).toBe(2);
    expect(Math.max(...seen.map(([, waiting]) => waiting))).toBe(3);
  });

  it('frees the slot when a task fails', async () => {
    const slots = createBoundedSemaphore({ concurrency: 1, queueMax: 0 });
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run(async () => 'ok')).resolves.toBe('ok');
  });
});
