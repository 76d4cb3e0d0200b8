import express, { Router } from 'express';
import { route } from '../../lib/http/route.js';
import { declareErrors } from '../../lib/http/error-responses.js';
import type { WebhookIntake } from './webhook-intake.js';
import { webhookResponseSchema } from './schemas.js';

interface Deps {
  intake: WebhookIntake;
  bodyLimit: string;
}

/** POST /webhooks/stripe: answers at once; the stripe-sync worker applies the event. Mounted before the JSON parser. */
export function createStripeWebhookRouter({ intake, bodyLimit }: Deps): Router {
  const router = Router();
  route(
    router,
    {
      method: 'post',
      path: '/webhooks/stripe',
      summary: 'Stripe webhook (raw body, Stripe-Signature verified)',
      tags: ['subscriptions'],
      auth: 'stripeSignature',
      rawBody: true,
      before: [
        declareErrors(express.raw({ type: () => true, limit: bodyLimit }), [
          'payload_too_large',
          'unsupported_encoding',
          'request_aborted',
          'bad_request',
        ]),
      ],
      errors: [
        'webhooks_not_configured',
        'missing_signature',
        'invalid_signature',
        'invalid_payload',
        'queue_unavailable',
      ],
      responses: { 200: { description: 'Accepted', schema: webhookResponseSchema } },
    },
    async (req, res) => {
      res.json(await intake.accept(req.body, req.get('stripe-signature')));
    },
  );
  return router;
}
