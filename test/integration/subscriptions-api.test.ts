import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startStripeMock, type StripeMock } from '../helpers/stripe-mock.js';
import { registerAndLogin } from '../factories/users.js';
import { addMember, createOrganization } from '../factories/teams.js';
import { BILLING_ENV } from '../factories/stripe-events.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { UserModel } from '../../src/models/user.js';
import type { Config } from '../../src/config/index.js';

describe('subscriptions API (outgoing calls to stripe-mock)', () => {
  let stripe: StripeMock;
  let app: TestApp;
  beforeAll(async () => {
    stripe = await startStripeMock();
    app = await startTestApp({
      ...BILLING_ENV,
      STRIPE_SECRET_KEY: 'sk_test_api',
      STRIPE_API_BASE: stripe.url,
      BILLING_REDIRECT_ALLOWLIST: 'https://aicoder.example.com',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await stripe?.stop();
  });

  /** The same app with another configuration, sharing this file's database, Redis and queues. */
  const variant = (changes: Partial<Config>) =>
    supertest(
      createApp({
        config: { ...app.config, ...changes },
        logger: createLogger('silent'),
        redis: app.redis,
        producer: app.producer,
      }).app,
    );

  it('creates one Stripe customer for concurrent checkouts of one payer', async () => {
    const buyer = await registerAndLogin(app);
    const before = stripe.calls('POST', '/v1/customers').length;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.request.post('/subscriptions/checkout').set(buyer.auth).send({ plan: 'pro' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const customers = stripe.calls('POST', '/v1/customers').slice(before);
    expect(customers).toHaveLength(1);
    expect(customers[0]!.idempotencyKey).toBe(`customer-user-${buyer.user.id}`);
    const stored = (await UserModel.findById(buyer.user.id).lean())!.stripe_customer_id;
    const sessions = stripe
      .calls('POST', '/v1/checkout/sessions')
      .filter((c) => c.params.get('client_reference_id') === `user_${buyer.user.id}`);
    expect(sessions).toHaveLength(10);
    expect(new Set(sessions.map((s) => s.params.get('customer')))).toEqual(new Set([stored]));
  });

  it('only redirects to this service, allowlisted origins and the extension', async () => {
    const buyer = await registerAndLogin(app);
    const bad = [
      'https://evil.example.com/ok',
      'javascript:alert(1)',
      'http://localhost:8000@evil.example.com/',
      'vscode://other.extension/x',
      'not a url',
    ];
    for (const url of bad) {
      const response = await app.request
        .post('/subscriptions/checkout')
        .set(buyer.auth)
        .send({ plan: 'pro', success_url: url });
      expect(response.status, url).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'redirect_not_allowed', param: 'success_url' });
    }
    const portalBad = await app.request
      .post('/subscriptions/portal')
      .set(buyer.auth)
      .send({ return_url: 'https://evil.example.com' });
    expect(portalBad.body.error).toMatchObject({ code: 'redirect_not_allowed', param: 'return_url' });
    const good = await app.request.post('/subscriptions/checkout').set(buyer.auth).send({
      plan: 'enterprise',
      success_url: 'vscode://aicoder.aicoder-vscode/billing?ok=1',
      cancel_url: 'https://aicoder.example.com/pricing',
    });
    expect(good.status).toBe(200);
    const call = stripe.calls('POST', '/v1/checkout/sessions').at(-1)!;
    expect(call.params.get('success_url')).toBe('vscode://aicoder.aicoder-vscode/billing?ok=1');
    expect(call.params.get('line_items[0][price]')).toBe(BILLING_ENV.STRIPE_PRICE_ENTERPRISE);
    const defaults = await app.request.post('/subscriptions/checkout').set(buyer.auth).send({ plan: 'pro' });
    expect(defaults.status).toBe(200);
    expect(stripe.calls('POST', '/v1/checkout/sessions').at(-1)!.params.get('success_url')).toBe(
      'vscode://aicoder.aicoder-vscode/billing/success?session_id={CHECKOUT_SESSION_ID}',
    );
  });

  it('validates the body and needs credentials', async () => {
    const buyer = await registerAndLogin(app);
    expect((await app.request.post('/subscriptions/checkout').send({ plan: 'pro' })).status).toBe(401);
    for (const body of [
      { plan: 'free' },
      { plan: 'gold' },
      {},
      { plan: 'pro', extra: 1 },
      { plan: 'pro', organization_id: 'x' },
    ]) {
      const response = await app.request.post('/subscriptions/checkout').set(buyer.auth).send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.type).toBe('invalid_request_error');
    }
    const unsold = await variant({ STRIPE_PRICE_ENTERPRISE: [] })
      .post('/subscriptions/checkout')
      .set(buyer.auth)
      .send({ plan: 'enterprise' });
    expect(unsold.status).toBe(400);
    expect(unsold.body.error.code).toBe('plan_not_available');
  });

  it('answers 409 for portal, cancel and resume without a subscription', async () => {
    const buyer = await registerAndLogin(app);
    const portal = await app.request.post('/subscriptions/portal').set(buyer.auth).send({});
    expect(portal.status).toBe(409);
    expect(portal.body.error.code).toBe('no_billing_account');
    expect((await app.request.post('/subscriptions/cancel').set(buyer.auth).send({})).body.error.code).toBe(
      'no_active_subscription',
    );
    expect((await app.request.post('/subscriptions/resume').set(buyer.auth).send({})).body.error.code).toBe(
      'no_active_subscription',
    );
  });

  it('answers 503 with a clear message when Stripe is not configured; reads still work', async () => {
    const buyer = await registerAndLogin(app);
    const bare = variant({ STRIPE_SECRET_KEY: undefined });
    for (const path of [
      '/subscriptions/checkout',
      '/subscriptions/portal',
      '/subscriptions/cancel',
      '/subscriptions/resume',
    ]) {
      const response = await bare
        .post(path)
        .set(buyer.auth)
        .send(path.endsWith('checkout') ? { plan: 'pro' } : {});
      expect(response.status, path).toBe(503);
      expect(response.body.error).toMatchObject({ type: 'service_unavailable', code: 'billing_not_configured' });
      expect(response.body.error.message).toContain('STRIPE_SECRET_KEY');
    }
    expect((await bare.get('/subscriptions/current').set(buyer.auth)).body).toMatchObject({
      tier: 'free',
      limits: { monthly_tokens: 10_000 },
    });
    const plans = await bare.get('/subscriptions/plans');
    expect(plans.body.billing_enabled).toBe(false);
    expect(plans.body.plans.every((p: { purchasable: boolean }) => !p.purchasable)).toBe(true);
  });

  it('answers 503 without internals when Stripe cannot be reached', async () => {
    const buyer = await registerAndLogin(app);
    const down = await variant({ STRIPE_API_BASE: 'http://127.0.0.1:9' })
      .post('/subscriptions/checkout')
      .set(buyer.auth)
      .send({ plan: 'pro' });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('stripe_unavailable');
    expect(JSON.stringify(down.body)).not.toMatch(/sk_test|127\.0\.0\.1|ECONNREFUSED/);
  });

  it("lets an organization's owner buy for it; members see it, strangers get 404", async () => {
    const owner = await registerAndLogin(app);
    const member = await registerAndLogin(app);
    const stranger = await registerAndLogin(app);
    const orgId = await createOrganization(app, owner);
    await addMember(app, owner, orgId, member);
    const bought = await app.request
      .post('/subscriptions/checkout')
      .set(owner.auth)
      .send({ plan: 'pro', organization_id: orgId });
    expect(bought.status).toBe(200);
    const call = stripe.calls('POST', '/v1/checkout/sessions').at(-1)!;
    expect(call.params.get('client_reference_id')).toBe(`organization_${orgId}`);
    expect(call.params.get('metadata[owner_type]')).toBe('organization');
    expect((await OrganizationModel.findById(orgId).lean())!.stripe_customer_id).toBe(call.params.get('customer'));
    const byMember = await app.request
      .post('/subscriptions/checkout')
      .set(member.auth)
      .send({ plan: 'pro', organization_id: orgId });
    expect(byMember.status).toBe(403);
    expect(
      (await app.request.get(`/subscriptions/current?organization_id=${orgId}`).set(member.auth)).body,
    ).toMatchObject({ owner: { type: 'organization', id: orgId }, tier: 'free' });
    expect((await app.request.get(`/subscriptions/current?organization_id=${orgId}`).set(stranger.auth)).status).toBe(
      404,
    );
    expect(
      (
        await app.request
          .post('/subscriptions/checkout')
          .set(stranger.auth)
          .send({ plan: 'pro', organization_id: orgId })
      ).status,
    ).toBe(404);
  });

  it("shows a sub-user its parent's plan and does not let it buy", async () => {
    const parent = await registerAndLogin(app);
    const sub = await registerAndLogin(app);
    await UserModel.updateOne({ _id: sub.user.id }, { $set: { is_sub_user: true, parent_user_id: parent.user.id } });
    await UserModel.updateOne(
      { _id: parent.user.id },
      { $set: { subscription_tier: 'pro', monthly_limit: 1_000_000 } },
    );
    const current = await app.request.get('/subscriptions/current').set(sub.auth);
    expect(current.body).toMatchObject({ owner: { type: 'user', id: parent.user.id }, tier: 'pro', status: 'active' });
    const buy = await app.request.post('/subscriptions/checkout').set(sub.auth).send({ plan: 'enterprise' });
    expect(buy.status).toBe(403);
    expect(buy.body.error.code).toBe('sub_user_billing');
  });
});
