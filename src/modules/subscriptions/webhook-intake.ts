import type { Config } from '../../config/index.js';
import { BadRequestError, ServiceUnavailableError } from '../../lib/errors.js';
import { stripeEventJobOptions, type Producer } from '../../../queues/index.js';
import { isHandledEventType } from '../../domain/billing/events.js';
import { readSignedEvent } from '../../domain/billing/signed-event.js';

interface Deps {
  config: Pick<Config, 'STRIPE_WEBHOOK_SECRET'>;
  producer: Pick<Producer, 'enqueue'>;
}

export type WebhookReceipt = { received: true; handled: false } | { received: true; handled: true; job_id: string };

/**
 * Takes a Stripe delivery: verifies the signature on the raw body (needs only STRIPE_WEBHOOK_SECRET) and enqueues
 * one stripe-sync job per event id carrying the raw body and its signature. The worker verifies the signature
 * again and applies the event, so what is verified here is exactly what the job carries.
 */
export function createWebhookIntake({ config, producer }: Deps) {
  async function accept(body: unknown, signature: string | undefined): Promise<WebhookReceipt> {
    const secret = config.STRIPE_WEBHOOK_SECRET;
    if (!secret)
      throw new ServiceUnavailableError(
        'Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set)',
        'webhooks_not_configured',
      );
    if (!signature) throw new BadRequestError('Missing Stripe-Signature header', { code: 'missing_signature' });
    if (!Buffer.isBuffer(body)) throw new BadRequestError('Empty webhook body', { code: 'invalid_payload' });
    const payload = body.toString('utf8');
    const read = readSignedEvent(payload, signature, secret);
    if (!read.ok) throw new BadRequestError(read.message, { code: read.code });
    const { envelope } = read;
    if (!isHandledEventType(envelope.type)) return { received: true, handled: false };
    try {
      const job = { event_id: envelope.event_id, type: envelope.type, created: envelope.created, payload, signature };
      return {
        received: true,
        handled: true,
        job_id: await producer.enqueue('stripe-sync', job, stripeEventJobOptions(envelope.event_id)),
      };
    } catch {
      // Stripe retries a non-2xx delivery, so nothing is lost while the queue is unreachable.
      throw new ServiceUnavailableError('The event queue is unavailable; retry later', 'queue_unavailable', 5);
    }
  }
  return { accept };
}
export type WebhookIntake = ReturnType<typeof createWebhookIntake>;
