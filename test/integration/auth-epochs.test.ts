import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthEpochs, createEpochCache, epochOf, GLOBAL_EPOCH } from '../../src/lib/auth-epochs.js';
import { createRedis, redisKey } from '../../src/lib/redis.js';
import { testConfig } from '../helpers/config.js';

/** The epoch-validated cache against real Redis, and against a Redis that cannot be reached. */
describe('auth epochs', () => {
  const config = testConfig();
  const redis = createRedis(config.REDIS_URL);
  const unreachable = createRedis('redis://127.0.0.1:1', { retryStrategy: () => null, connectTimeout: 200 });
  unreachable.on('error', () => undefined);
  beforeAll(async () => {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(() => {
    redis.disconnect();
    unreachable.disconnect();
  });
  const epochs = createAuthEpochs({ redis, prefix: config.REDIS_PREFIX });

  function counting() {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  }

  it('remembers a value only once its epochs exist, and drops it when one is bumped or lost', async () => {
    const cached = createEpochCache<number>(epochs, 60_000);
    const refs = [GLOBAL_EPOCH, epochOf('users', 'a'.repeat(24))];
    const { load, loads } = counting();
    await cached('k', refs, load); // epochs missing: loaded, epochs created, not remembered
    await cached('k', refs, load); // loaded and remembered
    expect(await cached('k', refs, load)).toBe(2);
    expect(loads()).toBe(2);

    await epochs.bump([refs[1]!]);
    expect(await cached('k', refs, load)).toBe(3);
    expect(await cached('k', refs, load)).toBe(3);

    await redis.del(redisKey(config.REDIS_PREFIX, 'auth-epoch', refs[1]!));
    expect(await cached('k', refs, load)).toBe(4);
    expect(await cached('k', refs, load)).toBe(5); // the key recreated with a new value: remembered from here
    expect(await cached('k', refs, load)).toBe(5);
  });

  it('does not cache a failed lookup, and creates no epoch for it', async () => {
    const cached = createEpochCache<number>(epochs, 60_000);
    const ref = epochOf('organizations', 'b'.repeat(24));
    await expect(cached('x', [ref], async () => { throw new Error('not found'); })).rejects.toThrow('not found');
    expect(await redis.exists(redisKey(config.REDIS_PREFIX, 'auth-epoch', ref))).toBe(0);
  });

  it('with Redis unreachable every call is a full lookup', async () => {
    const cached = createEpochCache<number>(createAuthEpochs({ redis: unreachable, prefix: config.REDIS_PREFIX }), 60_000);
    const { load } = counting();
    for (let i = 1; i <= 3; i += 1) expect(await cached('k', [GLOBAL_EPOCH], load)).toBe(i);
  });

  it('is off with a TTL of 0', async () => {
    const cached = createEpochCache<number>(epochs, 0);
    const { load } = counting();
    for (let i = 1; i <= 3; i += 1) expect(await cached('k', [GLOBAL_EPOCH], load)).toBe(i);
  });
});
