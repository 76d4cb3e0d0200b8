import Stripe from 'stripe';
import type { StripeEventEnvelope } from './sync.js';

const EVENT_ID = /^[A-Za-z0-9_]{1,200}$/;

export type SignedEventResult =
  | { ok: true; envelope: StripeEventEnvelope }
  | { ok: false; code: 'invalid_signature' | 'invalid_payload'; message: string };

/**
 * Verifies a Stripe delivery (the raw body and its Stripe-Signature header) and reads the event from it. The
 * webhook checks the age too (Stripe's default tolerance, 300 s, against replayed captures); the stripe-sync worker
 * passes `toleranceSeconds: 0` (signature only), because a job may wait or be retried for far longer, and a genuine
 * event replayed later is a duplicate by its id anyway.
 */
export function readSignedEvent(
  payload: string,
  signature: string,
  secret: string,
  toleranceSeconds?: number,
): SignedEventResult {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, secret, toleranceSeconds);
  } catch (error) {
    return error instanceof Stripe.errors.StripeSignatureVerificationError
      ? { ok: false, code: 'invalid_signature', message: 'Webhook signature verification failed' }
      : { ok: false, code: 'invalid_payload', message: 'Webhook payload is not a Stripe event' };
  }
  if (
    typeof event.id !== 'string' ||
    !EVENT_ID.test(event.id) ||
    typeof event.type !== 'string' ||
    !Number.isInteger(event.created)
  ) {
    return { ok: false, code: 'invalid_payload', message: 'Webhook payload is not a Stripe event' };
  }
  return {
    ok: true,
    envelope: {
      event_id: event.id,
      type: event.type,
      created: event.created,
      event: event as unknown as Record<string, unknown>,
    },
  };
}
