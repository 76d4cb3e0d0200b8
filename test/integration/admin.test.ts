import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from '../factories/users.js';
import { type Session, userWithRole } from '../factories/accounts.js';
import { UserModel } from '../../src/models/user.js';
import { TokenUsageModel } from '../../src/models/token-usage.js';
import { isoDay } from '../../src/lib/dates.js';
import { createQuotaService } from '../../src/domain/quota/service.js';

describe('admin API', () => {
  let app: TestApp;
  let admin: Session;
  let superadmin: Session;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await userWithRole(app, 'admin');
    superadmin = await userWithRole(app, 'superadmin');
  });
  afterAll(async () => {
    await app.stop();
  });

  const patch = (who: Session, id: string, body: object) =>
    app.request.patch(`/admin/users/${id}`).set(who.auth).send(body);

  it('answers 401 without credentials and 403 to users, developers and API keys', async () => {
    const user = await registerAndLogin(app);
    const developer = await userWithRole(app, 'developer');
    const key = (await app.request.post('/api-keys').set(admin.auth).send({ name: 'admin key' })).body.key as string;
    const routes: Array<['get' | 'patch', string]> = [
      ['get', '/admin/users'],
      ['get', `/admin/users/${user.user.id}`],
      ['patch', `/admin/users/${user.user.id}`],
      ['get', '/admin/stats'],
      ['get', '/admin/usage'],
    ];
    for (const [method, path] of routes) {
      const anonymous = await app.request[method](path).send({ role: 'admin' });
      expect(anonymous.status, path).toBe(401);
      for (const auth of [user.auth, developer.auth, { Authorization: `Bearer ${key}` }]) {
        const res = await app.request[method](path).set(auth).send({ role: 'admin' });
        expect(res.status, path).toBe(403);
        expect(res.body.error.type).toBe('permission_error');
      }
    }
    expect((await UserModel.findById(user.user.id).lean())!.role).toBe('user');
  });

  it('searches emails literally (regex characters escaped), filters by tier and role, and pages', async () => {
    const tag = randomUUID().slice(0, 8);
    const plus = await registerAndLogin(app, `a+b.${tag}@example.com`);
    const lookalike = await registerAndLogin(app, `aab-${tag}@example.com`);
    const search = async (query: Record<string, string>) =>
      app.request.get('/admin/users').query(query).set(admin.auth);

    const literal = await search({ q: `A+B.${tag}` });
    expect(literal.status).toBe(200);
    expect(literal.body.data.map((u: { id: string }) => u.id)).toEqual([plus.user.id]);
    expect((await search({ q: tag })).body.total).toBe(2);
    expect((await search({ q: '.*' })).body.total).toBe(0);
    expect((await search({ q: '(' })).status).toBe(200);

    await UserModel.updateOne({ _id: lookalike.user.id }, { $set: { subscription_tier: 'pro', role: 'developer' } });
    expect((await search({ q: tag, tier: 'pro' })).body.data.map((u: { id: string }) => u.id)).toEqual([
      lookalike.user.id,
    ]);
    expect((await search({ q: tag, role: 'developer', tier: 'pro' })).body.total).toBe(1);
    expect((await search({ q: tag, role: 'admin' })).body.total).toBe(0);

    const page1 = await search({ q: tag, per_page: '1', page: '1' });
    const page2 = await search({ q: tag, per_page: '1', page: '2' });
    expect(page1.body).toMatchObject({ page: 1, per_page: 1, total: 2 });
    expect(page1.body.data[0].id).not.toBe(page2.body.data[0].id);
    expect(JSON.stringify(page1.body)).not.toContain('password');

    for (const bad of [
      { tier: 'gold' },
      { per_page: '1000' },
      { page: '0' },
      { q: 'x'.repeat(300) },
      { sort: 'email' },
    ] as Array<Record<string, string>>) {
      expect((await search(bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it('reads one user with live quota counters; unknown and malformed ids are 404', async () => {
    const user = await registerAndLogin(app);
    const res = await app.request.get(`/admin/users/${user.user.id}`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: user.email,
      quota: { limit: 10_000, used: 0, reserved: 0 },
      limit_overrides: { monthly_tokens: null },
    });
    expect(res.body.password_hash).toBeUndefined();
    expect((await app.request.get('/admin/users/000000000000000000000000').set(admin.auth)).status).toBe(404);
    expect((await app.request.get('/admin/users/nope').set(admin.auth)).status).toBe(404);
    expect((await patch(admin, '000000000000000000000000', { subscription_tier: 'pro' })).status).toBe(404);
  });

  it('changes tier and limits; a monthly_limit change reaches the Redis quota at once', async () => {
    const user = await registerAndLogin(app);
    const quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    const ref = { kind: 'user' as const, id: user.user.id };
    await quota.reserve(randomUUID(), [ref], 1000, 1000, 60_000);

    const pro = await patch(admin, user.user.id, { subscription_tier: 'pro' });
    expect(pro.status).toBe(200);
    expect(pro.body).toMatchObject({
      subscription_tier: 'pro',
      monthly_limit: 1_000_000,
      tokens_remaining: 1_000_000,
      quota: { limit: 1_000_000, reserved: 1000 },
    });

    const capped = await patch(admin, user.user.id, {
      monthly_limit: 1500,
      limit_overrides: { requests_per_minute: 7 },
    });
    expect(capped.body).toMatchObject({
      monthly_limit: 1500,
      limit_overrides: { monthly_tokens: 1500, requests_per_minute: 7, concurrent_streams: null },
    });
    expect((await quota.snapshot(ref))!.limit).toBe(1500);
    await expect(quota.reserve(randomUUID(), [ref], 600, 600, 60_000)).rejects.toMatchObject({
      code: 'insufficient_quota',
    });

    const cleared = await patch(admin, user.user.id, { limit_overrides: { monthly_tokens: null } });
    expect(cleared.body).toMatchObject({
      monthly_limit: 1_000_000,
      limit_overrides: { monthly_tokens: null, requests_per_minute: 7 },
    });
    expect((await quota.snapshot(ref))!.limit).toBe(1_000_000);

    for (const body of [
      {},
      { monthly_limit: -1 },
      { role: 'root' },
      { subscription_tier: 'gold' },
      { password_hash: 'x' },
      { monthly_limit: 5, limit_overrides: { monthly_tokens: 6 } },
    ]) {
      expect((await patch(admin, user.user.id, body)).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('lets only a superadmin grant or remove admin and superadmin, or touch an administrator', async () => {
    const user = await registerAndLogin(app);
    const otherAdmin = await userWithRole(app, 'admin', 'admin2');
    for (const body of [{ role: 'admin' }, { role: 'superadmin' }]) {
      const res = await patch(admin, user.user.id, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('superadmin_required');
    }
    expect((await patch(admin, user.user.id, { role: 'developer' })).status).toBe(200);
    for (const body of [{ role: 'user' }, { is_active: false }, { subscription_tier: 'pro' }]) {
      expect((await patch(admin, otherAdmin.user.id, body)).status).toBe(403);
      expect((await patch(admin, superadmin.user.id, body)).status).toBe(403);
    }
    expect((await patch(admin, admin.user.id, { role: 'superadmin' })).status).toBe(403);

    expect((await patch(superadmin, user.user.id, { role: 'admin' })).body.role).toBe('admin');
    expect((await app.request.get('/admin/stats').set(user.auth)).status).toBe(200);
    expect((await patch(superadmin, user.user.id, { role: 'user' })).body.role).toBe('user');
    expect((await app.request.get('/admin/stats').set(user.auth)).status).toBe(403);
  });

  it("refuses an admin's reset of their own quota or another admin's (the PATCH rules); a superadmin may", async () => {
    const quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
    const resetQueue = app.producer.queues['quota-reset'];
    const otherAdmin = await userWithRole(app, 'admin', 'admin-reset');
    const spend = async (id: string, tokens: number) => {
      const request = randomUUID();
      await quota.reserve(request, [{ kind: 'user', id }], tokens, tokens, 60_000);
      await quota.settle(request, [{ kind: 'user', id }], tokens, 1);
    };
    await spend(admin.user.id, 123);
    const reset = (who: Session, id: string) => app.request.post(`/admin/users/${id}/reset-quota`).set(who.auth);
    const before = await resetQueue.count();
    for (const target of [admin.user.id, otherAdmin.user.id, superadmin.user.id]) {
      const res = await reset(admin, target);
      expect(res.status, target).toBe(403);
      expect(res.body.error.code).toBe('superadmin_required');
    }
    expect(await resetQueue.count()).toBe(before);
    expect(await quota.snapshot({ kind: 'user', id: admin.user.id })).toMatchObject({ used: 123 });

    const user = await registerAndLogin(app);
    const allowed = [await reset(admin, user.user.id), await reset(superadmin, otherAdmin.user.id)];
    expect(allowed.map((r) => r.status)).toEqual([202, 202]);
    // No worker runs in this file: drop the queued resets so the queue-depth report below starts clean.
    for (const res of allowed) await resetQueue.remove(res.body.job_id);
  });

  it('deactivation revokes sessions and keys; reactivation lets the user sign in again', async () => {
    const user = await registerAndLogin(app);
    const key = (await app.request.post('/api-keys').set(user.auth).send({ name: 'k' })).body.key as string;
    expect((await app.request.get('/users/me').set('Authorization', `Bearer ${key}`)).status).toBe(200);
    expect((await patch(admin, user.user.id, { is_active: false })).body.is_active).toBe(false);
    expect((await app.request.get('/auth/me').set(user.auth)).status).toBe(401);
    expect((await app.request.get('/users/me').set('Authorization', `Bearer ${key}`)).status).toBe(401);
    expect((await app.request.post('/auth/refresh').send({ refresh_token: user.refreshToken })).status).toBe(401);
    expect(
      (await app.request.post('/auth/login-json').send({ email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(401);
    expect((await patch(admin, user.user.id, { is_active: true })).body.is_active).toBe(true);
    expect(
      (await app.request.post('/auth/login-json').send({ email: user.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
    expect((await app.request.get('/users/me').set('Authorization', `Bearer ${key}`)).status).toBe(401);
  });

  async function onlySuperadmins(count: number): Promise<Session[]> {
    await UserModel.updateMany({ role: 'superadmin' }, { $set: { role: 'user' } });
    const supers = await Promise.all(Array.from({ length: count }, () => userWithRole(app, 'superadmin', 'super')));
    return supers;
  }
  const activeSuperadmins = () => UserModel.countDocuments({ role: 'superadmin', is_active: true });

  it('never demotes or deactivates the last active superadmin', async () => {
    const [only] = await onlySuperadmins(1);
    for (const body of [{ role: 'admin' }, { is_active: false }]) {
      const res = await patch(only!, only!.user.id, body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('last_superadmin');
    }
    const [a, b] = await onlySuperadmins(2);
    expect((await patch(a!, a!.user.id, { role: 'user' })).status).toBe(200);
    expect((await patch(b!, b!.user.id, { role: 'user' })).status).toBe(409);
    expect(await activeSuperadmins()).toBe(1);
  });

  it('keeps one superadmin when superadmins demote and deactivate each other at the same moment', async () => {
    for (let round = 0; round < 3; round += 1) {
      const supers = await onlySuperadmins(3);
      const requests = supers.flatMap((actor) =>
        supers.map((target, i) => patch(actor, target.user.id, i % 2 ? { is_active: false } : { role: 'admin' })),
      );
      const results = await Promise.all(requests);
      expect(
        results.every((r) => [200, 401, 403, 409].includes(r.status)),
        results.map((r) => r.status).join(),
      ).toBe(true);
      expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
      expect(await activeSuperadmins()).toBe(1);
    }
  });

  describe('reports', () => {
    const today = isoDay(new Date());
    const monthStart = `${today.slice(0, 8)}01`;
    const lastMonth = isoDay(new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000));
    let u1: Session;
    let u2: Session;

    beforeAll(async () => {
      u1 = await registerAndLogin(app, uniqueEmail('ledger1'));
      u2 = await registerAndLogin(app, uniqueEmail('ledger2'));
      const row = (
        user: Session,
        model: string,
        day: string,
        prompt: number,
        completion: number,
        status = 'completed',
      ) => ({
        request_id: randomUUID(),
        payer_type: 'user',
        payer_id: user.user.id,
        user_id: user.user.id,
        model,
        day,
        status,
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        billed_tokens: status === 'failed' ? 0 : prompt + completion,
      });
      await TokenUsageModel.insertMany([
        row(u1, 'gpt-4', today, 60, 40),
        row(u1, 'gpt-3.5-turbo', today, 30, 20),
        row(u2, 'gpt-4', today, 10, 0, 'failed'),
        row(u2, 'gpt-4', monthStart, 700, 300),
        row(u1, 'gpt-4', lastMonth, 4000, 1000),
      ]);
    });

    it('reports users by tier, requests and tokens today and this month, and queue depths', async () => {
      const before = (await app.request.get('/admin/stats').set(admin.auth)).body;
      const pro = await registerAndLogin(app);
      await patch(admin, pro.user.id, { subscription_tier: 'pro' });
      await app.producer.queues['quota-reset'].add(
        'probe',
        { mode: 'all-due', as_of: new Date().toISOString() },
        { delay: 600_000 },
      );
      await app.producer.queues['quota-reset'].add('probe', { mode: 'all-due', as_of: new Date().toISOString() });

      const res = await app.request.get('/admin/stats').set(admin.auth);
      expect(res.status).toBe(200);
      expect(res.body.users.total).toBe(before.users.total + 1);
      expect(res.body.users.by_tier.pro).toBe((before.users.by_tier.pro ?? 0) + 1);
      const firstOfMonth = monthStart === today;
      expect(res.body.usage.today).toEqual({
        day: today,
        requests: firstOfMonth ? 4 : 3,
        total_tokens: firstOfMonth ? 1160 : 160,
        billed_tokens: firstOfMonth ? 1150 : 150,
      });
      expect(res.body.usage.this_month).toEqual({
        from: monthStart,
        to: today,
        requests: 4,
        total_tokens: 1160,
        billed_tokens: 1150,
      });
      expect(Object.keys(res.body.queues).sort()).toEqual([
        'llm',
        'mail',
        'maintenance',
        'quota-reset',
        'stripe-sync',
        'usage',
      ]);
      expect(res.body.queues['quota-reset']).toMatchObject({ waiting: 1, delayed: 1, active: 0, paused: false });
    });

    it('reports usage by user and model, and by day, over a date range', async () => {
      const byUserModel = await app.request
        .get('/admin/usage')
        .query({ from: lastMonth, to: today, group_by: 'user,model' })
        .set(admin.auth);
      expect(byUserModel.status).toBe(200);
      const rows = byUserModel.body.data as Array<{
        email: string;
        model: string;
        requests: number;
        total_tokens: number;
        billed_tokens: number;
      }>;
      const find = (email: string, model: string) => rows.find((r) => r.email === email && r.model === model);
      expect(find(u1.email, 'gpt-4')).toMatchObject({
        requests: 2,
        total_tokens: 5100,
        billed_tokens: 5100,
        prompt_tokens: 4060,
      });
      expect(find(u1.email, 'gpt-3.5-turbo')).toMatchObject({ requests: 1, total_tokens: 50 });
      expect(find(u2.email, 'gpt-4')).toMatchObject({ requests: 2, total_tokens: 1010, billed_tokens: 1000 });
      expect(rows).toHaveLength(3);
      expect(rows[0]!.total_tokens).toBeGreaterThanOrEqual(rows[1]!.total_tokens);

      const byDay = await app.request.get('/admin/usage').query({ from: lastMonth, to: today }).set(admin.auth);
      expect(byDay.body.group_by).toEqual(['day']);
      const days = byDay.body.data.map((r: { day: string }) => r.day);
      expect(days).toEqual([...days].sort());
      expect(byDay.body.data[0]).toMatchObject({ day: lastMonth, requests: 1, total_tokens: 5000 });
      expect(byDay.body.data[0].email).toBeUndefined();

      const oneUser = await app.request
        .get('/admin/usage')
        .query({ from: lastMonth, to: today, group_by: 'model', user_id: u2.user.id })
        .set(admin.auth);
      expect(oneUser.body.data).toEqual([
        {
          model: 'gpt-4',
          requests: 2,
          prompt_tokens: 710,
          completion_tokens: 300,
          total_tokens: 1010,
          billed_tokens: 1000,
        },
      ]);
      const thisMonthOnly = await app.request
        .get('/admin/usage')
        .query({ from: monthStart, group_by: 'user', model: 'gpt-4' })
        .set(admin.auth);
      expect(thisMonthOnly.body.data.map((r: { email: string }) => r.email).sort()).toEqual(
        [u1.email, u2.email].sort(),
      );
    });

    it('refuses bad ranges and dimensions with 400', async () => {
      for (const query of [
        { from: today, to: lastMonth },
        { from: '2020-01-01', to: '2024-01-01' },
        { from: '2024-02-30' },
        { group_by: 'user,country' },
        { group_by: '' },
        { user_id: 'nope' },
        { limit: '0' },
      ]) {
        const res = await app.request.get('/admin/usage').query(query).set(admin.auth);
        expect(res.status, JSON.stringify(query)).toBe(400);
        expect(res.body.error.type).toBe('invalid_request_error');
      }
    });
  });
});
