import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createQuotaService, InsufficientQuotaError, type QuotaService } from '../../src/domain/quota/service.js';
import { UserModel } from '../../src/models/user.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';
import { registerAndLogin } from '../factories/users.js';

describe('quota reservations in Redis', () => {
  let app: TestApp;
  let quota: QuotaService;
  beforeAll(async () => {
    app = await startTestApp();
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await app.stop();
  });

  async function userAccount(limit: number): Promise<AccountRef> {
    const { user } = await registerAndLogin(app);
    await UserModel.updateOne({ _id: user.id }, { $set: { monthly_limit: limit, tokens_remaining: limit } });
    return { kind: 'user', id: user.id };
  }

  it('never grants more than the limit to 50 concurrent reservations', async () => {
    const account = await userAccount(1000);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => quota.reserve(randomUUID(), [account], 200, 200, 60_000)),
    );
    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(granted).toHaveLength(5);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientQuotaError)).toBe(true);
    expect(await quota.snapshot(account)).toMatchObject({ limit: 1000, used: 0, reserved: 1000 });
  });

  it('caps a grant to what is left and refuses below the minimum', async () => {
    const account = await userAccount(300);
    expect((await quota.reserve(randomUUID(), [account], 250, 10, 60_000)).granted).toBe(250);
    expect((await quota.reserve(randomUUID(), [account], 250, 10, 60_000)).granted).toBe(50);
    await expect(quota.reserve(randomUUID(), [account], 250, 10, 60_000)).rejects.toMatchObject({
      status: 429,
      code: 'insufficient_quota',
    });
  });

  it('settles exactly once even when called concurrently, and releases the reservation', async () => {
    const account = await userAccount(1000);
    const id = randomUUID();
    await quota.reserve(id, [account], 400, 1, 60_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => quota.settle(id, [account], 123, 1)));
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(await quota.snapshot(account)).toMatchObject({ used: 123, reserved: 0, calls: 1 });
  });

  it('release gives a reservation back unused and closes its request id', async () => {
    const account = await userAccount(1000);
    const id = randomUUID();
    await quota.reserve(id, [account], 400, 1, 60_000);
    await quota.release(id, [account]);
    expect(await quota.snapshot(account)).toMatchObject({ used: 0, reserved: 0, calls: 0 });
    expect(await quota.settle(id, [account], 123, 1)).toEqual([]);
    expect(await quota.snapshot(account)).toMatchObject({ used: 0, reserved: 0 });
  });

  it('reserves all-or-nothing over a chain (a cap, then the pool)', async () => {
    const pool = await userAccount(1000);
    const { user: sub } = await registerAndLogin(app);
    await UserModel.updateOne(
      { _id: sub.id },
      { $set: { is_sub_user: true, parent_user_id: pool.id, sub_user_limits: { monthly_tokens: 100 } } },
    );
    const cap: AccountRef = { kind: 'sub_user_cap', id: sub.id, parent: pool.id };
    await expect(quota.reserve(randomUUID(), [cap, pool], 150, 150, 60_000)).rejects.toBeInstanceOf(
      InsufficientQuotaError,
    );
    expect((await quota.snapshot(pool))!.reserved).toBe(0);
    expect((await quota.reserve(randomUUID(), [cap, pool], 150, 1, 60_000)).granted).toBe(100);
    expect((await quota.snapshot(pool))!.reserved).toBe(100);
  });

  it('refuses a chain whose accounts belong to different payers (their keys would be in different slots)', async () => {
    const [one, other] = [await userAccount(1000), await userAccount(1000)];
    await expect(quota.reserve(randomUUID(), [one, other], 10, 1, 60_000)).rejects.toThrow(/one payer/);
  });

  it('releases expired reservations so they never block a payer', async () => {
    const account = await userAccount(500);
    const id = randomUUID();
    await quota.reserve(id, [account], 500, 500, 1);
    await expect(quota.reserve(randomUUID(), [account], 1, 1, 60_000)).rejects.toBeInstanceOf(InsufficientQuotaError);
    const released = await quota.releaseExpired(await quota.expiringReservations(Date.now() + 10), Date.now() + 10);
    expect(released.map((ref) => ref.requestId)).toContain(id);
    expect((await quota.snapshot(account))!.reserved).toBe(0);
    // A late settle of the released request still charges once.
    await quota.settle(id, [account], 42, 1);
    expect(await quota.snapshot(account)).toMatchObject({ used: 42, reserved: 0 });
  });

  it('resets idempotently per period and rebuilds counters from the ledger', async () => {
    const account = await userAccount(1000);
    const id = randomUUID();
    await quota.reserve(id, [account], 100, 1, 60_000);
    await quota.settle(id, [account], 100, 1);
    const snap = await quota.snapshot(account);
    await TokenUsageModel.create({
      request_id: id,
      payer_type: 'user',
      payer_id: account.id,
      user_id: account.id,
      model: 'gpt-3.5-turbo',
      status: 'completed',
      billed_tokens: 100,
      total_tokens: 100,
      period: snap!.period,
      day: '2026-11-26',
    });
    await app.redis.hset(quota.accountKey(account), 'used', 999);
    const { drift } = await quota.rebuild(account);
    expect(drift).toBe(899);
    expect(await quota.snapshot(account)).toMatchObject({ used: 100, calls: 1 });
    expect(await quota.reset(account, 2000, '2099-01-01T00:00:00.000Z')).toBe(true);
    expect(await quota.reset(account, 2000, '2099-01-01T00:00:00.000Z')).toBe(false);
    expect(await quota.snapshot(account)).toMatchObject({ limit: 2000, used: 0, period: '2099-01-01T00:00:00.000Z' });
  });
});
