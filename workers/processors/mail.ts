import { createMailDelivery } from '../../src/domain/mail/delivery.js';
import { createMailTokens } from '../../src/domain/mail/tokens.js';
import { createMailTransport } from '../../src/domain/mail/transport.js';
import type { ProcessorFactory } from './types.js';

/**
 * Sends one logical message per job over SMTP (see src/domain/mail/delivery.ts). SMTP errors fail the attempt;
 * BullMQ retries with backoff (mailJobOptions in queues/jobs.ts) and keeps a job that gave up in the failed set, on the board.
 */
export const createMailProcessor: ProcessorFactory<'mail'> = ({ config, logger, onClose }) => {
  const log = logger.child({ queue: 'mail' });
  if (config.MAIL_DISABLED || !config.SMTP_URL || !config.MAIL_FROM) {
    return async (payload) => {
      log.warn({ kind: payload.kind }, 'mail is disabled; job dropped');
      return { sent: 0, skipped: 0, reason: 'mail disabled' };
    };
  }
  const transport = createMailTransport({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  onClose(() => transport.close());
  const delivery = createMailDelivery({
    publicUrl: config.PUBLIC_URL,
    verificationTtlHours: config.EMAIL_VERIFICATION_TTL_HOURS,
    tokens: createMailTokens(),
    transport,
    logger: log,
  });
  return async (payload, job) => delivery.deliver(payload, job.id ?? payload.kind);
};
