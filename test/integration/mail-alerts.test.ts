import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitForCompletedJob } from '../helpers/wait.js';
import { mailbox, waitForMail } from '../helpers/mailpit.js';
import { registerAndLogin } from '../factories/users.js';
import { organization, outcome, requestContext } from '../factories/usage.js';
import {
  BILLING_ENV,
  PRICE_PRO,
  deliver,
  invoice,
  monthAfter,
  newId,
  nowSeconds,
  stripeEvent,
  subscription,
} from '../factories/stripe-events.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { UserModel } from '../../src/models/user.js';
import { OrganizationModel } from '../../src/models/organization.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';
import { mailJobId } from '../../queues/index.js';

describe('alerts by mail, once per period and payer, whatever the number of worker processes', () => {
  let app: TestApp;
  let workers: RunningWorkers[];
  let quota: QuotaService;
  beforeAll(async () => {
    app = await startTestApp({ ...BILLING_ENV });
    // Two worker roles on the same Redis and database, as two processes would be.
    workers = [
      await startWorkers(app.config, createLogger('silent'), ['usage', 'mail', 'stripe-sync']),
      await startWorkers(app.config, createLogger('silent'), ['usage', 'mail', 'stripe-sync']),
    ];
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
  });
  afterAll(async () => {
    for (const w of workers ?? []) await w.stop();
    await app?.stop();
  });

  /** A registered user at a fresh mailbox with a monthly limit; verified unless told otherwise. */
  async function payer(label: string, limit: number, fields: Record<string, unknown> = { is_verified: true }) {
    const who = await registerAndLogin(app, mailbox(label));
    await UserModel.updateOne(
      { _id: who.user.id },
      { $set: { monthly_limit: limit, tokens_remaining: limit, ...fields } },
    );
    return { ...who, ref: { kind: 'user', id: who.user.id } as AccountRef };
  }

  /** Settles `count` requests of `tokens` each through the usage queue, all at once. */
  async function settleMany(userId: string, accounts: AccountRef[], count: number, tokens: number) {
    const ids = await Promise.all(
      Array.from({ length: count }, async () => {
        const context = requestContext(userId, accounts);
        const { granted } = await quota.reserve(context.request_id, accounts, tokens, 1, 60_000);
        const result = outcome({ prompt_tokens: tokens / 2, completion_tokens: tokens / 2 });
        return app.producer.enqueue(
          'usage',
          { kind: 'settle', context: { ...context, reserved_tokens: granted }, outcome: result },
          { jobId: `settle-${context.request_id}` },
        );
      }),
    );
    for (const id of ids) await waitForCompletedJob(app.producer.queues.usage, id);
  }

  const mailDone = async (jobId: string) => waitForCompletedJob(app.producer.queues.mail, jobId);
  const periodEnd = async (ref: AccountRef) => new Date((await quota.snapshot(ref))!.period);

  it('tells a user once at 80 % and once when the quota is used up, however many settlements cross the line', async () => {
    const user = await payer('quota', 1000);
    await settleMany(user.user.id, [user.ref], 9, 100);
    const end = await periodEnd(user.ref);
    await mailDone(mailJobId.quotaAlert('user', user.user.id, 'warning', end));
    await settleMany(user.user.id, [user.ref], 1, 100);
    await mailDone(mailJobId.quotaAlert('user', user.user.id, 'exhausted', end));
    const [warning] = await waitForMail(user.email, { subject: /80 %/ });
    expect(warning!.Text).toContain(end.toISOString().slice(0, 10));
    await waitForMail(user.email, { subject: /used up/ });
    expect((await waitForMail(user.email, { count: 1, subject: /80 %|used up/ })).length).toBe(2);
  });

  it('sends no alert to a user who switched alerts off, nor to an unproven address', async () => {
    const quiet = await payer('quiet', 100, { is_verified: true });
    const patched = await app.request.patch('/users/me').set(quiet.auth).send({ email_alerts: false });
    expect(patched.body.email_alerts).toBe(false);
    const unproven = await payer('unproven', 100, { is_verified: false });
    await settleMany(quiet.user.id, [quiet.ref], 1, 100);
    await settleMany(unproven.user.id, [unproven.ref], 1, 100);
    for (const who of [quiet, unproven]) {
      const job = await mailDone(mailJobId.quotaAlert('user', who.user.id, 'exhausted', await periodEnd(who.ref)));
      expect(job.returnvalue).toMatchObject({ sent: 0 });
    }
    const alertsTo = async (email: string) =>
      (await waitForMail(email, { count: 0 })).filter((m) => /80 %|used up/.test(m.Subject)).length;
    expect(await alertsTo(quiet.email)).toBe(0);
    expect(await alertsTo(unproven.email)).toBe(0);
  });

  it("tells an organization's owner and admins, not its members", async () => {
    const [owner, admin, member] = await Promise.all([payer('owner', 10), payer('admin', 10), payer('member', 10)]);
    const org = await organization(owner.user.id, 500, [
      { user_id: admin.user.id, role: 'admin' },
      { user_id: member.user.id },
    ]);
    await settleMany(member.user.id, [org.ref], 5, 100);
    const job = await mailDone(mailJobId.quotaAlert('organization', org.id, 'exhausted', await periodEnd(org.ref)));
    expect(job.returnvalue).toMatchObject({ sent: 2 });
    await waitForMail(owner.email, { subject: /used up/ });
    await waitForMail(admin.email, { subject: /used up/ });
    expect((await waitForMail(member.email, { count: 0 })).filter((m) => /used up/.test(m.Subject))).toHaveLength(0);
  });

  it("never lets an organization's owner-chosen name speak in the service's mail (subject or links)", async () => {
    const owner = await payer('named-owner', 10);
    const org = await organization(owner.user.id, 500);
    const bait = 'URGENT verify your account at https://evil.example/login?x=<b>1</b>';
    await OrganizationModel.updateOne({ _id: org.id }, { $set: { name: bait } });
    await settleMany(owner.user.id, [org.ref], 5, 100);
    const [mail] = await waitForMail(owner.email, { subject: /used up/ });
    expect(mail!.Subject).not.toMatch(/URGENT|verify|evil/i);
    expect(mail!.Subject).toContain('An organization you manage');
    for (const body of [mail!.Text, mail!.HTML]) {
      expect(body).not.toContain('evil.example');
      expect(body).not.toContain('https://evil');
      expect(body).not.toContain('<b>');
      expect(body).toContain(org.id);
    }
    // Shown as a quoted name, cut to 40 characters, with letters, digits and a few signs only.
    expect(mail!.Text).toContain(`(id ${org.id}, named "URGENT verify your account at https evil…")`);
  });

  it('tells the payer once per period that a payment failed, however many failures Stripe reports', async () => {
    const user = await payer('billing', 1000);
    const customer = newId('cus');
    await UserModel.updateOne({ _id: user.user.id }, { $set: { stripe_customer_id: customer } });
    const subId = newId('sub');
    const start = nowSeconds() - 3600;
    const end = monthAfter(start);
    await deliver(
      app,
      stripeEvent(
        'customer.subscription.created',
        subscription({ id: subId, customer, price: PRICE_PRO, start, end }),
        start,
      ),
    );
    await deliver(
      app,
      stripeEvent(
        'invoice.paid',
        invoice({ customer, subscription: subId, price: PRICE_PRO, start, end, reason: 'subscription_create' }),
        start,
      ),
    );
    for (let i = 1; i <= 3; i += 1) {
      await deliver(
        app,
        stripeEvent(
          'invoice.payment_failed',
          invoice({ customer, subscription: subId, price: PRICE_PRO, start, end }),
          start + i * 60,
        ),
      );
    }
    const reset = (await UserModel.findById(user.user.id).lean())!.reset_date;
    await mailDone(mailJobId.paymentFailed('user', user.user.id, reset));
    const [mail] = await waitForMail(user.email, { subject: /payment .* failed/ });
    expect(mail!.Text).toContain('billing portal');
    expect((await waitForMail(user.email, { count: 0 })).filter((m) => /payment/.test(m.Subject))).toHaveLength(1);
  });
});
