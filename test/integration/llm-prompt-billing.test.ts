import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { chatBody, llmUser, openSse, settlementOf, startLlmEnv, type LlmEnv } from '../helpers/llm.js';
import { waitFor } from '../helpers/wait.js';

/** Stopped after the upstream received the prompt, before its first token: the prompt is billed (it billed 0). */
describe('a request stopped before its first token, once the upstream has the prompt', () => {
  let env: LlmEnv;
  let usage: RunningWorkers;

  beforeAll(async () => {
    env = await startLlmEnv({
      LLM_FIRST_TOKEN_TIMEOUT_MS: '20000',
      STREAM_RESUME_GRACE_MS: '300',
      LLM_SSE_HEADER_DEFER_MS: '50',
    });
    usage = await startWorkers(env.app.config, createLogger('silent'), ['usage']);
  });
  afterAll(async () => {
    await usage?.stop();
    await env?.stop();
  });
  beforeEach(() => env.upstream.reset());

  const ledgerRows = (requestId: string) => TokenUsageModel.find({ request_id: requestId }).lean();
  const settledRow = (requestId: string) =>
    waitFor(
      // A row reaches the ledger only settled (flushed from the backlog after its charge).
      async () => (await ledgerRows(requestId))[0],
      `ledger row of ${requestId}`,
      15_000,
    );

  type Stop = (how: { id: string; auth: Record<string, string>; drop: () => void }) => Promise<void>;

  async function stopBeforeFirstToken(stop: Stop) {
    const { auth, user } = await llmUser(env.app);
    env.upstream.setDefault({ content: 'never seen', firstTokenDelayMs: 8000 });
    const res = await openSse(env.app.url, {
      path: '/v1/chat/completions',
      headers: auth,
      body: chatBody('a long prompt the upstream works on '.repeat(40), { stream: true }),
    });
    const id = String(res.headers['x-request-id']);
    await env.upstream.waitFor((r) => r.length === 1);
    await stop({ id, auth, drop: () => res.drop() });
    await env.upstream.waitFor((r) => r[0]?.aborted === true, 10_000);
    const row = await settledRow(id);
    expect(env.upstream.requests[0]!.tokensSent).toBe(0);
    expect(row.prompt_tokens).toBeGreaterThan(0);
    expect(row).toMatchObject({ completion_tokens: 0, billed_tokens: row.prompt_tokens });
    const balance = await env.app.request.get('/tokens/balance').set(auth);
    expect(balance.body.tokens_used).toBe(row.prompt_tokens);
    // Exactly once: one settlement, one ledger row, one charge.
    await settlementOf(env.app, id);
    expect(await ledgerRows(id)).toHaveLength(1);
    return { row, user, auth };
  }

  it('DELETE /llm/requests/{id}: the prompt is billed, once', async () => {
    const { row } = await stopBeforeFirstToken(async ({ id, auth }) => {
      expect((await env.app.request.delete(`/llm/requests/${id}`).set(auth)).status).toBe(202);
    });
    expect(row).toMatchObject({ status: 'aborted', error_code: 'request_cancelled' });
  });

  it('the client disconnects and does not come back: the prompt is billed, once', async () => {
    const { row } = await stopBeforeFirstToken(async ({ drop }) => drop());
    expect(row).toMatchObject({ status: 'aborted', error_code: 'client_disconnected' });
  });
});
