import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { payerUser } from '../factories/usage.js';
import { createQuotaService, groupOfAccount, type QuotaService } from '../../src/domain/quota/service.js';
import { loadAccountState, type AccountRef, type LedgerCut } from '../../src/domain/quota/accounts.js';
import { createLedgerBacklog } from '../../src/domain/quota/ledger-backlog.js';
import { createLedgerFlusher } from '../../src/domain/usage/ledger-flush.js';
import { createLogger } from '../../src/lib/logger.js';
import { quotaKeys, type LedgerRow } from '../../queues/index.js';
import { BEGIN_LOAD, FINISH_LOAD } from '../../src/domain/quota/scripts.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { UserModel } from '../../src/models/user.js';

/**
 * The protocol that lets counters be loaded or rebuilt from the ledger while settlements keep landing and flushes
 * keep moving rows from the ledger backlog to MongoDB, driven step by step so the interleavings that lose or
 * double a charge happen every time (real Redis and FerretDB).
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

  const flusher = () =>
    createLedgerFlusher({
      backlog: createLedgerBacklog({ redis: app.redis, prefix: app.config.REDIS_PREFIX }),
      logger: createLogger('silent'),
      batchSize: 100,
    });

  /** The settlement's one step (as the usage worker runs it): counters charged and the row appended to the backlog. */
  async function charge(ref: AccountRef, billed: number, requestId = `req-${randomUUID()}`) {
    const period = (await UserModel.findById(ref.id).lean())!.reset_date.toISOString();
    const row: LedgerRow = {
      request_id: requestId,
      payer_type: 'user',
      payer_id: ref.id,
      user_id: ref.id,
      sub_user_id: null,
      parent_user_id: null,
      organization_id: null,
      api_key_id: null,
      model: 'gpt-3.5-turbo',
      endpoint: 'chat.completions',
      provider: 'fake',
      prompt_tokens: billed,
      completion_tokens: 0,
      total_tokens: billed,
      billed_tokens: billed,
      overage_tokens: 0,
      accounts: [`user:${ref.id}`],
      reserved_tokens: billed,
      usage_source: 'reported',
      status: 'completed',
      error_code: null,
      stream: false,
      ttft_ms: null,
      duration_ms: null,
      period,
      day: '2030-01-01',
      created_at: Date.now(),
    };
    const owner = `${ref.id}/${ref.id}`;
    await quota.settleRequest(requestId, [ref], billed, 1, { owner, period, row: JSON.stringify(row) });
    return requestId;
  }
  /** Charged, then written to the ledger by a flush. */
  async function settle(ref: AccountRef, billed: number) {
    const id = await charge(ref, billed);
    await flusher().flush();
    return id;
  }

  /** A cut of the user's group (each test's payer is a user: its keys live in its own slot group). */
  const cutAt = (at: number, ref: AccountRef): LedgerCut => {
    const group = groupOfAccount(ref);
    return { at, settledTimes: (ids) => quota.settledTimes(group, ids), backlogRows: () => quota.backlogRows(group) };
  };

  /** A load cut at T0, with `during` running between the cut and the write. */
  async function loadWith(ref: AccountRef, mode: 'init' | 'rebuild', during: () => Promise<unknown>) {
    const key = quota.accountKey(ref);
    const [t0] = (await BEGIN_LOAD.run(app.redis, [key], [])) as [string];
    await during();
    const state = (await loadAccountState(ref, cutAt(Number(t0), ref)))!;
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

  it('a row that a flush moves from the backlog to the ledger between the two reads of a rebuild is counted once', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    await charge(ref, 30);
    await charge(ref, 5);
    const key = quota.accountKey(ref);
    const [t0] = (await BEGIN_LOAD.run(app.redis, [key], [])) as [string];
    const racing: LedgerCut = {
      ...cutAt(Number(t0), ref),
      async backlogRows() {
        const rows = await quota.backlogRows(groupOfAccount(ref));
        expect(rows).toHaveLength(2);
        expect((await flusher().flush()).written).toBe(2);
        return rows;
      },
    };
    const state = (await loadAccountState(ref, racing))!;
    expect(state).toMatchObject({ used: 135, calls: 3 });
    expect(await TokenUsageModel.countDocuments({ payer_id: ref.id })).toBe(3);
    // And the other way round: rows still in the backlog when the ledger is read count by their markers.
    await charge(ref, 1);
    expect((await loadAccountState(ref, cutAt(Number(t0) + 10_000_000, ref)))!).toMatchObject({ used: 136, calls: 4 });
    expect((await quota.rebuild(ref)).drift).toBe(0);
  });

  it('rows settled after the cut are left to the load (it adds them), wherever they are', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    const [t0] = (await BEGIN_LOAD.run(app.redis, [quota.accountKey(ref)], [])) as [string];
    await charge(ref, 40); // still in the backlog, stamped after the cut
    await settle(ref, 2); // already in the ledger, stamped after the cut
    expect((await loadAccountState(ref, cutAt(Number(t0), ref)))!).toMatchObject({ used: 100, calls: 1 });
  });

  it('a backlog row whose settled marker is lost is left to its retry, which charges it once', async () => {
    const { ref } = await payerUser(app, 100_000);
    await settle(ref, 100);
    const requestId = await charge(ref, 50);
    await app.redis.del(
      quota.accountKey(ref),
      quotaKeys(app.config.REDIS_PREFIX, groupOfAccount(ref)).settled(requestId),
    );
    expect(await quota.snapshot(ref)).toMatchObject({ used: 100, calls: 1 });
    await charge(ref, 50, requestId); // the settle job's retry
    await flusher().flush();
    expect(await quota.snapshot(ref)).toMatchObject({ used: 150, calls: 2 });
    expect(await TokenUsageModel.countDocuments({ request_id: requestId })).toBe(1);
    expect((await quota.rebuild(ref)).drift).toBe(0);
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
