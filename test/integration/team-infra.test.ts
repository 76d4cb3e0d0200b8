import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createLocks } from '../../src/lib/locks.js';
import { sumBy } from '../../src/lib/aggregate.js';
import { setVerified } from '../../src/lib/verified-write.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';

describe('building blocks for team changes (real Redis and FerretDB)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    if (app.redis.status !== 'ready') await once(app.redis, 'ready');
  });
  afterAll(async () => {
    await app.stop();
  });

  it('a lock admits one holder at a time across 30 concurrent callers, and is freed when work throws', async () => {
    const locks = createLocks({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    let inside = 0;
    let most = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: 30 }, () =>
        locks.withLock('x', async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setImmediate(resolve));
          inside -= 1;
          done += 1;
        }),
      ),
    );
    expect({ most, done }).toEqual({ most: 1, done: 30 });
    await expect(
      locks.withLock('y', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await locks.withLock('y', async () => 'free again')).toBe('free again');
  });

  it('a caller that cannot get the lock in time gets a 503 resource_busy', async () => {
    const locks = createLocks({ redis: app.redis, prefix: app.config.REDIS_PREFIX, waitMs: 50 });
    let release!: () => void;
    const held = locks.withLock(
      'z',
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await expect(locks.withLock('z', async () => 'never')).rejects.toMatchObject({
      status: 503,
      code: 'resource_busy',
    });
    release();
    await held;
  });

  it('sumBy returns every sum of a group (FerretDB computes only the first accumulator of a $group)', async () => {
    const user = new Types.ObjectId();
    const row = (model: string, billed: number, prompt: number, i: number) => ({
      request_id: `r-${user.toString()}-${i}`,
      payer_type: 'user',
      payer_id: user,
      user_id: user,
      model,
      status: 'completed',
      billed_tokens: billed,
      prompt_tokens: prompt,
      day: '2026-01-01',
      period: 'p',
    });
    await TokenUsageModel.insertMany([row('a', 10, 4, 1), row('a', 5, 1, 2), row('b', 7, 7, 3)]);
    const sums = { billed: '$billed_tokens', prompt: '$prompt_tokens', requests: 1 };
    expect(await sumBy(TokenUsageModel, { user_id: user }, '$model', sums)).toEqual([
      { _id: 'a', billed: 15, prompt: 5, requests: 2 },
      { _id: 'b', billed: 7, prompt: 7, requests: 1 },
    ]);
    expect(await sumBy(TokenUsageModel, { user_id: user }, null, sums)).toEqual([
      { _id: null, billed: 22, prompt: 12, requests: 3 },
    ]);
    expect(await sumBy(TokenUsageModel, { user_id: new Types.ObjectId() }, null, sums)).toEqual([]);
  });

  it('setVerified writes again when a concurrent whole-document write undid its change', async () => {
    const org = await OrganizationModel.create({
      name: 'before',
      owner_id: new Types.ObjectId(),
      reset_date: new Date(),
    });
    const stale = await OrganizationModel.collection.findOne({ _id: org._id });
    let raced = false;
    // A writer that read the document before our update and writes it back after (FerretDB's lost update).
    const racing = {
      updateOne: async (filter: object, update: object) => {
        await OrganizationModel.updateOne(filter, update);
        if (!raced) {
          raced = true;
          await OrganizationModel.collection.replaceOne({ _id: org._id }, stale!);
        }
      },
      findById: (id: unknown, projection: object) => OrganizationModel.findById(id, projection),
    };
    expect(await setVerified(racing, org._id, { name: 'after', settings: { b: 1, a: [1, { c: 2 }] } })).toBe(true);
    expect(raced).toBe(true);
    expect(await OrganizationModel.findById(org._id).lean()).toMatchObject({
      name: 'after',
      settings: { b: 1, a: [1, { c: 2 }] },
    });
    expect(await setVerified(OrganizationModel, new Types.ObjectId(), { name: 'x' })).toBe(false);
  });

  it('setVerified fails with 503 resource_busy when every read-back finds its change undone', async () => {
    const org = await OrganizationModel.create({
      name: 'before',
      owner_id: new Types.ObjectId(),
      reset_date: new Date(),
    });
    const stale = await OrganizationModel.collection.findOne({ _id: org._id });
    let writes = 0;
    // A writer that always lands after our update with the document it read before it.
    const alwaysUndone = {
      updateOne: async (filter: object, update: object) => {
        await OrganizationModel.updateOne(filter, update);
        writes += 1;
        await OrganizationModel.collection.replaceOne({ _id: org._id }, stale!);
      },
      findById: (id: unknown, projection: object) => OrganizationModel.findById(id, projection),
    };
    await expect(setVerified(alwaysUndone, org._id, { name: 'after' })).rejects.toMatchObject({
      status: 503,
      code: 'resource_busy',
    });
    expect(writes).toBe(3);
    expect(await OrganizationModel.findById(org._id).lean()).toMatchObject({ name: 'before' });
  });
});
