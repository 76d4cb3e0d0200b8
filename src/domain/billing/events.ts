import { z } from 'zod';

/** The Stripe events the stripe-sync worker applies; the webhook answers 2xx to others without enqueueing them. */
export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
] as const;
export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];
export const isHandledEventType = (type: string): type is HandledEventType =>
  (HANDLED_EVENT_TYPES as readonly string[]).includes(type);

/** Stripe expands some references into objects; we only need the id. */
const ref = z
  .union([z.string(), z.object({ id: z.string() }).loose()])
  .transform((value) => (typeof value === 'string' ? value : value.id));
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((value) => value ?? {});
const ts = z.number().int().nullish();

const subscriptionItem = z
  .object({
    price: z.object({ id: z.string() }).loose().nullish(),
    plan: z.object({ id: z.string() }).loose().nullish(),
    current_period_start: ts,
    current_period_end: ts,
  })
  .loose();

/** A Subscription as sent in customer.subscription.* (current and older API versions: periods on items or on the subscription). */
export const subscriptionObject = z
  .object({
    id: z.string(),
    customer: ref,
    status: z.string(),
    cancel_at_period_end: z.boolean().nullish(),
    cancel_at: ts,
    current_period_start: ts,
    current_period_end: ts,
    trial_end: ts,
    metadata,
    items: z
      .object({ data: z.array(subscriptionItem) })
      .loose()
      .nullish(),
  })
  .loose()
  .transform((sub) => {
    const item = sub.items?.data[0];
    return {
      id: sub.id,
      customer: sub.customer,
      status: sub.status,
      cancel_at_period_end:
        Boolean(sub.cancel_at_period_end) || (sub.cancel_at !== null && sub.cancel_at !== undefined),
      price_id: item?.price?.id ?? item?.plan?.id ?? null,
      period_start: item?.current_period_start ?? sub.current_period_start ?? null,
      period_end: item?.current_period_end ?? sub.current_period_end ?? null,
      trial_end: sub.trial_end ?? null,
      metadata: sub.metadata,
    };
  });
export type SubscriptionSnapshot = z.output<typeof subscriptionObject>;

const invoiceLine = z
  .object({
    period: z.object({ start: z.number().int(), end: z.number().int() }).loose().nullish(),
    proration: z.boolean().nullish(),
    price: z.object({ id: z.string() }).loose().nullish(),
    pricing: z
      .object({ price_details: z.object({ price: ref.nullish() }).loose().nullish() })
      .loose()
      .nullish(),
    parent: z
      .object({
        subscription_item_details: z
          .object({ proration: z.boolean().nullish(), subscription: z.string().nullish() })
          .loose()
          .nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

export const invoiceObject = z
  .object({
    id: z.string(),
    customer: ref,
    billing_reason: z.string().nullish(),
    subscription: ref.nullish(),
    parent: z
      .object({ subscription_details: z.object({ subscription: ref.nullish() }).loose().nullish() })
      .loose()
      .nullish(),
    lines: z
      .object({ data: z.array(invoiceLine) })
      .loose()
      .nullish(),
    metadata,
  })
  .loose()
  .transform((invoice) => {
    const lines = (invoice.lines?.data ?? []).filter(
      (line) => line.period && !(line.proration ?? line.parent?.subscription_item_details?.proration),
    );
    // The subscription's own line is the one reaching furthest: it covers the period being paid for.
    const main = lines.reduce<(typeof lines)[number] | undefined>(
      (best, line) => (!best || line.period!.end > best.period!.end ? line : best),
      undefined,
    );
    return {
      id: invoice.id,
      customer: invoice.customer,
      billing_reason: invoice.billing_reason ?? null,
      subscription_id: invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null,
      price_id: main ? (main.pricing?.price_details?.price ?? main.price?.id ?? null) : null,
      period_start: main?.period?.start ?? null,
      period_end: main?.period?.end ?? null,
    };
  });
export type InvoiceFacts = z.output<typeof invoiceObject>;

export const checkoutSessionObject = z
  .object({
    id: z.string(),
    mode: z.string(),
    customer: ref.nullish(),
    subscription: ref.nullish(),
    client_reference_id: z.string().nullish(),
    payment_status: z.string().nullish(),
    metadata,
  })
  .loose()
  .transform((session) => ({
    id: session.id,
    mode: session.mode,
    customer: session.customer ?? null,
    subscription_id: session.subscription ?? null,
    client_reference_id: session.client_reference_id ?? null,
    paid: session.payment_status === 'paid' || session.payment_status === 'no_payment_required',
    metadata: session.metadata,
  }));
export type CheckoutFacts = z.output<typeof checkoutSessionObject>;

export type ParsedEvent =
  | {
      kind: 'subscription';
      type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted';
      object: SubscriptionSnapshot;
    }
  | { kind: 'trial_will_end'; type: 'customer.subscription.trial_will_end'; object: SubscriptionSnapshot }
  | { kind: 'invoice'; type: 'invoice.paid' | 'invoice.payment_failed'; object: InvoiceFacts }
  | { kind: 'checkout'; type: 'checkout.session.completed'; object: CheckoutFacts };

/** Parses the event's data.object for a handled type; throws a ZodError when Stripe's payload lacks what we need. */
export function parseEventObject(type: HandledEventType, object: unknown): ParsedEvent {
  switch (type) {
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return { kind: 'subscription', type, object: subscriptionObject.parse(object) };
    case 'customer.subscription.trial_will_end':
      return { kind: 'trial_will_end', type, object: subscriptionObject.parse(object) };
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return { kind: 'invoice', type, object: invoiceObject.parse(object) };
    case 'checkout.session.completed':
      return { kind: 'checkout', type, object: checkoutSessionObject.parse(object) };
  }
}

/** Where our own metadata says the object belongs (set on the customer, the session and the subscription at checkout). */
export function ownerFromMetadata(
  metadata: Record<string, string>,
  clientReferenceId?: string | null,
): { type: 'user' | 'organization'; id: string } | null {
  const type = metadata.owner_type;
  const id = metadata.owner_id;
  if ((type === 'user' || type === 'organization') && id) return { type, id };
  const match = clientReferenceId ? /^(user|organization)_([a-f0-9]{24})$/.exec(clientReferenceId) : null;
  return match ? { type: match[1] as 'user' | 'organization', id: match[2]! } : null;
}
