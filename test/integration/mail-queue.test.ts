import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteKeys, startTestApp, type TestApp } from '../helpers/harness.js';
import { bullPrefix } from '../../queues/index.js';
import { waitForCompletedJob } from '../helpers/wait.js';
import { countMail, mailbox, waitForMail } from '../helpers/mailpit.js';
import { freePort } from '../helpers/processes.js';
import { testConfig } from '../helpers/config.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { createMailOutbox } from '../../src/domain/mail/outbox.js';
import { UserModel } from '../../src/models/user.js';
import { MailDeliveryModel, MailTokenModel, MailTokenUseModel } from '../../src/models/mail.js';
import { createMailTokens, purgeMailTokens } from '../../src/domain/mail/tokens.js';
import { addMonthsUtc } from '../../src/lib/dates.js';
import { mailJobId } from '../../queues/index.js';

describe('mail queue: one SMTP message per logical message, through a real SMTP server (Mailpit)', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  beforeAll(async () => {
    app = await startTestApp();
    workers = await startWorkers(app.config, createLogger('silent'), ['mail']);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  const queue = () => app.producer.queues.mail;
  const outbox = () => createMailOutbox({ config: app.config, producer: app.producer });
  const userAt = async (email: string) =>
    (await UserModel.create({ email, reset_date: addMonthsUtc(new Date(), 1) }))._id.toString();

  it('sends a message with a plain-text and an HTML body from MAIL_FROM', async () => {
    const email = mailbox('notice');
    const userId = await userAt(email);
    const jobId = mailJobId.passwordChanged(userId, 'v1');
    expect(await outbox().send({ kind: 'password_changed', user_id: userId, how: 'changed' }, jobId)).toBe(true);
    const job = await waitForCompletedJob(queue(), jobId);
    expect(job.returnvalue).toMatchObject({ sent: 1, skipped: 0 });
    const [mail] = await waitForMail(email);
    expect(mail!.Subject).toMatch(/password was changed/);
    expect(mail!.Text).toContain('every other session was signed out');
    expect(mail!.HTML).toContain('<p>');
    expect((mail as unknown as { From: { Address: string } }).From.Address).toBe('no-reply@aicoder.test');
  });

  it('sends a logical message once: a repeated producer, and a job enqueued again after BullMQ forgot it', async () => {
    const email = mailbox('once');
    const userId = await userAt(email);
    const jobId = mailJobId.passwordChanged(userId, 'v7');
    const message = { kind: 'password_changed' as const, user_id: userId, how: 'reset' as const };
    await Promise.all(Array.from({ length: 5 }, () => outbox().send(message, jobId)));
    await waitForCompletedJob(queue(), jobId);
    await waitForMail(email);
    // BullMQ keeps a job id only while the job exists; the delivery record outlives it.
    await queue().remove(jobId);
    await outbox().send(message, jobId);
    const again = await waitForCompletedJob(queue(), jobId);
    expect(again.returnvalue).toMatchObject({ sent: 0, skipped: 1 });
    expect(await countMail(email)).toBe(1);
    expect(await MailDeliveryModel.countDocuments({ key: jobId })).toBe(1);
  });

  it('retries while the SMTP server is down and keeps a job that gave up in the failed set (Bull Board shows it)', async () => {
    const deadPort = await freePort();
    const config = testConfig({
      DATABASE_URL: app.config.DATABASE_URL,
      REDIS_PREFIX: `${app.config.REDIS_PREFIX}_down`,
      SMTP_URL: `smtp://127.0.0.1:${deadPort}`,
    });
    const down = await startWorkers(config, createLogger('silent'), ['mail']);
    try {
      const email = mailbox('down');
      const userId = await userAt(email);
      const jobId = `mail-down-${randomUUID()}`;
      await down.workers[0]!.waitUntilReady();
      const q = new Queue('mail', { connection: app.redis, prefix: bullPrefix(config.REDIS_PREFIX, 'mail') });
      await q.add(
        'mail',
        { kind: 'password_changed', user_id: userId, how: 'changed' },
        { jobId, attempts: 2, backoff: { type: 'fixed', delay: 50 } },
      );
      await expect(waitForCompletedJob(q, jobId)).rejects.toThrow(/failed/);
      const failed = await q.getJob(jobId);
      expect(failed?.attemptsMade).toBe(2);
      expect(await q.getFailedCount()).toBe(1);
      await q.close();
      expect(await countMail(email)).toBe(0);
    } finally {
      await down.stop();
      await deleteKeys(app.redis, `${config.REDIS_PREFIX}:*`);
    }
  });

  it('enqueues nothing when mail is disabled, and says so to flows that need it', async () => {
    const disabled = createMailOutbox({ config: { MAIL_DISABLED: true }, producer: app.producer });
    expect(
      await disabled.send({ kind: 'password_changed', user_id: 'a'.repeat(24), how: 'changed' }, 'mail-disabled-x'),
    ).toBe(false);
    expect(await queue().getJob('mail-disabled-x')).toBeUndefined();
    expect(() => disabled.assertEnabled()).toThrow(expect.objectContaining({ status: 503, code: 'mail_disabled' }));
  });

  it('purges spent and expired tokens and old delivery records in bounded batches, keeping live tokens', async () => {
    const tokens = createMailTokens();
    const userId = await userAt(mailbox('purge'));
    const issue = (ttlMs: number) =>
      tokens.issue({ purpose: 'password_reset', userId, email: 'purge@mail.test', tokenVersion: 0, ttlMs });
    const live = await issue(600_000);
    const expired = await Promise.all(Array.from({ length: 7 }, () => issue(-1000)));
    const spent = await Promise.all(Array.from({ length: 3 }, () => issue(600_000)));
    for (const token of spent) expect(await tokens.claim((await tokens.find(token, ['password_reset']))!)).toBe(true);
    await MailDeliveryModel.create([
      { key: `old-${randomUUID()}`, kind: 'x', sent_at: new Date(Date.now() - 60 * 86_400_000) },
      { key: `new-${randomUUID()}`, kind: 'x' },
    ]);
    const deliveriesBefore = await MailDeliveryModel.countDocuments({});

    // Batches of 2, at most 2 batches per call: a call does bounded work, and repeated calls finish the job.
    const first = await purgeMailTokens({ batchSize: 2, maxBatches: 2 });
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(10);
    while ((await purgeMailTokens({ batchSize: 2, maxBatches: 2 })) > 0);
    expect(await tokens.find(live, ['password_reset'])).not.toBeNull();
    expect(await MailTokenModel.countDocuments({})).toBe(1);
    expect(await MailTokenUseModel.countDocuments({})).toBe(0);
    expect(await MailDeliveryModel.countDocuments({})).toBe(deliveriesBefore - 1);
    for (const token of [...expired, ...spent]) expect(await tokens.find(token, ['password_reset'])).toBeNull();
  });
});
