import express, { Router } from 'express';
import Stripe from 'stripe';
import type { Config } from '../../config/index.js';
import { BadRequestError, ServiceUnavailableError } from '../../lib/errors.js';
import { route } from '../../lib/http/route.js';
import type { Producer } from '../../../queues/index.js';
import { isHandledEventType } from '../billing/events.js';
import { webhookResponseSchema } from './schemas.js';

interface Deps {
  config: Pick<Config, 'STRIPE_WEBHOOK_SECRET' | 'BODY_LIMIT'>;
  producer: Producer;
}

const EVENT_ID = /^[A-Za-z0-9_]{1,200}$/;

/** The job id of a Stripe event: derived from the event id (never digits only, no separators BullMQ refuses). */
export const stripeEventJobId = (eventId: string) => `stripe-event-${eventId}`;

/**
 * POST /webhooks/stripe: verifies the signature on the raw body (needs only STRIPE_WEBHOOK_SECRET), enqueues one
 * stripe-sync job per event id and answers at once; the worker applies it. Mounted before the JSON parser.
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
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(req.body, signature, secret);
    } catch (error) {
      const bad = error instanceof Stripe.errors.StripeSignatureVerificationError;
      throw new BadRequestError(bad ? 'Webhook signature verification failed' : 'Webhook payload is not a Stripe event', { code: bad ? 'invalid_signature' : 'invalid_payload' });
    }
    if (typeof event.id !== 'string' || !EVENT_ID.test(event.id) || typeof event.type !== 'string' || !Number.isInteger(event.created)) {
      throw new BadRequestError('Webhook payload is not a Stripe event', { code: 'invalid_payload' });
    }
    if (!isHandledEventType(event.type)) {
      res.json({ received: true, handled: false });
      return;
    }
    let jobId: string;
    try {
      jobId = await producer.enqueue('stripe-sync', { event_id: event.id, type: event.type, created: event.created, event: event as unknown as Record<string, unknown> }, {
        jobId: stripeEventJobId(event.id),
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
