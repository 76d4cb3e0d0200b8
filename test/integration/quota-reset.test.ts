import { randomUUID } from 'node:crypto';
import { trusted } from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scanKeys } from '../../src/lib/redis.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitFor, waitForCompletedJob } from '../helpers/wait.js';
import { registerAndLogin, uniqueEmail } from '../factories/users.js';
import { BILLING_ENV, PRICE_PRO, invoice, newId, seconds, stripeEvent } from '../factories/stripe-events.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { startScheduler, type RunningScheduler } from '../../workers/scheduler/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { addMonthsUtc } from '../../src/lib/dates.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { memberCapAccount, type AccountRef } from '../../src/domain/quota/accounts.js';
import { createStripeSync } from '../../src/domain/billing/sync.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { SubscriptionModel } from '../../src/models/subscription.js';
import { UserModel } from '../../src/models/user.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('monthly quota resets (controllable clock: the tick carries its time)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  let scheduler: RunningScheduler;
  let quota: QuotaService;
  const created: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({ ...BILLING_ENV, QUOTA_RESET_BATCH_SIZE: '7', STRIPE_RENEWAL_GRACE_HOURS: '72' });
    workers = await startWorkers(app.config, createLogger('silent'), ['quota-reset']);
    scheduler = await startScheduler(app.config, createLogger('silent'));
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterEach(async () => {
    // Each test's payers leave, so the next test's ticks see only its own.
    await UserModel.deleteMany({ email: trusted({ $regex: '^reset-' }) });
    await OrganizationModel.deleteMany({});
    await OrganizationMemberModel.deleteMany({});
    created.length = 0;
  });
  afterAll(async () => {
    await scheduler?.stop();
    await workers?.stop();
    await app?.stop();
  });

  const resetQueue = () => app.producer.queues['quota-reset'];
  const tick = async (at: Date, via: RunningScheduler = scheduler) =>
    waitForCompletedJob(resetQueue(), await via.tick(at));

  async function user(resetDate: Date, extra: Record<string, unknown> = {}): Promise<AccountRef> {
    const doc = await UserModel.create({
      email: uniqueEmail('reset'),
      reset_date: resetDate,
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
      ...extra,
    });
    created.push(doc._id.toString());
    return { kind: 'user', id: doc._id.toString() };
  }

  async function use(accounts: AccountRef[], tokens: number) {
    const id = randomUUID();
    await quota.reserve(id, accounts, tokens, tokens, 60_000);
    await quota.settle(id, accounts, tokens, 1);
  }

  /** How many period transitions a payer went through (one Redis claim per transition). */
  async function transitions(type: string, id: string): Promise<number> {
    let count = 0;
    await scanKeys(app.redis, `${app.config.REDIS_PREFIX}:period-claim:${type}:${id}:*`, (keys) => {
      count += keys.length;
    });
    return count;
  }

  const userDoc = async (ref: AccountRef) => (await UserModel.findById(ref.id).lean())!;

  it('resets due users, organizations and their caps once, and leaves the others untouched', async () => {
    const T = new Date('2030-03-15T10:00:00.000Z');
    const a = await user(new Date(T.getTime() - HOUR));
    const b = await user(new Date(T.getTime() - 10 * DAY));
    const c = await user(new Date(T.getTime() + HOUR));
    const parent = await user(new Date(T.getTime() - 2 * HOUR));
    const sub = await user(new Date(T.getTime() - 2 * HOUR), {
      is_sub_user: true,
      parent_user_id: parent.id,
      sub_user_limits: { monthly_tokens: 500 },
    });
    const owner = await user(new Date(T.getTime() + 5 * DAY));
    const org = await OrganizationModel.create({
      name: 'Due Co',
      owner_id: owner.id,
      reset_date: new Date(T.getTime() - 3 * HOUR),
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
    });
    await OrganizationMemberModel.create({
      organization_id: org._id,
      user_id: owner.id,
      role: 'owner',
      monthly_token_cap: 300,
    });
    const orgRef: AccountRef = { kind: 'organization', id: org._id.toString() };
    const memberCap = memberCapAccount(org._id.toString(), owner.id);
    const subCap: AccountRef = { kind: 'sub_user_cap', id: sub.id, parent: parent.id };
    await use([a], 100);
    await use([c], 200);
    await use([subCap, parent], 50);
    await use([memberCap, orgRef], 70);
    const cBefore = await userDoc(c);

    const job = await tick(T);
    expect(job.returnvalue).toMatchObject({ reset: 4, awaiting_stripe: 0, renewal_fallback: 0 });
    for (const [ref, old] of [
      [a, T.getTime() - HOUR],
      [b, T.getTime() - 10 * DAY],
      [parent, T.getTime() - 2 * HOUR],
    ] as const) {
      const next = addMonthsUtc(new Date(old), 1);
      expect(await quota.snapshot(ref)).toMatchObject({ used: 0, calls: 0, limit: 10_000, period: next.toISOString() });
      expect(await userDoc(ref)).toMatchObject({
        reset_date: next,
        tokens_used: 0,
        tokens_remaining: 10_000,
        monthly_usage: { api_calls: 0, tokens_used: 0 },
      });
      expect(await transitions('user', ref.id)).toBe(1);
    }
    // The sub-user's cap and the member's cap follow their payer's period.
    const parentNext = addMonthsUtc(new Date(T.getTime() - 2 * HOUR), 1).toISOString();
    expect(await quota.snapshot(subCap)).toMatchObject({ used: 0, limit: 500, period: parentNext });
    const orgNext = addMonthsUtc(new Date(T.getTime() - 3 * HOUR), 1).toISOString();
    expect(await quota.snapshot(orgRef)).toMatchObject({ used: 0, period: orgNext });
    expect(await quota.snapshot(memberCap)).toMatchObject({ used: 0, limit: 300, period: orgNext });
    expect((await OrganizationModel.findById(orgRef.id).lean())!.reset_date).toEqual(new Date(orgNext));
    // Not due: untouched, and the sub-user (not a payer) was not reset on its own.
    expect(await quota.snapshot(c)).toMatchObject({ used: 200 });
    expect(await userDoc(c)).toMatchObject({ reset_date: cBefore.reset_date, tokens_used: cBefore.tokens_used });
    expect(await transitions('user', sub.id)).toBe(0);

    // Another scheduler's tick for the same minute is the same job; a later tick finds nobody due.
    const twin = await startScheduler(app.config, createLogger('silent'));
    try {
      expect(await twin.tick(new Date(T.getTime() + 30_000))).toBe(job.id);
    } finally {
      await twin.stop();
    }
    await use([a], 30);
    const later = await tick(new Date(T.getTime() + HOUR - 1));
    expect(later.returnvalue).toMatchObject({ reset: 0 });
    expect(await quota.snapshot(a)).toMatchObject({ used: 30 });
    expect(await transitions('user', a.id)).toBe(1);
  });

  it('resets once with two schedulers and two workers ticking at the same time', async () => {
    const T = new Date('2031-06-01T00:00:00.000Z');
    const old = new Date(T.getTime() - 30 * 60_000);
    const expected = addMonthsUtc(old, 1).toISOString();
    const payers = await Promise.all(Array.from({ length: 30 }, () => user(old)));
    await Promise.all(payers.map((p) => use([p], 100)));
    const second = await startWorkers(app.config, createLogger('silent'), ['quota-reset']);
    const schedulers = [scheduler, await startScheduler(app.config, createLogger('silent'))];
    try {
      const minutes = [0, 1, 2].map((m) => new Date(T.getTime() + m * 60_000));
      const ids = await Promise.all(minutes.flatMap((at) => schedulers.map((s) => s.tick(at))));
      expect(new Set(ids).size).toBe(3);
      // As soon as a payer is in its new period, it uses 5 tokens: a second reset would wipe them.
      const injected = new Set<string>();
      await waitFor(async () => {
        await Promise.all(
          payers
            .filter((p) => !injected.has(p.id))
            .map(async (p) => {
              if ((await app.redis.hget(quota.accountKey(p), 'period')) !== expected) return;
              injected.add(p.id);
              await use([p], 5);
            }),
        );
        return injected.size === payers.length;
      }, 'every payer in its new period');
      await Promise.all([...new Set(ids)].map((id) => waitForCompletedJob(resetQueue(), id)));
    } finally {
      await schedulers[1]!.stop();
      await second.stop();
    }
    for (const p of payers) {
      expect(await quota.snapshot(p)).toMatchObject({ used: 5, period: expected });
      expect(await transitions('user', p.id)).toBe(1);
      expect((await userDoc(p)).reset_date.toISOString()).toBe(expected);
    }
  });

  it('catches up once after a worker was down (a day of ticks, and a payer a whole month behind)', async () => {
    const T = new Date('2032-09-10T12:00:00.000Z');
    const dayLate = await user(new Date(T.getTime() - 20 * HOUR));
    const monthLate = await user(new Date(T.getTime() - 40 * DAY));
    await use([dayLate], 10);
    await use([monthLate], 10);
    await Promise.all(workers.workers.map((w) => w.pause()));
    const ids: string[] = [];
    try {
      for (let h = 0; h < 24; h += 1) ids.push(await scheduler.tick(new Date(T.getTime() - 23 * HOUR + h * HOUR)));
    } finally {
      await Promise.all(workers.workers.map((w) => w.resume()));
    }
    for (const id of ids) await waitForCompletedJob(resetQueue(), id);
    expect(await quota.snapshot(dayLate)).toMatchObject({
      used: 0,
      period: addMonthsUtc(new Date(T.getTime() - 20 * HOUR), 1).toISOString(),
    });
    // Two months in one step: the period that contains the tick, not one reset per missed month.
    const monthLateNext = addMonthsUtc(new Date(T.getTime() - 40 * DAY), 2);
    expect(monthLateNext.getTime()).toBeGreaterThan(T.getTime());
    expect(await quota.snapshot(monthLate)).toMatchObject({ used: 0, period: monthLateNext.toISOString() });
    expect(await transitions('user', dayLate.id)).toBe(1);
    expect(await transitions('user', monthLate.id)).toBe(1);
    await use([monthLate], 7);
    await tick(new Date(T.getTime() + HOUR));
    expect(await quota.snapshot(monthLate)).toMatchObject({ used: 7 });
  });

  it('leaves paid payers to Stripe, falls back after the renewal grace, and does not reset again when the renewal arrives', async () => {
    const T = new Date('2033-01-20T08:00:00.000Z');
    const end = new Date(T.getTime() - HOUR);
    const customer = newId('cus');
    const subId = newId('sub');
    const paid = await user(end, {
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      stripe_customer_id: customer,
      subscription: {
        status: 'active',
        tier: 'pro',
        stripe_subscription_id: subId,
        cancel_at_period_end: false,
        pending_tier: null,
      },
    });
    await SubscriptionModel.create({
      owner_type: 'user',
      owner_id: paid.id,
      stripe_customer_id: customer,
      stripe_subscription_id: subId,
      stripe_price_id: PRICE_PRO,
      tier: 'pro',
      status: 'active',
    });
    await use([paid], 400);
    expect((await tick(T)).returnvalue).toMatchObject({ awaiting_stripe: 1, reset: 0 });
    expect(await quota.snapshot(paid)).toMatchObject({ used: 400 });
    const fallback = await tick(new Date(end.getTime() + 72 * HOUR + 60_000));
    expect(fallback.returnvalue).toMatchObject({ renewal_fallback: 1 });
    const next = addMonthsUtc(end, 1);
    expect(await quota.snapshot(paid)).toMatchObject({ used: 0, limit: 1_000_000, period: next.toISOString() });
    expect((await SubscriptionModel.findOne({ owner_id: paid.id }).lean())!.history.at(-1)).toMatchObject({
      event_type: 'renewal_fallback',
      to_tier: 'pro',
    });
    await use([paid], 60);
    // Stripe's renewal finally arrives for the same period: no second reset.
    const sync = createStripeSync({ config: app.config, logger: createLogger('silent'), redis: app.redis, quota });
    const renewal = stripeEvent(
      'invoice.paid',
      invoice({ customer, subscription: subId, price: PRICE_PRO, start: seconds(end), end: seconds(next) }),
      seconds(end) + 80 * 3600,
    );
    await sync.process({ event_id: renewal.id, type: renewal.type, created: renewal.created, event: renewal as never });
    expect(await quota.snapshot(paid)).toMatchObject({ used: 60, period: next.toISOString() });
    expect(await transitions('user', paid.id)).toBe(1);
  });

  it('lets admins (only) queue a reset of one user', async () => {
    const admin = await registerAndLogin(app, uniqueEmail('reset-admin'));
    await UserModel.updateOne({ _id: admin.user.id }, { $set: { role: 'admin' } });
    const plain = await registerAndLogin(app, uniqueEmail('reset-plain'));
    const resetDate = new Date(Date.now() + 10 * DAY);
    const target = await user(resetDate);
    const child = await user(resetDate, { is_sub_user: true, parent_user_id: target.id });
    await use([target], 999);
    const path = `/admin/users/${target.id}/reset-quota`;
    expect((await app.request.post(path)).status).toBe(401);
    const forbidden = await app.request.post(path).set(plain.auth);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.type).toBe('permission_error');
    expect((await app.request.post('/admin/users/0123456789abcdef01234567/reset-quota').set(admin.auth)).status).toBe(
      404,
    );
    expect((await app.request.post('/admin/users/nope/reset-quota').set(admin.auth)).status).toBe(404);
    expect((await app.request.post(`/admin/users/${child.id}/reset-quota`).set(admin.auth)).body.error.code).toBe(
      'not_a_payer',
    );

    const [first, second] = await Promise.all([
      app.request.post(path).set(admin.auth),
      app.request.post(path).set(admin.auth),
    ]);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'queued', payer: { type: 'user', id: target.id } });
    expect(second.body.job_id).toBe(first.body.job_id);
    const job = await waitForCompletedJob(resetQueue(), first.body.job_id);
    expect(job.returnvalue).toMatchObject({
      outcome: 'reset',
      reset_date: new Date(resetDate.getTime() + 1).toISOString(),
    });
    expect(await quota.snapshot(target)).toMatchObject({
      used: 0,
      period: new Date(resetDate.getTime() + 1).toISOString(),
    });
    expect(await userDoc(target)).toMatchObject({ tokens_used: 0, tokens_remaining: 10_000 });
    // A retry of the same job (at-least-once delivery) does not reset a second time.
    await use([target], 11);
    await job.retry('completed');
    await waitForCompletedJob(resetQueue(), first.body.job_id);
    expect(await quota.snapshot(target)).toMatchObject({ used: 11 });
  });
});
