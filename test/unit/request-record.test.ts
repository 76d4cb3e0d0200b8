import { describe, expect, it } from 'vitest';
import { JOB_STATES, isLive, phaseOf } from '../../queues/job-states.js';
import { RECORD, endFields, hasEnded, parseRecord, type RecordEnd } from '../../queues/request-record.js';
import { llmJobSchema } from '../../queues/schemas.js';

/** A hash as HGETALL returns it from flat HSET arguments. */
const hashOf = (args: Array<string | number>): Record<string, string> => {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < args.length; i += 2) hash[String(args[i])] = String(args[i + 1]);
  return hash;
};

const created = {
  [RECORD.userId]: '64b7f0000000000000000001',
  [RECORD.model]: 'gpt-4o-mini',
  [RECORD.stream]: '1',
  [RECORD.created]: '1700000000123',
  [RECORD.status]: 'queued',
  [RECORD.watchers]: '1',
};

describe('the request record', () => {
  it('reads as absent when the hash holds no owner (expired, or only a late watcher count)', () => {
    expect(parseRecord({})).toBeNull();
    expect(parseRecord({ [RECORD.watchers]: '-1' })).toBeNull();
  });

  it('reads a new record as queued, with nothing started, streamed or ended', () => {
    expect(parseRecord(created)).toEqual({
      userId: '64b7f0000000000000000001',
      model: 'gpt-4o-mini',
      stream: true,
      created: 1_700_000_000_123,
      status: 'queued',
      watchers: 1,
      startedAt: null,
      provider: null,
      ttftMs: null,
      chunks: 0,
      cancelReason: null,
      finishedAt: null,
      promptTokens: 0,
      completionTokens: 0,
      usageSource: 'none',
      error: null,
    });
  });

  it('reads back what FINALIZE writes, with absent values as empty strings', () => {
    const end: RecordEnd = {
      status: 'aborted',
      finishedAt: 1_700_000_005_000,
      provider: null,
      promptTokens: 12,
      completionTokens: 3,
      usageSource: 'counted',
      errorCode: 'client_disconnected',
      errorMessage: null,
      ttftMs: null,
    };
    const fields = endFields(end);
    expect(fields).toContain(RECORD.finishedAt);
    const record = parseRecord({ ...created, ...hashOf(fields) })!;
    expect(record).toMatchObject({
      status: 'aborted',
      finishedAt: 1_700_000_005_000,
      provider: null,
      promptTokens: 12,
      completionTokens: 3,
      usageSource: 'counted',
      ttftMs: null,
      error: { code: 'client_disconnected', message: '' },
    });
    expect(hasEnded(record)).toBe(true);
  });

  it('has ended once finished or in a terminal status, not while queued or running', () => {
    expect(hasEnded(parseRecord(created)!)).toBe(false);
    expect(hasEnded(parseRecord({ ...created, [RECORD.status]: 'running' })!)).toBe(false);
    expect(hasEnded(parseRecord({ ...created, [RECORD.status]: 'cancelled' })!)).toBe(true);
    expect(hasEnded(parseRecord({ ...created, [RECORD.finishedAt]: '1700000001000' })!)).toBe(true);
  });

  it('reads a cancel reason as one of the two a cancel can give', () => {
    expect(parseRecord({ ...created, [RECORD.cancelReason]: 'client_disconnected' })!.cancelReason).toBe(
      'client_disconnected',
    );
    expect(parseRecord({ ...created, [RECORD.cancelReason]: 'cancelled' })!.cancelReason).toBe('cancelled');
  });

  it('spells every field once', () => {
    const names = Object.values(RECORD);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('BullMQ job states', () => {
  it('holds a job back in the queue only while it waits, in any of the waiting lists', () => {
    expect(['waiting', 'prioritized', 'delayed', 'waiting-children'].map((s) => phaseOf(s as never))).toEqual([
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    expect(phaseOf('active')).toBe('running');
  });

  it('counts a request live until its job completed, failed or is gone', () => {
    expect(JOB_STATES.filter((state) => isLive(phaseOf(state)))).toEqual([
      'waiting',
      'prioritized',
      'delayed',
      'waiting-children',
      'active',
    ]);
    expect(isLive(phaseOf('unknown'))).toBe(false);
    expect(phaseOf('failed')).toBe('failed');
  });
});

describe('the llm job', () => {
  it('carries no prompt: a body in the payload is not read', () => {
    const context = {
      request_id: 'req_0abcdefghij',
      user_id: '64b7f0000000000000000001',
      sub_user_id: null,
      parent_user_id: null,
      organization_id: null,
      api_key_id: null,
      payer: { type: 'user', id: '64b7f0000000000000000001' },
      accounts: [{ kind: 'user', id: '64b7f0000000000000000001' }],
      model: 'gpt-4o-mini',
      stream: true,
      reserved_tokens: 100,
      prompt_tokens_estimate: 10,
      enqueued_at: 1_700_000_000_000,
    };
    expect(llmJobSchema.parse({ ...context, prompt_bytes: 20, body: { messages: [] } })).not.toHaveProperty('body');
  });
});
