import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { llmKeys } from '../../queues/index.js';
import { countTokens, estimatePromptTokens, promptOptionsOf } from '../../src/domain/llm/tokenizer.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { organization } from '../factories/usage.js';
import { createSubUser } from '../factories/teams.js';
import { chatBody, contentOf, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { startSecondInstance } from '../helpers/second-instance.js';
import { waitFor } from '../helpers/wait.js';

const words = (n: number, tag = 'w') => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(' ');
const MAX_TOKENS = 5;

/**
 * Money paths end to end: real HTTP into the API, the real llm worker streaming from a fake upstream, the real
 * usage worker settling into the FerretDB ledger, quota counters in Redis.
 */
describe('money paths: chat requests from admission to the ledger', () => {
  let env: LlmEnv;
  let usageWorkers: RunningWorkers;

  beforeAll(async () => {
    env = await startLlmEnv({ STREAM_RESUME_GRACE_MS: '300', LLM_SSE_HEADER_DEFER_MS: '50' });
    usageWorkers = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
  });
  afterAll(async () => {
    await usageWorkers?.stop();
    await env?.stop();
  });
  // Every answer is longer than max_tokens; billedAsReserved makes the upstream report the prompt as it was reserved.
  beforeEach(() => {
    env.upstream.reset();
    env.upstream.setDefault({ content: words(30) });
  });

  /** What one request with this prompt and MAX_TOKENS reserves. */
  const costOf = async (text: string) =>
    (await estimatePromptTokens(chatBody(text, { max_tokens: MAX_TOKENS }), promptOptionsOf(env.app.config))) +
    MAX_TOKENS;

  /** The upstream reports this prompt as it was reserved, so each served request bills exactly its reservation. */
  async function billedAsReserved(prompt: string): Promise<number> {
    const cost = await costOf(prompt);
    env.upstream.when(prompt, { content: words(30), promptTokens: cost - MAX_TOKENS });
    return cost;
  }

  const chat = (auth: Record<string, string>, text: string, extra: Record<string, string> = {}) =>
    env.app.request
      .post('/v1/chat/completions')
      .set({ ...auth, ...extra })
      .send(chatBody(text, { max_tokens: MAX_TOKENS }));

  /** The payer's ledger rows once `count` of them exist (a row reaches the ledger settled, by a flush of the backlog). */
  async function settledLedger(payerId: string, count: number) {
    return waitFor(async () => {
      const rows = await TokenUsageModel.find({ payer_id: payerId }).lean();
      return rows.length === count && rows.every((r) => r.settled_at) ? rows : undefined;
    }, `${count} settled ledger rows for ${payerId}`);
  }
  const billedSum = (rows: Array<{ billed_tokens: number; status: string }>) =>
    rows.filter((r) => r.status !== 'failed').reduce((s, r) => s + r.billed_tokens, 0);

  function expectServedOrInsufficient(responses: Array<{ status: number; body: { error?: { code?: string } } }>) {
    for (const res of responses) {
      if (res.status !== 200) {
        expect(res.status).toBe(429);
        expect(res.body.error?.code).toBe('insufficient_quota');
      }
    }
    return responses.filter((r) => r.status === 200).length;
  }

  it('quota race to the ledger: 50 concurrent requests on a quota for 5 -> exactly 5 served and billed, the rest insufficient_quota, nothing reserved, balance = ledger', async () => {
    const prompt = 'race';
    const cost = await billedAsReserved(prompt);
    const limit = 5 * cost;
    const { auth, user } = await llmUser(env.app, { monthlyLimit: limit });

    const responses = await Promise.all(Array.from({ length: 50 }, () => chat(auth, prompt)));
    const served = expectServedOrInsufficient(responses);
    expect(served).toBe(5);
    expect(env.upstream.requests).toHaveLength(5);

    const rows = await settledLedger(user.id, served);
    expect(rows.every((r) => r.status === 'completed' && r.payer_type === 'user')).toBe(true);
    const used = billedSum(rows);
    expect(used).toBeLessThanOrEqual(limit);
    expect(used).toBe(limit);

    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.status).toBe(200);
    expect(balance.body).toMatchObject({
      reserved: 0,
      tokens_used: used,
      monthly_limit: limit,
      tokens_remaining: limit - used,
    });
    const quota = createQuotaService({ redis: env.app.redis, prefix: env.app.config.REDIS_PREFIX });
    expect(await quota.snapshot({ kind: 'user', id: user.id })).toMatchObject({
      reserved: 0,
      used,
      calls: served,
      limit,
    });
    expect(await TokenUsageModel.countDocuments({ payer_id: user.id })).toBe(served);
  });

  it('API keys as LLM credentials: a streamed chat with a key is billed with its api_key_id; after DELETE the key is refused at once on both instances; an org-bound key bills the organization pool', async () => {
    const owner = await llmUser(env.app);
    const created = await env.app.request.post('/api-keys').set(owner.auth).send({ name: 'ext' });
    expect(created.status).toBe(201);
    const keyAuth = { Authorization: `Bearer ${created.body.key as string}` };

    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: keyAuth,
      body: chatBody('with a key', { stream: true, max_tokens: MAX_TOKENS }),
    });
    expect(res.status).toBe(200);
    const id = String(res.headers['x-request-id']);
    const events = await res.rest();
    expect(contentOf(events).length).toBeGreaterThan(0);
    const [row] = await settledLedger(owner.user.id, 1);
    expect(row).toMatchObject({ request_id: id, status: 'completed', payer_type: 'user', stream: true });
    expect(String(row!.api_key_id)).toBe(created.body.id);

    const second = await startSecondInstance(env.app);
    try {
      // Both instances have just served (and could have cached) this key.
      expect((await chat(keyAuth, 'warm')).status).toBe(200);
      expect(
        (
          await second.request
            .post('/v1/chat/completions')
            .set(keyAuth)
            .send(chatBody('warm', { max_tokens: MAX_TOKENS }))
        ).status,
      ).toBe(200);
      expect((await env.app.request.delete(`/api-keys/${created.body.id as string}`).set(owner.auth)).status).toBe(204);
      const here = await chat(keyAuth, 'after delete');
      const there = await second.request
        .post('/v1/chat/completions')
        .set(keyAuth)
        .send(chatBody('after delete', { max_tokens: MAX_TOKENS }));
      expect(here.status).toBe(401);
      expect(there.status).toBe(401);
      expect(here.body.error).toMatchObject({ code: 'invalid_api_key' });
      expect(there.body.error).toMatchObject({ code: 'invalid_api_key' });
    } finally {
      await second.stop();
    }
    expect(env.upstream.requests.filter((r) => JSON.stringify(r.body).includes('after delete'))).toHaveLength(0);
    await settledLedger(owner.user.id, 3);

    const member = await llmUser(env.app);
    const org = await organization(owner.user.id, 100_000, [{ user_id: member.user.id }]);
    const bound = await env.app.request
      .post('/api-keys')
      .set(member.auth)
      .send({ name: 'org key', organization_id: org.id });
    expect(bound.status).toBe(201);
    const orgChat = await chat({ Authorization: `Bearer ${bound.body.key as string}` }, 'for the org');
    expect(orgChat.status).toBe(200);
    const [orgRow] = await settledLedger(org.id, 1);
    expect(orgRow).toMatchObject({
      payer_type: 'organization',
      status: 'completed',
      request_id: orgChat.headers['x-request-id'],
    });
    expect(String(orgRow!.user_id)).toBe(member.user.id);
    expect(String(orgRow!.api_key_id)).toBe(bound.body.id);
    expect(await TokenUsageModel.countDocuments({ payer_id: member.user.id })).toBe(0);
    const pool = await env.app.request.get('/tokens/balance').set(member.auth).set('X-Organization-Id', org.id);
    expect(pool.body).toMatchObject({ tokens_used: orgRow!.billed_tokens, reserved: 0 });
  });

  it("sub-user: refused with insufficient_quota once its own cap is used while the parent still has quota; the parent's tokens_used includes the sub-user's usage", async () => {
    const prompt = 'sub';
    const cost = await billedAsReserved(prompt);
    const parent = await llmUser(env.app);
    const sub = await createSubUser(env.app, parent, { limits: { monthly_tokens: 2 * cost } });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push(await chat(sub.auth, prompt));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(statuses[2]!.body.error.code).toBe('insufficient_quota');

    const rows = await settledLedger(parent.user.id, 2);
    expect(rows.every((r) => String(r.sub_user_id) === sub.id && r.payer_type === 'user')).toBe(true);
    const subUsed = billedSum(rows);
    expect(subUsed).toBe(2 * cost);

    const parentBalance = await env.app.request.get('/tokens/balance').set(parent.auth);
    expect(parentBalance.body).toMatchObject({ tokens_used: subUsed, reserved: 0 });
    expect(parentBalance.body.tokens_remaining).toBeGreaterThan(0);
    // The parent itself is still served: only the sub-user's cap ran out.
    expect((await chat(parent.auth, prompt)).status).toBe(200);
    const all = await settledLedger(parent.user.id, 3);
    expect((await env.app.request.get('/tokens/balance').set(parent.auth)).body.tokens_used).toBe(billedSum(all));
  });

  it('organization pool: two members x 25 concurrent requests with X-Organization-Id never overdraw the pool; refusals are insufficient_quota', async () => {
    const prompt = 'pool';
    const cost = await billedAsReserved(prompt);
    const limit = 7 * cost;
    const [owner, a, b] = await Promise.all([llmUser(env.app), llmUser(env.app), llmUser(env.app)]);
    const org = await organization(owner.user.id, limit, [{ user_id: a.user.id }, { user_id: b.user.id }]);
    const inOrg = { 'X-Organization-Id': org.id };

    const responses = await Promise.all(
      [a, b].flatMap((m) => Array.from({ length: 25 }, () => chat(m.auth, prompt, inOrg))),
    );
    const served = expectServedOrInsufficient(responses);
    expect(served).toBe(7);

    const rows = await settledLedger(org.id, served);
    expect(rows.every((r) => r.payer_type === 'organization' && r.status === 'completed')).toBe(true);
    const used = billedSum(rows);
    expect(used).toBeLessThanOrEqual(limit);
    const members = new Set(rows.map((r) => String(r.user_id)));
    for (const id of members) expect([a.user.id, b.user.id]).toContain(id);
    for (const m of [a, b]) expect(await TokenUsageModel.countDocuments({ payer_id: m.user.id })).toBe(0);

    const pool = await env.app.request.get('/tokens/balance').set(a.auth).set(inOrg);
    expect(pool.body).toMatchObject({ tokens_used: used, reserved: 0, monthly_limit: limit });
    expect(await TokenUsageModel.countDocuments({ payer_id: org.id })).toBe(served);
  });

  it("organization member cap: a capped member's 20 concurrent requests stop at its cap while the pool still serves another member", async () => {
    const prompt = 'capped';
    const cost = await billedAsReserved(prompt);
    const [owner, capped, other] = await Promise.all([llmUser(env.app), llmUser(env.app), llmUser(env.app)]);
    const org = await organization(owner.user.id, 100_000, [
      { user_id: capped.user.id, cap: 2 * cost },
      { user_id: other.user.id },
    ]);
    const inOrg = { 'X-Organization-Id': org.id };

    const responses = await Promise.all(Array.from({ length: 20 }, () => chat(capped.auth, prompt, inOrg)));
    expect(expectServedOrInsufficient(responses)).toBe(2);
    expect((await chat(other.auth, prompt, inOrg)).status).toBe(200);

    const rows = await settledLedger(org.id, 3);
    expect(rows.filter((r) => String(r.user_id) === capped.user.id)).toHaveLength(2);
    expect(billedSum(rows.filter((r) => String(r.user_id) === capped.user.id))).toBe(2 * cost);
    const pool = await env.app.request.get('/tokens/balance').set(other.auth).set(inOrg);
    expect(pool.body).toMatchObject({ tokens_used: billedSum(rows), reserved: 0 });
  });

  it('abort: a resumable stream whose client drops is cut off upstream after the grace period; the ledger bills exactly what was streamed; nothing stays reserved', async () => {
    const { auth, user } = await llmUser(env.app);
    const content = words(200);
    env.upstream.setDefault({ content, tokenDelayMs: 20 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: { ...auth, 'X-Stream-Resumable': 'true' },
      body: chatBody('long', { stream: true, max_tokens: 500 }),
    });
    expect(res.status).toBe(200);
    const id = String(res.headers['x-request-id']);
    for (let i = 0; i < 3; i += 1) await res.next();
    res.drop();

    await env.upstream.waitFor((r) => r[0]?.aborted === true);
    expect(env.upstream.requests[0]!.tokensSent).toBeLessThan(200);
    const settle = await settlementOf(env.app, id);
    expect(settle.outcome).toMatchObject({
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'client_disconnected',
    });

    const raw = (await env.app.redis.xrange(llmKeys(env.app.config.REDIS_PREFIX).stream(id), '-', '+')) as Array<
      [string, string[]]
    >;
    const produced = contentOf(raw.filter(([, f]) => f[1] === 'c').map(([, f]) => ({ data: f[3]! })));
    expect(produced.length).toBeGreaterThan(0);
    expect(content.startsWith(produced)).toBe(true);

    const [row] = await settledLedger(user.id, 1);
    expect(row).toMatchObject({
      request_id: id,
      status: 'aborted',
      usage_source: 'counted',
      error_code: 'client_disconnected',
    });
    expect(row!.completion_tokens).toBe(await countTokens('gpt-4', produced));
    expect(row!.completion_tokens).toBe(settle.outcome.completion_tokens);
    expect(row!.billed_tokens).toBeGreaterThan(0);

    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body).toMatchObject({ reserved: 0, tokens_used: row!.billed_tokens });
  });
});
