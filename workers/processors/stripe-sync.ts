import { UnrecoverableError } from 'bullmq';
import { createStripeSync } from '../../src/domain/billing/sync.js';
import { readSignedEvent } from '../../src/domain/billing/signed-event.js';
import { createMailAlerts } from '../../src/domain/mail/alerts.js';
import { createMailOutbox } from '../../src/domain/mail/outbox.js';
import type { ProcessorFactory } from './types.js';

/**
 * Applies one Stripe event (see src/domain/billing/sync.ts for the exactly-once and ordering rules), only after
 * verifying its signature again: whoever can add or edit a job (Redis, a dashboard) cannot make one up. The age is
 * not checked here (a job may wait or be retried for hours); the webhook checked it on receipt.
 */
export const createStripeSyncProcessor: ProcessorFactory<'stripe-sync'> = ({
  config,
  logger,
  redis,
  producer,
  quota,
}) => {
  const log = logger.child({ queue: 'stripe-sync' });
  const sync = createStripeSync({ config, logger: log, redis, quota });
  const alerts = createMailAlerts({
    redis,
    prefix: config.REDIS_PREFIX,
    quota,
    outbox: createMailOutbox({ config, producer }),
  });
  return async (delivery) => {
    const secret = config.STRIPE_WEBHOOK_SECRET;
    // A deployment problem, not a bad job: retried (and kept in the failed set) until the secret is configured.
    if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is not set on this worker; Stripe events cannot be verified');
    const read = readSignedEvent(delivery.payload, delivery.signature, secret, 0);
    if (!read.ok || read.envelope.event_id !== delivery.event_id || read.envelope.type !== delivery.type) {
      log.error(
        {
          event_id: delivery.event_id,
          type: delivery.type,
          reason: read.ok ? 'fields differ from the signed event' : read.code,
        },
        'stripe-sync job refused',
      );
      throw new UnrecoverableError(
        `stripe-sync job ${delivery.event_id} refused: ${read.ok ? 'its fields differ from the signed event' : read.message}`,
      );
    }
    const result = await sync.process(read.envelope);
    // A payload we cannot read will not get better by retrying: keep it in the failed set for inspection.
    if (result.outcome === 'invalid_payload')
      throw new UnrecoverableError(`stripe event ${read.envelope.event_id} not understood: ${result.error}`);
    if (
      result.outcome === 'applied' &&
      read.envelope.type === 'invoice.payment_failed' &&
      !result.note.startsWith('ignored')
    ) {
      // The event is claimed already; a notice that cannot be handed over now is logged, not retried with the event.
      await alerts
        .paymentFailed(result.ref, result.period_end)
        .catch((error: Error) =>
          log.warn({ event_id: delivery.event_id, err: error.message }, 'payment-failed alert not enqueued'),
        );
    }
    return { outcome: result.outcome, ...('payer' in result ? { payer: result.payer, note: result.note } : {}) };
  };
};
