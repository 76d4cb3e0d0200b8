import { describe, expect, it } from 'vitest';
import { addMonthsUtc, floorToMinute, isoDay, isoOrNull, minuteStamp } from '../../src/lib/dates.js';
import { isObjectId, objectIdSchema } from '../../src/lib/ids.js';
import { daysBetween, nextPeriodEnd, periodStartOf } from '../../src/domain/billing/periods.js';
import { planReset } from '../../src/domain/billing/resets.js';
import type { SubscriptionSummary } from '../../src/domain/billing/payers.js';

const d = (iso: string) => new Date(iso);

describe('calendar months in UTC', () => {
  it.each([
    ['2030-01-15T10:20:30.400Z', 1, '2030-02-15T10:20:30.400Z'],
    ['2030-01-31T00:00:00Z', 1, '2030-02-28T00:00:00Z'],
    ['2032-01-31T00:00:00Z', 1, '2032-02-29T00:00:00Z'],
    ['2030-03-31T00:00:00Z', 1, '2030-04-30T00:00:00Z'],
    ['2030-12-31T23:59:59Z', 1, '2031-01-31T23:59:59Z'],
    ['2030-01-31T00:00:00Z', 13, '2031-02-28T00:00:00Z'],
    ['2030-03-31T00:00:00Z', -1, '2030-02-28T00:00:00Z'],
    ['2030-01-15T00:00:00Z', -1, '2029-12-15T00:00:00Z'],
    ['2030-05-20T00:00:00Z', 0, '2030-05-20T00:00:00Z'],
    ['2030-02-28T00:00:00Z', 12, '2031-02-28T00:00:00Z'],
    ['2032-02-29T00:00:00Z', 12, '2033-02-28T00:00:00Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonthsUtc(d(from), months)).toEqual(d(expected));
  });

  it('does not change the date it was given', () => {
    const date = d('2030-01-31T00:00:00Z');
    addMonthsUtc(date, 1);
    expect(date).toEqual(d('2030-01-31T00:00:00Z'));
  });
});

describe('the next quota period', () => {
  it.each([
    ['due exactly at its end', '2030-01-10T10:00:00Z', '2030-01-10T10:00:00Z', '2030-02-10T10:00:00Z'],
    ['a tick a minute late', '2030-01-10T10:00:00Z', '2030-01-10T10:01:00Z', '2030-02-10T10:00:00Z'],
    [
      'a worker down for two months lands in the current period',
      '2030-01-10T10:00:00Z',
      '2030-03-20T00:00:00Z',
      '2030-04-10T10:00:00Z',
    ],
    [
      'a tick exactly at a later period boundary moves past it',
      '2030-01-10T10:00:00Z',
      '2030-03-10T10:00:00Z',
      '2030-04-10T10:00:00Z',
    ],
    [
      'a period ending on the 31st clamps in short months',
      '2030-01-31T00:00:00Z',
      '2030-02-01T00:00:00Z',
      '2030-02-28T00:00:00Z',
    ],
    ['years late is still one step', '2030-01-10T00:00:00Z', '2035-06-01T00:00:00Z', '2035-06-10T00:00:00Z'],
    [
      'an end in the future still advances by one month',
      '2030-05-10T00:00:00Z',
      '2030-01-01T00:00:00Z',
      '2030-06-10T00:00:00Z',
    ],
  ])('%s', (_name, end, asOf, expected) => {
    const next = nextPeriodEnd(d(end), d(asOf));
    expect(next).toEqual(d(expected));
    expect(next.getTime()).toBeGreaterThan(d(asOf).getTime());
  });

  it('falls back to a month after the tick beyond a century of missed periods', () => {
    expect(nextPeriodEnd(d('1900-01-01T00:00:00Z'), d('2030-01-15T00:00:00Z'))).toEqual(d('2030-02-15T00:00:00Z'));
  });

  it.each([
    ['2030-02-10T00:00:00Z', '2030-01-10T00:00:00Z'],
    ['2030-03-31T00:00:00Z', '2030-02-28T00:00:00Z'],
    ['2030-01-01T00:00:00Z', '2029-12-01T00:00:00Z'],
  ])('the period ending %s started %s', (end, start) => {
    expect(periodStartOf(d(end))).toEqual(d(start));
  });

  it.each([
    ['2030-01-01T00:00:00Z', '2030-01-08T00:00:00Z', 7],
    ['2030-01-01T00:00:00Z', '2030-01-01T12:00:00Z', 0.5],
    ['2030-01-08T00:00:00Z', '2030-01-01T00:00:00Z', -7],
  ])('from %s to %s is %d days', (a, b, days) => {
    expect(daysBetween(d(a), d(b))).toBe(days);
  });
});

describe('the reset of a due payer', () => {
  const end = d('2030-02-10T00:00:00Z');
  const summary = (status: string, pending: SubscriptionSummary['pending_tier'] = null) =>
    ({ status, pending_tier: pending }) as SubscriptionSummary;
  const hoursAfter = (hours: number) => new Date(end.getTime() + hours * 3_600_000);

  it.each([
    ['a free payer resets at once', 'free', null, 0, false, { managed: false, tier: 'free' }],
    ['a paid tier granted without Stripe resets at once', 'pro', null, 0, false, { managed: false, tier: 'pro' }],
    [
      'a paid tier whose subscription ended resets at once',
      'pro',
      summary('canceled'),
      0,
      false,
      { managed: false, tier: 'pro' },
    ],
    ['an active subscription waits for invoice.paid', 'pro', summary('active'), 71.9, false, 'awaiting_stripe'],
    ['a past_due subscription waits too', 'enterprise', summary('past_due'), 1, false, 'awaiting_stripe'],
    [
      'past the renewal grace it resets without Stripe',
      'pro',
      summary('active'),
      72,
      false,
      { managed: true, tier: 'pro' },
    ],
    ['an admin does not wait', 'pro', summary('trialing'), 0, true, { managed: true, tier: 'pro' }],
    [
      'a pending downgrade applies at the reset',
      'enterprise',
      summary('active', 'pro'),
      72,
      false,
      { managed: true, tier: 'pro' },
    ],
    [
      'a pending tier of an unmanaged payer is ignored',
      'pro',
      summary('unpaid', 'free'),
      0,
      false,
      { managed: false, tier: 'pro' },
    ],
  ] as const)('%s', (_name, tier, subscription, hours, force, plan) => {
    expect(planReset({ tier, reset_date: end, subscription }, hoursAfter(hours), force, 72)).toEqual(plan);
  });
});

describe('date helpers', () => {
  it.each([
    ['2030-01-02T23:59:59.999Z', '2030-01-02'],
    ['2030-12-31T00:00:00Z', '2030-12-31'],
  ])('the UTC day of %s is %s', (at, day) => {
    expect(isoDay(d(at))).toBe(day);
  });

  it.each([
    ['2030-01-02T03:04:59.999Z', '2030-01-02T03:04:00.000Z', '2030-01-02-03-04'],
    ['2030-01-02T03:04:00.000Z', '2030-01-02T03:04:00.000Z', '2030-01-02-03-04'],
    ['2030-12-31T23:59:30Z', '2030-12-31T23:59:00.000Z', '2030-12-31-23-59'],
  ])('%s falls in the minute %s, stamped %s', (at, minute, stamp) => {
    expect(floorToMinute(d(at)).toISOString()).toBe(minute);
    expect(minuteStamp(d(at))).toBe(stamp);
  });

  it.each([
    [d('2030-01-02T03:04:05Z'), '2030-01-02T03:04:05.000Z'],
    ['2030-01-02T03:04:05+02:00', '2030-01-02T01:04:05.000Z'],
    [null, null],
    [undefined, null],
    ['', null],
  ])('isoOrNull(%j) is %j', (value, expected) => {
    expect(isoOrNull(value)).toBe(expected);
  });
});

describe('ids', () => {
  it.each([
    ['0123456789abcdef01234567', true],
    ['ffffffffffffffffffffffff', true],
    ['0123456789ABCDEF01234567', false],
    ['0123456789abcdef0123456', false],
    ['0123456789abcdef012345678', false],
    ['0123456789abcdef0123456g', false],
    [' 0123456789abcdef01234567', false],
    [123, false],
    [null, false],
  ])('%j is an ObjectId: %s', (value, ok) => {
    expect(isObjectId(value)).toBe(ok);
    expect(objectIdSchema().safeParse(value).success).toBe(ok);
  });

  it('names the kind of id in its message', () => {
    const result = objectIdSchema('must be a session id').safeParse('nope');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a session id');
  });
});
