import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthEpochs, createEpochCache, epochOf, GLOBAL_EPOCH, writesOnly } from '../../src/lib/auth-epochs.js';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { authEpochKey } from '../../queues/index.js';
import { testConfig } from '../helpers/config.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { registerAndLogin } from '../factories/users.js';
import { UserModel } from '../../src/models/user.js';
import { writeSeedFields } from '../../src/domain/quota/seed-fields.js';

/** The epoch-validated cache against real Redis, and against a Redis that cannot be reached. */
describe('auth epochs', () => {
  const config = testConfig();
  const redis = createRedis(redisTargetOf(config));
  const unreachable = createRedis(
    { url: 'redis://127.0.0.1:1', clusterNodes: [] },
    { retryStrategy: () => null, connectTimeout: 200 },
  );
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

    await redis.del(authEpochKey(config.REDIS_PREFIX, refs[1]!));
    expect(await cached('k', refs, load)).toBe(4);
    expect(await cached('k', refs, load)).toBe(5); // the key recreated with a new value: remembered from here
    expect(await cached('k', refs, load)).toBe(5);
  });

  it('does not cache a failed lookup, and creates no epoch for it', async () => {
    const cached = createEpochCache<number>(epochs, 60_000);
    const ref = epochOf('organizations', 'b'.repeat(24));
    await expect(
      cached('x', [ref], async () => {
        throw new Error('not found');
      }),
    ).rejects.toThrow('not found');
    expect(await redis.exists(authEpochKey(config.REDIS_PREFIX, ref))).toBe(0);
  });

  it('with Redis unreachable every call is a full lookup', async () => {
    const cached = createEpochCache<number>(
      createAuthEpochs({ redis: unreachable, prefix: config.REDIS_PREFIX }),
      60_000,
    );
    const { load } = counting();
    for (let i = 1; i <= 3; i += 1) expect(await cached('k', [GLOBAL_EPOCH], load)).toBe(i);
  });

  it('is off with a TTL of 0', async () => {
    const cached = createEpochCache<number>(epochs, 0);
    const { load } = counting();
    for (let i = 1; i <= 3; i += 1) expect(await cached('k', [GLOBAL_EPOCH], load)).toBe(i);
  });
});

describe('which writes bump an account epoch', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  const epochKey = (id: string) => authEpochKey(app.config.REDIS_PREFIX, epochOf('users', id));

  it('usage totals and the last sign-in leave cached credentials valid; anything else invalidates them', async () => {
    const session = await registerAndLogin(app);
    const id = session.user.id;
    await UserModel.updateOne({ _id: id }, { $set: { name: 'first write' } });
    const before = await app.redis.get(epochKey(id));
    expect(before).not.toBeNull();

    await writeSeedFields([{ ref: { kind: 'user', id }, limit: 1000, used: 10, calls: 1 }]);
    await UserModel.updateOne({ _id: id }, { $set: { last_login_at: new Date() } });
    expect(await app.redis.get(epochKey(id))).toBe(before);

    await UserModel.updateOne({ _id: id }, { $set: { tokens_used: 20, is_active: false } });
    const afterMixed = await app.redis.get(epochKey(id));
    expect(afterMixed).not.toBe(before);
    await UserModel.updateOne({ _id: id }, { $set: { limit_overrides: { monthly_tokens: 5 } } });
    expect(await app.redis.get(epochKey(id))).not.toBe(afterMixed);
  });

  it('reads update paths across operators', () => {
    const fields = new Set(['tokens_used', 'monthly_usage']);
    expect(writesOnly({ $set: { tokens_used: 1, 'monthly_usage.api_calls': 2 } }, fields)).toBe(true);
    expect(writesOnly({ tokens_used: 1 }, fields)).toBe(true);
    expect(writesOnly({ $set: { tokens_used: 1 }, $unset: { role: 1 } }, fields)).toBe(false);
    expect(writesOnly([{ $set: { tokens_used: 1 } }], fields)).toBe(false);
    expect(writesOnly({}, fields)).toBe(false);
    expect(writesOnly({ $set: { monthly_usage_x: 1 } }, fields)).toBe(false);
  });
});
