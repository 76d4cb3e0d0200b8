import { describe, expect, it } from 'vitest';
import {
  ledgerRowSchema,
  llmJobSchema,
  quotaResetJobSchema,
  requestContextSchema,
  requestOutcomeSchema,
  stripeSyncJobSchema,
  usageJobSchema,
  type RequestContext,
  type RequestOutcome,
} from '../../queues/schemas.js';
import { billedTokens, ledgerRow, overageTokens } from '../../src/domain/usage/settlement.js';
import { CANCEL_ERRORS, emptyOutcome } from '../../src/domain/llm/finish.js';
import { ERROR_CODES } from '../../src/lib/error-codes.js';

const hex = (n: number) => n.toString(16).padStart(24, '0');
const context: RequestContext = {
  request_id: 'chatcmpl-unit-0001',
  user_id: hex(1),
  sub_user_id: hex(2),
  parent_user_id: hex(3),
  organization_id: null,
  api_key_id: hex(4),
  payer: { type: 'user', id: hex(3) },
  accounts: [
    { kind: 'sub_user_cap', id: hex(2), parent: hex(3) },
    { kind: 'user', id: hex(3) },
  ],
  model: 'gpt-4',
  stream: true,
  endpoint: 'chat.completions',
  reserved_tokens: 1000,
  prompt_tokens_estimate: 120,
  enqueued_at: 1_900_000_000_000,
};
const outcome = (over: Partial<RequestOutcome> = {}): RequestOutcome => ({
  status: 'completed',
  prompt_tokens: 100,
  completion_tokens: 50,
  usage_source: 'reported',
  provider: 'a4f',
  error_code: null,
  ttft_ms: 120,
  duration_ms: 900,
  ...over,
});

describe('billed tokens and overage', () => {
  it.each([
    ['a completed request bills prompt and completion', outcome(), 150, 0],
    ['an aborted request bills what it generated', outcome({ status: 'aborted', completion_tokens: 10 }), 110, 0],
    ['a failed request bills nothing, whatever was counted', outcome({ status: 'failed' }), 0, 0],
    [
      'a request that used its whole reservation has no overage',
      outcome({ prompt_tokens: 600, completion_tokens: 400 }),
      1000,
      0,
    ],
    ['beyond the reservation is overage', outcome({ prompt_tokens: 900, completion_tokens: 400 }), 1300, 300],
    ['an empty answer bills its prompt', outcome({ completion_tokens: 0 }), 100, 0],
    ['nothing at all bills nothing', outcome({ prompt_tokens: 0, completion_tokens: 0 }), 0, 0],
  ])('%s', (_name, result, billed, overage) => {
    expect(billedTokens(result)).toBe(billed);
    expect(overageTokens(context, result)).toBe(overage);
  });

  it('a failed request has no overage even beyond its reservation', () => {
    expect(overageTokens({ reserved_tokens: 0 }, outcome({ status: 'failed', prompt_tokens: 5000 }))).toBe(0);
  });
});

describe('the ledger row of a settled request', () => {
  const now = new Date('2030-01-31T23:59:59.500Z');

  it('is complete: it passes the contract the flush reads it with', () => {
    const row = ledgerRow(context, outcome(), '2030-02-01T00:00:00.000Z', now);
    expect(ledgerRowSchema.parse(row)).toEqual(row);
  });

  it.each([
    ['completed', outcome(), { billed_tokens: 150, total_tokens: 150, overage_tokens: 0 }],
    ['failed', outcome({ status: 'failed', error_code: 'upstream_error' }), { billed_tokens: 0, total_tokens: 150 }],
    ['over its reservation', outcome({ prompt_tokens: 1200 }), { billed_tokens: 1250, overage_tokens: 250 }],
  ])('records the counts of a %s request', (_name, result, counts) => {
    expect(ledgerRow(context, result, null, now)).toMatchObject(counts);
  });

  it('names who made it, who pays and every account charged, most specific first', () => {
    expect(ledgerRow(context, outcome(), null, now)).toMatchObject({
      request_id: context.request_id,
      payer_type: 'user',
      payer_id: hex(3),
      user_id: hex(1),
      sub_user_id: hex(2),
      api_key_id: hex(4),
      accounts: [`sub_user_cap:${hex(2)}`, `user:${hex(3)}`],
      period: null,
    });
  });

  it('is dated by the UTC day and the moment of settlement', () => {
    expect(ledgerRow(context, outcome(), null, now)).toMatchObject({ day: '2030-01-31', created_at: now.getTime() });
  });
});

describe('the outcome of a request that produced nothing', () => {
  it.each([
    ['failed', 'upstream_error', 'a4f'],
    ['aborted', null, null],
  ] as const)('%s (%s) bills nothing', (status, code, provider) => {
    const result = emptyOutcome(context, status, code, provider);
    expect(result).toMatchObject({
      status,
      prompt_tokens: 0,
      completion_tokens: 0,
      usage_source: 'none',
      provider,
      error_code: code,
      ttft_ms: null,
    });
    expect(billedTokens(result)).toBe(0);
    expect(requestOutcomeSchema.parse(result)).toEqual(result);
  });

  it('never reports a negative duration (a clock behind the enqueuer)', () => {
    const future = { ...context, enqueued_at: Date.now() + 3_600_000 };
    expect(emptyOutcome(future, 'failed', null).duration_ms).toBe(0);
  });

  it.each(Object.entries(CANCEL_ERRORS))('the cancel error %s is the catalog entry it names', (_key, error) => {
    expect(ERROR_CODES[error.code].status).toContain(error.status);
  });
});

describe('queue contract schemas', () => {
  it('a request context round-trips, the endpoint defaulting for old jobs', () => {
    const { endpoint: _endpoint, ...old } = context;
    expect(requestContextSchema.parse(old).endpoint).toBe('chat.completions');
    expect(requestContextSchema.parse(context)).toEqual(context);
  });

  it.each([
    ['a short request id', { request_id: 'short' }],
    ['a user id that is not an ObjectId', { user_id: 'user-1' }],
    ['an unknown payer type', { payer: { type: 'team', id: hex(1) } }],
    ['no account to charge', { accounts: [] }],
    ['an unknown account kind', { accounts: [{ kind: 'wallet', id: 'x' }] }],
    ['a negative reservation', { reserved_tokens: -1 }],
    ['a fractional reservation', { reserved_tokens: 1.5 }],
    ['an unknown endpoint', { endpoint: 'completions' }],
    ['an empty model', { model: '' }],
  ])('a request context with %s is refused', (_name, over) => {
    expect(requestContextSchema.safeParse({ ...context, ...over }).success).toBe(false);
  });

  it('an llm job never needs its body, and defaults its prompt size for old jobs', () => {
    expect(llmJobSchema.parse(context)).toMatchObject({ prompt_bytes: 0 });
    expect(llmJobSchema.safeParse({ ...context, prompt_bytes: -1 }).success).toBe(false);
  });

  it.each([
    ['a negative token count', { prompt_tokens: -1 }],
    ['an unknown status', { status: 'cancelled' }],
    ['an unknown usage source', { usage_source: 'guessed' }],
  ])('an outcome with %s is refused', (_name, over) => {
    expect(requestOutcomeSchema.safeParse(outcome(over as Partial<RequestOutcome>)).success).toBe(false);
  });

  it.each([
    ['settle', { kind: 'settle', context, outcome: outcome() }, true],
    ['release-expired', { kind: 'release-expired', as_of: '2030-01-01T00:00:00Z' }, true],
    ['release-expired without a time', { kind: 'release-expired' }, false],
    ['release-expired with a date only', { kind: 'release-expired', as_of: '2030-01-01' }, false],
    ['sync-seed', { kind: 'sync-seed', accounts: ['user:1'] }, true],
    ['sync-seed of no account', { kind: 'sync-seed', accounts: [] }, false],
    ['sync-seed of nine accounts', { kind: 'sync-seed', accounts: Array(9).fill('user:1') }, false],
    ['reconcile', { kind: 'reconcile', as_of: '2030-01-01T00:00:00.000Z' }, true],
    ['flush-ledger', { kind: 'flush-ledger' }, true],
    ['an unknown kind', { kind: 'vacuum' }, false],
  ])('a usage job %s: valid %s', (_name, job, valid) => {
    expect(usageJobSchema.safeParse(job).success).toBe(valid);
  });

  it.each([
    ['all due', { mode: 'all-due', as_of: '2030-01-01T00:00:00Z' }, true],
    ['one payer', { mode: 'one', payer_type: 'user', payer_id: hex(1), as_of: '2030-01-01T00:00:00Z' }, true],
    ['an unknown mode', { mode: 'some', as_of: '2030-01-01T00:00:00Z' }, false],
    ['a payer id that is not an ObjectId', { mode: 'one', payer_id: 'x', as_of: '2030-01-01T00:00:00Z' }, false],
    ['no time', { mode: 'all-due' }, false],
  ])('a quota reset job for %s: valid %s', (_name, job, valid) => {
    expect(quotaResetJobSchema.safeParse(job).success).toBe(valid);
  });

  it.each([
    ['complete', {}, true],
    ['without a payload', { payload: '' }, false],
    ['with an oversized signature', { signature: 'x'.repeat(16_385) }, false],
    ['with a fractional created', { created: 1.5 }, false],
  ])('a Stripe sync job %s: valid %s', (_name, over, valid) => {
    const job = { event_id: 'evt_1', type: 'invoice.paid', created: 1, payload: '{}', signature: 't=1,v1=x', ...over };
    expect(stripeSyncJobSchema.safeParse(job).success).toBe(valid);
  });
});
