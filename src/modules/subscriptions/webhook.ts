import express, { Router } from 'express';
import type { Config } from '../../config/index.js';
import { BadRequestError, ServiceUnavailableError } from '../../lib/errors.js';
import { route } from '../../lib/http/route.js';
import type { Producer } from '../../../queues/index.js';
import { isHandledEventType } from '../../shared/billing/events.js';
import { readSignedEvent } from '../../shared/billing/signed-event.js';
import { webhookResponseSchema } from './schemas.js';

interface Deps {
  config: Pick<Config, 'STRIPE_WEBHOOK_SECRET' | 'BODY_LIMIT'>;
  producer: Producer;
}

/** The job id of a Stripe event: derived from the event id (never digits only, no separators BullMQ refuses). */
export const stripeEventJobId = (eventId: string) => `stripe-event-${eventId}`;

/**
 * POST /webhooks/stripe: verifies the signature on the raw body (needs only STRIPE_WEBHOOK_SECRET), enqueues one
 * stripe-sync job per event id carrying the raw body and its signature, and answers at once; the worker verifies
 * the signature again and applies the event. Mounted before the JSON parser.
 */
export function createStripeWebhookRouter({ config, producer }: Deps): Router {
  const router = Router();
  route(router, {
    method: 'post', path: '/webhooks/stripe', summary: 'Stripe webhook (raw body, Stripe-Signature verified)', tags: ['subscriptions'],
    before: [express.raw({ type: () => true, limit: config.BODY_LIMIT })],
    responses: { 200: { description: 'Accepted', schema: webhookResponseSchema } },
  }, async (req, res) => {
    const secret = config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new ServiceUnavailableError('Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set)', 'webhooks_not_configured');
    const signature = req.get('stripe-signature');
    if (!signature) throw new BadRequestError('Missing Stripe-Signature header', { code: 'missing_signature' });
    if (!Buffer.isBuffer(req.body)) throw new BadRequestError('Empty webhook body', { code: 'invalid_payload' });
    // What is verified here is exactly what the job carries: the worker verifies it again before applying it.
    const payload = req.body.toString('utf8');
    const read = readSignedEvent(payload, signature, secret);
    if (!read.ok) throw new BadRequestError(read.message, { code: read.code });
    const { envelope } = read;
    if (!isHandledEventType(envelope.type)) {
      res.json({ received: true, handled: false });
      return;
    }
    let jobId: string;
    try {
      jobId = await producer.enqueue('stripe-sync', { event_id: envelope.event_id, type: envelope.type, created: envelope.created, payload, signature }, {
        jobId: stripeEventJobId(envelope.event_id),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        // Completed jobs stay through Stripe's 3-day retry window, so most redeliveries are dropped by BullMQ;
        // any later one is a no-op at the claim in stripe_events.
        removeOnComplete: { age: 3 * 24 * 3600, count: 10_000 },
      });
    } catch {
      // Stripe retries a non-2xx delivery, so nothing is lost while the queue is unreachable.
      throw new ServiceUnavailableError('The event queue is unavailable; retry later', 'queue_unavailable', 5);
    }
    res.json({ received: true, handled: true, job_id: jobId });
  });
  return router;
}
