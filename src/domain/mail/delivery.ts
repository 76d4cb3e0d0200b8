import type { Logger } from 'pino';
import type { MailJob } from '../../../queues/index.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { MailDeliveryModel } from '../../models/mail.js';
import { UserModel } from '../../models/user.js';
import { payerRecipients } from './recipients.js';
import { ALERTS_HINT, templates, type RenderedMail } from './templates.js';
import type { MailTokens } from './tokens.js';
import type { MailTransport } from './transport.js';

export const PASSWORD_RESET_TTL_MINUTES = 30;

interface Deps {
  publicUrl: string;
  verificationTtlHours: number;
  tokens: MailTokens;
  transport: MailTransport;
  logger: Logger;
}

/** One message to one address; `render` runs only when it is really sent (it may mint a token). */
interface Outgoing {
  key: string;
  to: string;
  render(): Promise<RenderedMail>;
}

export interface DeliveryResult {
  sent: number;
  skipped: number;
  reason?: string;
}

/**
 * The mail worker's work: resolve a job into messages, mint the token of a link just before sending (never
 * earlier, so no queue or log holds it), send over SMTP, and record each message sent (mail_deliveries, unique
 * key), so a retried job or one enqueued again later sends nothing twice. Logs name the kind and the job, never
 * a token, a link or a body.
 */
export function createMailDelivery({ publicUrl, verificationTtlHours, tokens, transport, logger }: Deps) {
  const base = publicUrl.replace(/\/+$/, '');
  const link = (path: string, token: string) => `${base}${path}?token=${encodeURIComponent(token)}`;
  const verificationTtlMs = verificationTtlHours * 3_600_000;

  async function userOf(userId: string) {
    const user = await UserModel.findById(userId, {
      email: 1,
      is_active: 1,
      is_verified: 1,
      token_version: 1,
      pending_email: 1,
      pending_email_change_id: 1,
    }).lean();
    return user && user.is_active ? user : null;
  }

  type Recipient = NonNullable<Awaited<ReturnType<typeof userOf>>>;
  const stillPending = (user: Recipient, job: { new_email: string; change_id: string; token_version: number }) =>
    user.pending_email === job.new_email &&
    user.pending_email_change_id === job.change_id &&
    (user.token_version ?? 0) === job.token_version;

  /** A link token bound to one address change (its id) and to the account's current token_version. */
  const changeToken = (
    user: Recipient,
    purpose: 'email_change' | 'email_change_cancel',
    sentTo: string,
    changeId: string,
  ) =>
    tokens.issue({
      purpose,
      userId: user._id,
      email: sentTo,
      tokenVersion: user.token_version ?? 0,
      ttlMs: verificationTtlMs,
      changeId,
    });

  /** The messages a job stands for; empty when there is nobody to send to (or nothing left to say). */
  async function outgoing(job: MailJob, jobId: string): Promise<{ messages: Outgoing[]; reason?: string }> {
    const single = (to: string, render: () => Promise<RenderedMail> | RenderedMail) => ({
      messages: [{ key: jobId, to, render: async () => render() }],
    });
    switch (job.kind) {
      case 'password_reset': {
        const user = await userOf(job.user_id);
        if (!user) return { messages: [], reason: 'no active account' };
        return single(user.email, async () =>
          templates.passwordReset(
            link(
              '/auth/password/reset',
              await tokens.issue({
                purpose: 'password_reset',
                userId: user._id,
                email: user.email,
                tokenVersion: user.token_version ?? 0,
                ttlMs: PASSWORD_RESET_TTL_MINUTES * 60_000,
              }),
            ),
            PASSWORD_RESET_TTL_MINUTES,
          ),
        );
      }
      case 'verify_email': {
        const user = await userOf(job.user_id);
        if (!user || user.is_verified) return { messages: [], reason: user ? 'already verified' : 'no active account' };
        return single(user.email, async () =>
          templates.verifyEmail(
            link(
              '/auth/verify-email',
              await tokens.issue({
                purpose: 'verify_email',
                userId: user._id,
                email: user.email,
                tokenVersion: user.token_version ?? 0,
                ttlMs: verificationTtlMs,
              }),
            ),
            verificationTtlHours,
          ),
        );
      }
      case 'email_change_confirm': {
        const user = await userOf(job.user_id);
        if (!user || !stillPending(user, job)) return { messages: [], reason: 'change no longer pending' };
        return single(job.new_email, async () =>
          templates.emailChangeConfirm(
            link('/auth/verify-email', await changeToken(user, 'email_change', job.new_email, job.change_id)),
            verificationTtlHours,
            user.email,
          ),
        );
      }
      case 'email_change_requested': {
        // The notice goes out even if the change is already gone; only a pending change gets a cancel link.
        const user = await userOf(job.user_id);
        const cancel = user && stillPending(user, job) ? user : null;
        return single(job.old_email, async () =>
          templates.emailChangeRequested(
            job.new_email,
            cancel &&
              link(
                '/auth/email-change/cancel',
                await changeToken(cancel, 'email_change_cancel', job.old_email, job.change_id),
              ),
          ),
        );
      }
      case 'email_changed':
        return single(job.old_email, () => templates.emailChanged(job.new_email));
      case 'password_changed': {
        const user = await userOf(job.user_id);
        if (!user) return { messages: [], reason: 'no active account' };
        return single(user.email, () => templates.passwordChanged(job.how));
      }
      case 'quota_alert':
      case 'payment_failed': {
        const { payer, recipients } = await payerRecipients(job.payer);
        const render = () =>
          job.kind === 'quota_alert'
            ? templates.quotaAlert(job.level, payer, new Date(job.period_end), ALERTS_HINT)
            : templates.paymentFailed(payer, ALERTS_HINT);
        return {
          messages: recipients.map((r) => ({ key: `${jobId}-${r.userId}`, to: r.email, render: async () => render() })),
          reason: recipients.length ? undefined : 'no recipient with a proven address and alerts on',
        };
      }
    }
  }

  async function alreadySent(key: string): Promise<boolean> {
    return (await MailDeliveryModel.exists({ key })) !== null;
  }

  async function recordSent(key: string, kind: string): Promise<void> {
    await MailDeliveryModel.create({ key, kind }).catch((error: unknown) => {
      if (!isDuplicateKeyError(error)) throw error;
    });
  }

  async function deliver(job: MailJob, jobId: string): Promise<DeliveryResult> {
    const { messages, reason } = await outgoing(job, jobId);
    let sent = 0;
    let skipped = 0;
    for (const message of messages) {
      if (await alreadySent(message.key)) {
        skipped += 1;
        continue;
      }
      await transport.send(message.to, await message.render());
      await recordSent(message.key, job.kind);
      sent += 1;
    }
    logger.info({ kind: job.kind, job_id: jobId, sent, skipped, reason }, 'mail job done');
    return { sent, skipped, reason };
  }

  return { deliver };
}
export type MailDelivery = ReturnType<typeof createMailDelivery>;
