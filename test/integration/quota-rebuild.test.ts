import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { payerUser } from '../factories/usage.js';
import { createQuotaService, type QuotaService } from '../../src/shared/quota/service.js';
import { loadAccountState, type AccountRef } from '../../src/shared/quota/accounts.js';
import { BEGIN_LOAD, FINISH_LOAD } from '../../src/shared/quota/scripts.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';

/**
 * The protocol that lets counters be loaded or rebuilt from the ledger while settlements keep landing, driven
 * step by step so the interleavings that lose or double a charge happen every time (real Redis and FerretDB).
 */
describe('loading and rebuilding quota counters while settlements land', () => {
  let app: TestApp;
  let quota: QuotaService;
  beforeAll(async () => {
    app = await startTestApp();
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    await app.stop();
  });

  /** The settlement's own steps (as the usage worker runs them): row, then counters, then the stamp. */
  async function writeRow(ref: AccountRef, billed: number) {
    const requestId = `req-${randomUUID()}`;
    const period = (await UserModel.findById(ref.id).lean())!.reset_date.toISOString();
    await TokenUsageModel.create({
      request_id: requestId,
      payer_type: 'user',
      payer_id: new Types.ObjectId(ref.id),
      user_id: new Types.ObjectId(ref.id),
      model: 'gpt-3.5-turbo',
      status: 'completed',
      total_tokens: billed,
      billed_tokens: billed,
      accounts: [`user:${ref.id}`],
      period,
      settle_pending: true,
      day: '2030-01-01',
    });
    return requestId;
  }
  const charge = (ref: AccountRef, requestId: string, billed: number) =>
    quota.settleRequest(requestId, [ref], billed, 1);
  async function stamp(requestId: string, settledAt: number) {
    await TokenUsageModel.updateOne(
      { request_id: requestId },
      { $set: { settle_pending: false, settled_ts: settledAt } },
    );
  }
  async function settle(ref: AccountRef, billed: number) {
    const id = await writeRow(ref, billed);
    await stamp(id, (await charge(ref, id, billed)).settledAt);
    return id;
  }

  /** A load cut at T0, with `during` running between the cut and the write. */
  async function loadWith(ref: AccountRef, mode: 'init' | 'rebuild', during: () => Promise<unknown>) {
    const key = quota.accountKey(ref);
    const [t0] = (await BEGIN_LOAD.run(app.redis, [key], [])) as [string];
    await during();
    const state = (await loadAccountState(ref, { at: Number(t0), settledTimes: quota.settledTimes }))!;
    return FINISH_LOAD.run(
      app.redis,
      [key],
      [state.limit, state.ledgerUsed, state.calls, state.period, t0, mode, state.floor],
    );
  }

  it('a settlement landing during a rebuild is counted once (not lost, not doubled)', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    expect(await loadWith(ref, 'rebuild', () => settle(ref, 20))).toBe(1);
    expect(await quota.snapshot(ref)).toMatchObject({ used: 120, calls: 2 });
  });

  it('a settlement landing while a lost account is reloaded is counted once', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    await app.redis.del(quota.accountKey(ref));
    expect(await loadWith(ref, 'init', () => settle(ref, 7))).toBe(1);
    expect(await quota.snapshot(ref)).toMatchObject({ used: 107, calls: 2 });
  });

  it('rows whose settlement has not charged the counters are left for it; charged but unstamped rows count by their marker', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    const waiting = await writeRow(ref, 30); // a worker died before charging: its retry charges it
    const charged = await writeRow(ref, 5);
    await charge(ref, charged, 5); // charged before the cut, stamp not written yet
    expect(await loadWith(ref, 'rebuild', async () => undefined)).toBe(1);
    expect(await quota.snapshot(ref)).toMatchObject({ used: 105, calls: 2 });
    await stamp(waiting, (await charge(ref, waiting, 30)).settledAt);
    expect(await quota.snapshot(ref)).toMatchObject({ used: 135, calls: 3 });
    const { drift } = await quota.rebuild(ref);
    expect(drift).toBe(0);
  });

  it('a newer load overtakes an older one; the older one does not write', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 10);
    const key = quota.accountKey(ref);
    const older = await loadWith(ref, 'rebuild', async () => {
      await quota.rebuild(ref);
      await settle(ref, 1);
    });
    expect(older).toBe(-1);
    expect(await quota.snapshot(ref)).toMatchObject({ used: 11, calls: 2 });
    expect(await app.redis.hexists(key, 'rb_t0')).toBe(0);
  });

  it('usage migrated without ledger rows is a floor; with ledger rows the ledger wins, so drift can be corrected', async () => {
    const migrated = await payerUser(app, 100_000);
    await UserModel.updateOne({ _id: migrated.user.id }, { $set: { tokens_used: 4000 } });
    expect((await quota.snapshot(migrated.ref))!.used).toBe(4000);

    const { ref, user } = await payerUser(app, 100_000);
    await quota.snapshot(ref);
    await settle(ref, 100);
    await app.redis.hset(quota.accountKey(ref), 'used', 900);
    await UserModel.updateOne({ _id: user.id }, { $set: { tokens_used: 900 } });
    expect((await quota.rebuild(ref)).drift).toBe(800);
    expect((await quota.snapshot(ref))!.used).toBe(100);
  });
});
