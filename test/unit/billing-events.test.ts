import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  HANDLED_EVENT_TYPES,
  isHandledEventType,
  ownerFromMetadata,
  parseEventObject,
} from '../../src/domain/billing/events.js';
import { readSignedEvent } from '../../src/domain/billing/signed-event.js';

const objectOf = (parsed: ReturnType<typeof parseEventObject>) => parsed.object as Record<string, unknown>;

describe('handled Stripe event types', () => {
  it.each(HANDLED_EVENT_TYPES)('%s is handled', (type) => {
    expect(isHandledEventType(type)).toBe(true);
  });

  it.each(['invoice.created', 'customer.created', 'charge.succeeded', '', 'invoice.paid '])('%j is not', (type) => {
    expect(isHandledEventType(type)).toBe(false);
  });
});

describe('reading a subscription', () => {
  const base = { id: 'sub_1', customer: 'cus_1', status: 'active' };
  it.each([
    [
      'an expanded customer is read by its id',
      { ...base, customer: { id: 'cus_x', email: 'a@b' } },
      { customer: 'cus_x' },
    ],
    ['cancel_at counts as cancelling', { ...base, cancel_at: 1900000000 }, { cancel_at_period_end: true }],
    ['a null cancel flag is false', { ...base, cancel_at_period_end: null }, { cancel_at_period_end: false }],
    [
      'the price comes from the first item, or its legacy plan',
      { ...base, items: { data: [{ plan: { id: 'plan_old' } }] } },
      { price_id: 'plan_old' },
    ],
    [
      'periods on the item win over those on the subscription',
      { ...base, current_period_end: 5, items: { data: [{ price: { id: 'p' }, current_period_end: 9 }] } },
      { period_end: 9, price_id: 'p' },
    ],
    [
      'no items: no price, periods from the subscription',
      { ...base, current_period_start: 1, current_period_end: 2 },
      { price_id: null, period_start: 1, period_end: 2 },
    ],
    ['metadata defaults to empty', base, { metadata: {}, trial_end: null }],
  ])('%s', (_name, object, expected) => {
    expect(objectOf(parseEventObject('customer.subscription.updated', object))).toMatchObject(expected);
  });

  it('refuses a subscription without an id or status (a ZodError names the field)', () => {
    expect(() => parseEventObject('customer.subscription.updated', { customer: 'c', status: 'active' })).toThrow(/id/);
    expect(() => parseEventObject('customer.subscription.created', { id: 's', customer: 'c' })).toThrow(/status/);
  });
});

describe('reading an invoice', () => {
  const line = (start: number, end: number, extra: object = {}) => ({ period: { start, end }, ...extra });
  it.each([
    [
      'the subscription line reaching furthest is the one paid for',
      { lines: { data: [line(1, 5, { price: { id: 'a' } }), line(1, 9, { price: { id: 'b' } })] } },
      { price_id: 'b', period_start: 1, period_end: 9 },
    ],
    [
      'proration lines (flag on the line) never count',
      { lines: { data: [line(1, 50, { proration: true, price: { id: 'pr' } }), line(1, 9, { price: { id: 'b' } })] } },
      { price_id: 'b', period_end: 9 },
    ],
    [
      'proration lines (flag on the parent item, newer API) never count',
      {
        lines: {
          data: [
            line(1, 50, { parent: { subscription_item_details: { proration: true } }, price: { id: 'pr' } }),
            line(1, 9, { price: { id: 'b' } }),
          ],
        },
      },
      { price_id: 'b', period_end: 9 },
    ],
    [
      'the newer pricing.price_details wins over price, expanded or not',
      { lines: { data: [line(1, 9, { pricing: { price_details: { price: { id: 'new' } } }, price: { id: 'old' } })] } },
      { price_id: 'new' },
    ],
    ['no lines: no price, no period', {}, { price_id: null, period_start: null, period_end: null }],
    [
      'the subscription from parent.subscription_details, or the legacy field',
      { subscription: 'sub_legacy' },
      { subscription_id: 'sub_legacy' },
    ],
    [
      'parent.subscription_details wins over the legacy field',
      { subscription: 'sub_legacy', parent: { subscription_details: { subscription: 'sub_new' } } },
      { subscription_id: 'sub_new' },
    ],
    ['no subscription and no reason read as null', {}, { subscription_id: null, billing_reason: null }],
  ])('%s', (_name, extra, expected) => {
    const parsed = parseEventObject('invoice.paid', { id: 'in_1', customer: 'cus_1', ...extra });
    expect(objectOf(parsed)).toMatchObject(expected);
  });
});

describe('reading a checkout session', () => {
  it.each([
    ['paid', true],
    ['no_payment_required', true],
    ['unpaid', false],
    [null, false],
  ])('payment_status %s: paid %s', (status, paid) => {
    const parsed = parseEventObject('checkout.session.completed', {
      id: 'cs_1',
      mode: 'subscription',
      payment_status: status,
      subscription: { id: 'sub_1' },
    });
    expect(objectOf(parsed)).toMatchObject({ paid, subscription_id: 'sub_1', customer: null, metadata: {} });
  });
});

describe('who an object belongs to', () => {
  const id = 'a'.repeat(24);
  it.each([
    ['metadata naming a user', { owner_type: 'user', owner_id: 'u1' }, null, { type: 'user', id: 'u1' }],
    [
      'metadata naming an organization',
      { owner_type: 'organization', owner_id: 'o1' },
      null,
      { type: 'organization', id: 'o1' },
    ],
    [
      'metadata wins over the client reference',
      { owner_type: 'user', owner_id: 'u1' },
      `organization_${id}`,
      { type: 'user', id: 'u1' },
    ],
    [
      'an unknown owner type falls back to the client reference',
      { owner_type: 'team', owner_id: 'x' },
      `user_${id}`,
      { type: 'user', id },
    ],
    ['a client reference of an organization', {}, `organization_${id}`, { type: 'organization', id }],
    ['a client reference that is not an ObjectId', {}, 'user_123', null],
    ['a client reference of another kind', {}, `team_${id}`, null],
    ['metadata without an id', { owner_type: 'user' }, undefined, null],
    ['nothing', {}, null, null],
  ])('%s', (_name, metadata, reference, owner) => {
    expect(ownerFromMetadata(metadata as Record<string, string>, reference)).toEqual(owner);
  });
});

describe('a signed Stripe delivery', () => {
  const secret = 'whsec_unit';
  const event = { id: 'evt_1', type: 'invoice.paid', created: 1_900_000_000, data: { object: {} } };
  const sign = (payload: string, timestamp = Math.floor(Date.now() / 1000), key = secret) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp });

  it('is read when the signature verifies', () => {
    const payload = JSON.stringify(event);
    expect(readSignedEvent(payload, sign(payload), secret)).toMatchObject({
      ok: true,
      envelope: { event_id: 'evt_1', type: 'invoice.paid', created: 1_900_000_000 },
    });
  });

  it.each([
    ['signed with another secret', (p: string) => sign(p, undefined, 'whsec_other'), 'invalid_signature'],
    ['signed over another body', () => sign('{"id":"evt_2"}'), 'invalid_signature'],
    ['with a malformed header', () => 't=1,v1=zz', 'invalid_signature'],
    [
      'signed an hour ago (past the webhook tolerance)',
      (p: string) => sign(p, Math.floor(Date.now() / 1000) - 3600),
      'invalid_signature',
    ],
  ])('is refused when %s', (_name, header, code) => {
    const payload = JSON.stringify(event);
    expect(readSignedEvent(payload, header(payload), secret, 300)).toMatchObject({ ok: false, code });
  });

  it('is read long after signing when the tolerance is off (the worker: a job may wait)', () => {
    const payload = JSON.stringify(event);
    const old = sign(payload, Math.floor(Date.now() / 1000) - 30 * 86_400);
    expect(readSignedEvent(payload, old, secret, 0)).toMatchObject({ ok: true });
  });

  it.each([
    ['not JSON', 'not json'],
    ['an event id with odd characters', JSON.stringify({ ...event, id: 'evt 1/../' })],
    ['an event without a type', JSON.stringify({ ...event, type: undefined })],
    ['a fractional created', JSON.stringify({ ...event, created: 1.5 })],
  ])('is refused as invalid_payload when it is %s, even correctly signed', (_name, payload) => {
    expect(readSignedEvent(payload, sign(payload), secret)).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});
