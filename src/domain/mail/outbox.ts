import type { Config } from '../../config/index.js';
import { mailJobOptions, type MailJob, type Producer } from '../../../queues/index.js';
import { ServiceUnavailableError } from '../../lib/errors.js';

/**
 * Where every producer (API routes, the usage and stripe-sync workers) hands over a message: one `mail` job per
 * logical message, its job id naming that message (queues/jobs.ts), so a repeated producer enqueues it once.
 * With MAIL_DISABLED nothing is enqueued, and flows that cannot work without mail refuse with 503 mail_disabled.
 */
export function createMailOutbox({
  config,
  producer,
}: {
  config: Pick<Config, 'MAIL_DISABLED'>;
  producer: Pick<Producer, 'enqueue'>;
}) {
  const enabled = !config.MAIL_DISABLED;

  function assertEnabled(): void {
    if (!enabled) {
      throw new ServiceUnavailableError(
        'Mail is disabled on this server, so this needs an operator (MAIL_DISABLED=true)',
        'mail_disabled',
      );
    }
  }

  /** Enqueues the message unless mail is disabled; returns whether it was handed over. */
  async function send(message: MailJob, jobId: string): Promise<boolean> {
    if (!enabled) return false;
    await producer.enqueue('mail', message, mailJobOptions(jobId));
    return true;
  }

  return { enabled, assertEnabled, send };
}
export type MailOutbox = ReturnType<typeof createMailOutbox>;
