import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { registerAndLogin } from '../factories/users.js';
import { createSubUser } from '../factories/teams.js';
import { UserModel } from '../../src/models/user.js';
import { createQuotaService } from '../../src/domain/quota/service.js';

/** /auth/me and /auth/vscode-config show what applies: the payer's plan, the caller's own cap and limits, live usage. */
describe('what applies, as /auth/me and /auth/vscode-config show it', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("a sub-user shows its parent's current plan and period, its own cap and rate limit", async () => {
    const parent = await registerAndLogin(app);
    const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 5000, requests_per_minute: 5 } });
    const auth = { Authorization: `Bearer ${sub.accessToken}` };
    // The parent moves to pro after the sub-user was made (its document still holds what was copied at creation).
    const resetDate = new Date(Date.now() + 20 * 86_400_000);
    await UserModel.updateOne(
      { _id: parent.user.id },
      { $set: { subscription_tier: 'pro', monthly_limit: 1_000_000, reset_date: resetDate } },
    );
    const quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    const chain = [
      { kind: 'sub_user_cap' as const, id: sub.id, parent: parent.user.id },
      { kind: 'user' as const, id: parent.user.id },
    ];
    await quota.reserve('req-entitlement-1', chain, 1200, 1, 60_000);
    await quota.settle('req-entitlement-1', chain, 1200, 1);

    const me = await app.request.get('/auth/me').set(auth);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 5000,
      tokens_used: 1200,
      tokens_remaining: 3800,
      reset_date: resetDate.toISOString(),
    });

    const vscode = await app.request.get('/auth/vscode-config').set(auth);
    expect(vscode.status).toBe(200);
    expect(vscode.body.subscription).toMatchObject({
      tier: 'pro',
      monthly_limit: 5000,
      tokens_remaining: 3800,
      reset_date: resetDate.toISOString(),
    });
    expect(vscode.body.limits).toEqual({
      monthly_tokens: 5000,
      requests_per_minute: 5,
      concurrent_streams: app.config.plans.pro.concurrent_streams,
    });
  });

  it("a user's admin overrides are the limits the extension is told", async () => {
    const user = await registerAndLogin(app);
    await UserModel.updateOne(
      { _id: user.user.id },
      { $set: { limit_overrides: { requests_per_minute: 7, concurrent_streams: 1 } } },
    );
    const vscode = await app.request.get('/auth/vscode-config').set(user.auth);
    expect(vscode.body.limits).toEqual({
      monthly_tokens: app.config.plans.free.monthly_tokens,
      requests_per_minute: 7,
      concurrent_streams: 1,
    });
    expect(vscode.body.subscription).toMatchObject({
      tier: 'free',
      monthly_limit: app.config.plans.free.monthly_tokens,
    });
  });
});
