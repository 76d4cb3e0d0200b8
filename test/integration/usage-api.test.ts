import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import supertest from 'supertest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { waitForFinishedJob } from '../helpers/wait.js';
import { organization, outcome, payerUser, requestContext } from '../factories/usage.js';
import { startWorkers, type RunningWorkers } from '../../workers/index.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { observeTtft } from '../../src/lib/metrics.js';
import { startMetricsServer } from '../../src/ops/metrics-server.js';
import { createQuotaService, type QuotaService } from '../../src/domain/quota/service.js';
import { enqueueSettlement, type RequestContext, type RequestOutcome } from '../../queues/index.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import type { AccountRef } from '../../src/domain/quota/accounts.js';

describe('usage API: balance, history, summary, and /metrics', () => {
  let app: TestApp;
  let workers: RunningWorkers;
  let quota: QuotaService;
  let alice: Awaited<ReturnType<typeof payerUser>>;
  let bob: Awaited<ReturnType<typeof payerUser>>;
  let inflight: RequestContext;
  const today = new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  async function settle(
    ref: AccountRef,
    userId: string,
    model: string,
    result: RequestOutcome,
    extra: Partial<RequestContext> = {},
  ) {
    const context = requestContext(userId, [ref], { model, ...extra });
    const { granted } = await quota.reserve(context.request_id, context.accounts, 1000, 1, 60_000);
    const job = await waitForFinishedJob(
      app.producer.queues.usage,
      await enqueueSettlement(app.producer, { ...context, reserved_tokens: granted }, result),
    );
    expect(job.failedReason ?? null).toBeNull();
  }

  /** Ledger rows of earlier days (the ledger is the data these endpoints read). */
  async function pastRow(userId: string, day: string, model: string, tokens: number) {
    const id = new Types.ObjectId(userId);
    await TokenUsageModel.create({
      request_id: `past-${new Types.ObjectId().toString()}`,
      payer_type: 'user',
      payer_id: id,
      user_id: id,
      model,
      status: 'completed',
      prompt_tokens: tokens,
      total_tokens: tokens,
      billed_tokens: tokens,
      usage_source: 'reported',
      day,
      created_at: new Date(`${day}T12:00:00Z`),
      period: '1999-01-01T00:00:00.000Z',
      accounts: [`user:${userId}`],
    });
  }

  beforeAll(async () => {
    app = await startTestApp();
    workers = await startWorkers(app.config, createLogger('silent'), ['usage']);
    quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    alice = await payerUser(app, 10_000);
    bob = await payerUser(app, 10_000);
    for (let i = 0; i < 5; i += 1)
      await settle(
        alice.ref,
        alice.user.id,
        'gpt-3.5-turbo',
        outcome({ prompt_tokens: 10, completion_tokens: 10 * i }),
      );
    await settle(
      alice.ref,
      alice.user.id,
      'claude-3',
      outcome({ prompt_tokens: 100, completion_tokens: 50, ttft_ms: 80 }),
    );
    await settle(
      alice.ref,
      alice.user.id,
      'claude-3',
      outcome({
        status: 'failed',
        prompt_tokens: 0,
        completion_tokens: 0,
        usage_source: 'none',
        error_code: 'upstream_error',
        ttft_ms: null,
      }),
    );
    await settle(bob.ref, bob.user.id, 'gpt-4', outcome({ prompt_tokens: 999, completion_tokens: 1 }));
    await pastRow(alice.user.id, daysAgo(3), 'gpt-4', 40);
    await pastRow(alice.user.id, daysAgo(3), 'gpt-3.5-turbo', 2);
    await pastRow(alice.user.id, daysAgo(45), 'gpt-4', 1000);
    inflight = requestContext(alice.user.id, [alice.ref]);
    await quota.reserve(inflight.request_id, [alice.ref], 300, 300, 60_000);
  });
  afterAll(async () => {
    await workers?.stop();
    await app?.stop();
  });

  it('GET /tokens/balance: the payer counters, including tokens reserved by requests in flight', async () => {
    const res = await app.request.get('/tokens/balance').set(alice.auth);
    expect(res.status).toBe(200);
    const used = 5 * 10 + 10 * (0 + 1 + 2 + 3 + 4) + 150;
    expect(res.body).toMatchObject({
      tokens_used: used,
      reserved: 300,
      monthly_limit: 10_000,
      tokens_remaining: 10_000 - used - 300,
      api_calls: 6,
      subscription_tier: 'free',
      payer: { type: 'user', id: alice.user.id },
      available: 10_000 - used - 300,
      accounts: [
        { account: `user:${alice.user.id}`, limit: 10_000, used, reserved: 300, remaining: 10_000 - used - 300 },
      ],
    });
    expect(res.body.reset_date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await app.request.get('/tokens/balance')).status).toBe(401);
  });

  it("GET /tokens/balance with X-Organization-Id answers for the organization's pool, and 404 for one the caller is not in", async () => {
    const member = await payerUser(app, 1000);
    const org = await organization(bob.user.id, 50_000, [{ user_id: member.user.id, cap: 2000 }]);
    const res = await app.request.get('/tokens/balance').set(member.auth).set('X-Organization-Id', org.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      payer: { type: 'organization', id: org.id },
      monthly_limit: 50_000,
      tokens_used: 0,
      reserved: 0,
      tokens_remaining: 50_000,
      subscription_tier: 'pro',
      available: 2000,
    });
    expect(res.body.accounts.map((a: { account: string }) => a.account)).toEqual([
      `member_cap:${org.id}.${member.user.id}`,
      `organization:${org.id}`,
    ]);
    const outsider = await app.request.get('/tokens/balance').set(alice.auth).set('X-Organization-Id', org.id);
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toBe('not_found');
    expect((await app.request.get('/tokens/balance').set(alice.auth).set('X-Organization-Id', 'nope')).status).toBe(
      404,
    );
  });

  it('GET /tokens/usage pages the caller’s ledger newest first and never shows another user’s rows', async () => {
    const first = await app.request.get('/tokens/usage?limit=3').set(alice.auth);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'list', page: 1, limit: 3, total: 9, has_more: true, group_by: 'day' });
    expect(first.body.range).toEqual({ from: daysAgo(29), to: today });
    expect(first.body.data).toHaveLength(3);
    const all = [...first.body.data];
    for (let page = 2; page <= 3; page += 1) {
      const res = await app.request.get(`/tokens/usage?limit=3&page=${page}`).set(alice.auth);
      expect(res.body.page).toBe(page);
      all.push(...res.body.data);
    }
    expect(all).toHaveLength(9);
    expect(new Set(all.map((r) => r.request_id)).size).toBe(9);
    const times = all.map((r) => Date.parse(r.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.every((r) => r.payer.id === alice.user.id)).toBe(true);
    expect(all.at(-1)).toMatchObject({ day: daysAgo(3) });
    const failed = all.find((r) => r.status === 'failed');
    expect(failed).toMatchObject({
      billed_tokens: 0,
      error_code: 'upstream_error',
      usage_source: 'none',
      model: 'claude-3',
    });
    const past = await app.request.get('/tokens/usage?limit=3&page=4').set(alice.auth);
    expect(past.body).toMatchObject({ data: [], has_more: false, total: 9 });
  });

  it('GET /tokens/usage groups by day or by model over a date range', async () => {
    const byDay = await app.request.get('/tokens/usage?group_by=day').set(alice.auth);
    const todayTokens = 5 * 10 + 100 + 150;
    expect(byDay.body.groups).toEqual([
      { key: daysAgo(3), requests: 2, prompt_tokens: 42, completion_tokens: 0, total_tokens: 42, billed_tokens: 42 },
      {
        key: today,
        requests: 7,
        prompt_tokens: 150,
        completion_tokens: 150,
        total_tokens: todayTokens,
        billed_tokens: todayTokens,
      },
    ]);
    expect(byDay.body.totals).toEqual({
      requests: 9,
      prompt_tokens: 192,
      completion_tokens: 150,
      total_tokens: todayTokens + 42,
      billed_tokens: todayTokens + 42,
    });

    const byModel = await app.request
      .get(`/tokens/usage?group_by=model&from=${daysAgo(60)}&to=${today}`)
      .set(alice.auth);
    expect(byModel.status).toBe(200);
    expect(
      byModel.body.groups.map((g: { key: string; total_tokens: number; requests: number }) => [
        g.key,
        g.total_tokens,
        g.requests,
      ]),
    ).toEqual(
      [
        ['gpt-4', 1040, 2],
        ['claude-3', 150, 2],
        ['gpt-3.5-turbo', 152, 6],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    expect(byModel.body.total).toBe(10);

    const oneDay = await app.request
      .get(`/tokens/usage?from=${daysAgo(3)}&to=${daysAgo(3)}&model=gpt-4`)
      .set(alice.auth);
    expect(oneDay.body).toMatchObject({ total: 1, totals: { total_tokens: 40 } });
    expect(oneDay.body.data).toHaveLength(1);
  });

  it('GET /tokens/usage refuses bad queries with 400 in the error shape', async () => {
    for (const query of [
      'page=0',
      'page=1.5',
      'limit=0',
      'limit=101',
      'limit=abc',
      'group_by=week',
      'from=2026-02-30',
      'from=yesterday',
      `from=${today}&to=${daysAgo(1)}`,
      `from=${daysAgo(400)}&to=${today}`,
      'page=1&page=2',
    ]) {
      const res = await app.request.get(`/tokens/usage?${query}`).set(alice.auth);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'validation_error' });
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('GET /users/usage-stats: balance, the current period and usage per day and model', async () => {
    const res = await app.request.get('/users/usage-stats').set(alice.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user_id: alice.user.id,
      subscription_tier: 'free',
      tokens_used: 300,
      reserved: 300,
      monthly_limit: 10_000,
      tokens_remaining: 10_000 - 300 - 300,
      monthly_usage: { api_calls: 6, tokens_used: 300 },
      current_period: {
        requests: 7,
        failed_requests: 1,
        billed_tokens: 300,
        prompt_tokens: 150,
        completion_tokens: 150,
      },
      range: { from: daysAgo(29), to: today },
    });
    expect(res.body.daily_usage).toEqual([
      { date: daysAgo(3), requests: 2, tokens: 42, billed_tokens: 42 },
      { date: today, requests: 7, tokens: 300, billed_tokens: 300 },
    ]);
    expect(res.body.model_usage[0]).toMatchObject({ model: 'gpt-3.5-turbo', requests: 6, tokens: 152 });
    expect((await app.request.get('/users/usage-stats?days=0').set(alice.auth)).status).toBe(400);
    expect((await app.request.get('/users/usage-stats?days=2').set(alice.auth)).body.daily_usage).toEqual([
      { date: today, requests: 7, tokens: 300, billed_tokens: 300 },
    ]);
  });

  it('GET /metrics: requests by matched route, queue depth, reservations outstanding, tokens by model, time to first token, job durations', async () => {
    await app.request.get(`/nope/${new Types.ObjectId().toString()}`);
    observeTtft('gpt-4', 250);
    const res = await app.request.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/tokens\/balance",status="200"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/tokens\/usage",status="400"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/);
    expect(text).not.toMatch(/route="\/nope/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/tokens\/usage",status="200"\}/,
    );
    expect(text).toMatch(/queue_jobs\{queue="usage",state="completed"\} [1-9]/);
    expect(text).toMatch(/queue_jobs\{queue="llm",state="waiting"\} 0/);
    expect(text).toContain('quota_reservations_outstanding 1');
    expect(text).toMatch(/llm_tokens_total\{model="claude-3",type="billed"\} 150/);
    expect(text).toMatch(/llm_time_to_first_token_seconds_count\{model="claude-3",observer="usage"\} 1/);
    expect(text).toMatch(/llm_time_to_first_token_seconds_count\{model="gpt-4",observer="api"\} 1/);
    expect(text).toMatch(/queue_job_duration_seconds_count\{queue="usage",outcome="completed"\} [1-9]/);
    expect(text).toMatch(/usage_settlements_total\{status="failed",usage_source="none"\} 1/);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('METRICS_TOKEN guards /metrics (web and the worker’s own server) with a bearer token', async () => {
    const config = Object.freeze({ ...app.config, METRICS_TOKEN: 'scrape-secret-123' });
    const guarded = createApp({ config, logger: createLogger('silent'), redis: app.redis, producer: app.producer });
    const request = supertest(guarded.app);
    const missing = await request.get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_metrics_token' });
    expect((await request.get('/metrics').set('Authorization', 'Bearer scrape-secret-12')).status).toBe(401);
    expect((await request.get('/metrics').set('Authorization', 'Bearer scrape-secret-1234')).status).toBe(401);
    const ok = await request.get('/metrics').set('Authorization', 'Bearer scrape-secret-123');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('queue_jobs');

    const server: http.Server = await startMetricsServer({
      config,
      redis: app.redis,
      queues: app.producer.queues,
      port: 0,
    });
    try {
      const worker = supertest(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect((await worker.get('/metrics')).status).toBe(401);
      const scraped = await worker.get('/metrics').set('Authorization', 'Bearer scrape-secret-123');
      expect(scraped.status).toBe(200);
      expect(scraped.text).toMatch(/llm_tokens_total\{model="gpt-4",type="billed"\} 1000/);
      expect((await worker.get('/other').set('Authorization', 'Bearer scrape-secret-123')).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('documents the usage routes in the OpenAPI document', async () => {
    const doc = await app.request.get('/openapi.json');
    for (const path of ['/tokens/balance', '/tokens/usage', '/users/usage-stats', '/metrics'])
      expect(doc.body.paths[path], path).toBeTruthy();
    expect(doc.body.paths['/tokens/usage'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['page', 'limit', 'from', 'to', 'group_by']),
    );
  });
});
