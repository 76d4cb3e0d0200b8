import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createLogger } from '../../src/lib/logger.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { testConfig } from '../helpers/config.js';
import { createStreamHub, type StreamHub } from '../../src/modules/llm/stream-hub.js';
import { llmKeys, newRequestId, type StreamEntry } from '../../queues/index.js';
import { deleteKeys } from '../helpers/harness.js';
import { waitFor } from '../helpers/wait.js';

describe('the shared stream readers (real Redis)', () => {
  const prefix = `t_hub_${randomBytes(4).toString('hex')}`;
  const redis = createRedis(redisTargetOf(testConfig()));
  let hub: StreamHub;
  beforeAll(async () => {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    hub = createStreamHub({
      redisTarget: redisTargetOf(testConfig()),
      control: redis,
      readers: 2,
      log: createLogger('silent'),
    });
  });
  afterAll(async () => {
    hub.close();
    await deleteKeys(redis, `${prefix}:*`);
    redis.disconnect();
  });

  const add = (key: string, data: string) => redis.xadd(key, '*', 't', 'c', 'd', data) as Promise<string>;

  it('a subscriber that joins behind a read already on its way gets no gap (a resume while the old connection lingers)', async () => {
    // The race a resumed client met: its old connection's subscriber is ahead (it was sent entries the client never
    // got), a read from there is answering, and the new subscriber joins from an earlier id in the meantime.
    // One reader, so both subscribers share it (with more, they share one whenever the pool is busy).
    const shared = createStreamHub({
      redisTarget: redisTargetOf(testConfig()),
      control: redis,
      readers: 1,
      log: createLogger('silent'),
    });
    const gaps: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      const key = `${prefix}:race:${round}`;
      const ids = [await add(key, 'e0'), await add(key, 'e1'), await add(key, 'e2')];
      const ahead: StreamEntry[] = [];
      const lingering = shared.subscribe(key, '0-0', (e) => ahead.push(...e));
      await waitFor(() => ahead.length === 3, 'the old subscriber caught up');
      await new Promise((resolve) => setTimeout(resolve, 20)); // its next read is blocked in Redis by now
      const behind: StreamEntry[] = [];
      const writer = add(key, 'e3');
      const resumed = shared.subscribe(key, ids[0]!, (e) => behind.push(...e));
      await writer;
      await add(key, 'e4');
      await waitFor(() => behind.length >= 4 || behind.at(-1)?.data === 'e4', 'the new subscriber reached the end');
      const got = behind.map((e) => e.data).join(',');
      if (got !== 'e1,e2,e3,e4') gaps.push(`round ${round}: ${got}`);
      lingering.close();
      resumed.close();
    }
    shared.close();
    expect(gaps).toEqual([]);
  });

  it('delivers each subscriber the entries after its own position, in order, once', async () => {
    const key = `${prefix}:one`;
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await add(key, `e${i}`));
    const seen: Record<string, StreamEntry[]> = { all: [], middle: [], last: [] };
    const subs = [
      hub.subscribe(key, '0-0', (e) => seen.all!.push(...e)),
      hub.subscribe(key, ids[2]!, (e) => seen.middle!.push(...e)),
      hub.subscribe(key, ids[4]!, (e) => seen.last!.push(...e)),
    ];
    for (let i = 5; i < 8; i += 1) await add(key, `e${i}`);
    await waitFor(
      () => seen.all!.length === 8 && seen.middle!.length === 5 && seen.last!.length === 3,
      'every subscriber its events',
    );
    expect(seen.all!.map((e) => e.data)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(seen.middle!.map((e) => e.data)).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
    expect(seen.last!.map((e) => e.data)).toEqual(['e5', 'e6', 'e7']);
    for (const s of subs) s.close();
  });

  it('follows hundreds of streams at once (spaced reads), a paused subscriber catching up on resume', async () => {
    // Request streams as the service names them: spread over the slot groups (on a cluster, a reader per group).
    const keys = Array.from({ length: 300 }, () =>
      llmKeys(prefix).stream(newRequestId(randomBytes(12).toString('hex'))),
    );
    const got = new Map<string, string[]>(keys.map((k) => [k, []]));
    const subs = keys.map((key) =>
      hub.subscribe(key, '0-0', (entries) => got.get(key)!.push(...entries.map((e) => e.data))),
    );
    subs[7]!.pause();
    for (let round = 0; round < 3; round += 1) await Promise.all(keys.map((key) => add(key, `r${round}`)));
    await waitFor(
      () => keys.every((k, i) => i === 7 || got.get(k)!.length === 3),
      'the other subscribers their events',
    );
    expect(got.get(keys[7]!)).toEqual([]);
    subs[7]!.resume();
    await waitFor(() => got.get(keys[7]!)!.length === 3, 'the paused subscriber its events');
    for (const key of keys) expect(got.get(key)).toEqual(['r0', 'r1', 'r2']);
    for (const s of subs) s.close();
    expect(hub.size()).toBe(0);
  });
});
