import { randomUUID } from 'node:crypto';
import type { TestApp } from './harness.js';
import { UserModel } from '../../src/models/user.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { isoDay } from '../../src/lib/dates.js';
import { accountName } from '../../src/domain/quota/accounts.js';
import { resolvePayer, type PayerContext } from '../../src/domain/plans/payer.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { writeSeedFields } from '../../src/domain/quota/seed-fields.js';

export interface Held {
  requestId: string;
  context: PayerContext;
  granted: number;
}

/**
 * Drives the "who pays" path the way POST /v1/chat/completions does, at the quota level: load the caller from
 * MongoDB, resolve the payer (with X-Organization-Id when given), reserve the worst case atomically, then settle
 * the real usage and write the ledger row and seed fields as the usage worker does. Once the LLM route lands,
 * these functions can become real /v1/chat/completions calls without changing the tests that use them.
 */
export function createSpender(app: TestApp) {
  const quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });

  async function payer(userId: string, organizationId?: string): Promise<PayerContext> {
    const user = await UserModel.findById(userId);
    if (!user) throw new Error(`no user ${userId}`);
    return resolvePayer(app.config, { user }, organizationId);
  }

  /** Reserves `want` tokens (at least `min`, default all of it); throws InsufficientQuotaError when not covered. */
  async function reserve(userId: string, want: number, options: { org?: string; min?: number } = {}): Promise<Held> {
    const context = await payer(userId, options.org);
    const requestId = randomUUID();
    const { granted } = await quota.reserve(requestId, context.accounts, want, options.min ?? want, 60_000);
    return { requestId, context, granted };
  }

  async function settle(held: Held, billed: number, model = 'gpt-3.5-turbo'): Promise<void> {
    const { context, requestId } = held;
    const period = (await quota.snapshot(context.accounts.at(-1)!))!.period;
    const settled = await quota.settle(requestId, context.accounts, billed, 1);
    const prompt = Math.floor(billed / 2);
    await TokenUsageModel.create({
      request_id: requestId,
      payer_type: context.payer.type,
      payer_id: context.payer.id,
      user_id: context.user_id,
      sub_user_id: context.sub_user_id,
      parent_user_id: context.parent_user_id,
      organization_id: context.organization_id,
      model,
      prompt_tokens: prompt,
      completion_tokens: billed - prompt,
      total_tokens: billed,
      billed_tokens: billed,
      accounts: context.accounts.map(accountName),
      reserved_tokens: held.granted,
      usage_source: 'reported',
      status: 'completed',
      period,
      day: isoDay(new Date()),
    });
    await writeSeedFields(settled);
  }

  /** One whole request that uses exactly `tokens`. */
  async function spend(userId: string, tokens: number, options: { org?: string; model?: string } = {}): Promise<void> {
    await settle(await reserve(userId, tokens, { org: options.org }), tokens, options.model);
  }

  return { quota, payer, reserve, settle, spend };
}
