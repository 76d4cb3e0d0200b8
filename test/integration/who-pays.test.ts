import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createSpender, type Held } from '../helpers/spend.js';
import { registerAndLogin } from '../factories/users.js';
import { addMember, createOrganization, createSubUser, organizationWithTeam } from '../factories/teams.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { UserModel } from '../../src/models/user.js';
import { InsufficientQuotaError } from '../../src/domain/quota/service.js';
import { capAccountsOf } from '../../src/domain/quota/cap-accounts.js';
import { memberCapAccount, type AccountRef } from '../../src/domain/quota/accounts.js';

/**
 * The SPEC's "who pays" guarantees for sub-users and organizations, proven at the quota level with principals
 * loaded from the database (see test/helpers/spend.ts for how these map onto /v1/chat/completions).
 */
describe('who pays: sub-users and organization pools', () => {
  let app: TestApp;
  let spender: ReturnType<typeof createSpender>;
  beforeAll(async () => {
    app = await startTestApp();
    spender = createSpender(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  const refused = async (attempt: Promise<unknown>, kind: string) => {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InsufficientQuotaError);
    expect(error).toMatchObject({ status: 429, code: 'insufficient_quota', account: { kind } });
  };
  const settled = (results: PromiseSettledResult<Held>[]) =>
    results.filter((r): r is PromiseFulfilledResult<Held> => r.status === 'fulfilled').map((r) => r.value);

  describe('sub-users', () => {
    it('refuses a sub-user at its cap with insufficient_quota while the parent still has quota, and bills the parent', async () => {
      const parent = await registerAndLogin(app);
      const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
      await spender.spend(sub.id, 700);
      await refused(spender.reserve(sub.id, 400), 'sub_user_cap');
      // The parent's quota counts the sub-user's usage...
      const me = await app.request.get('/auth/me').set(parent.auth);
      expect(me.body).toMatchObject({
        tokens_used: 700,
        tokens_remaining: 9300,
        monthly_usage: { tokens_used: 700, api_calls: 1 },
      });
      expect(await spender.quota.snapshot({ kind: 'user', id: parent.user.id })).toMatchObject({
        used: 700,
        reserved: 0,
      });
      // ...and still has room: the parent itself can spend, and the sub-user can use what is left of its cap.
      await spender.spend(parent.user.id, 400);
      await spender.spend(sub.id, 300);
      await refused(spender.reserve(sub.id, 1), 'sub_user_cap');
      const usage = await app.request.get(`/sub-users/${sub.id}/usage`).set(parent.auth);
      expect(usage.status).toBe(200);
      expect(usage.body).toMatchObject({
        period: {
          tokens_used: 1000,
          requests: 2,
          by_model: [{ model: 'gpt-3.5-turbo', tokens_used: 1000, requests: 2 }],
        },
        total: { tokens_used: 1000, requests: 2 },
        cap: { limit: 1000, used: 1000, reserved: 0, remaining: 0 },
      });
      expect((await spender.quota.snapshot({ kind: 'user', id: parent.user.id }))!.used).toBe(1400);
    });

    it('never lets 50 concurrent requests of a sub-user pass its cap, and holds them all on the parent too', async () => {
      const parent = await registerAndLogin(app);
      const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => spender.reserve(sub.id, 100)));
      expect(settled(results)).toHaveLength(10);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InsufficientQuotaError);
      expect(await spender.quota.snapshot({ kind: 'sub_user_cap', id: sub.id, parent: parent.user.id })).toMatchObject({
        limit: 1000,
        reserved: 1000,
      });
      expect(await spender.quota.snapshot({ kind: 'user', id: parent.user.id })).toMatchObject({ reserved: 1000 });
      await Promise.all(settled(results).map((held) => spender.settle(held, 80)));
      expect(await spender.quota.snapshot({ kind: 'sub_user_cap', id: sub.id, parent: parent.user.id })).toMatchObject({
        used: 800,
        reserved: 0,
      });
      expect(await spender.quota.snapshot({ kind: 'user', id: parent.user.id })).toMatchObject({
        used: 800,
        reserved: 0,
      });
    });

    it("stops a sub-user without a cap (or under it) when the parent's quota runs out", async () => {
      const parent = await registerAndLogin(app);
      await UserModel.updateOne({ _id: parent.user.id }, { $set: { monthly_limit: 500, tokens_remaining: 500 } });
      const capped = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
      const uncapped = await createSubUser(app, parent);
      await spender.spend(uncapped.id, 450);
      await refused(spender.reserve(capped.id, 100), 'user');
      await refused(spender.reserve(uncapped.id, 100), 'user');
      expect((await spender.reserve(capped.id, 100, { min: 1 })).granted).toBe(50);
    });

    it('applies a cap change from PATCH /sub-users/{id} to the live counters at once', async () => {
      const parent = await registerAndLogin(app);
      const sub = await createSubUser(app, parent, { limits: { monthly_tokens: 1000 } });
      await spender.spend(sub.id, 600);
      const lowered = await app.request
        .patch(`/sub-users/${sub.id}`)
        .set(parent.auth)
        .send({ limits: { monthly_tokens: 500 } });
      expect(lowered.body.limits.monthly_tokens).toBe(500);
      await refused(spender.reserve(sub.id, 1), 'sub_user_cap');
      await app.request
        .patch(`/sub-users/${sub.id}`)
        .set(parent.auth)
        .send({ limits: { monthly_tokens: 2000 } });
      expect((await spender.reserve(sub.id, 2000, { min: 1 })).granted).toBe(1400);
      // Removing the cap leaves only the parent's quota (10,000, of which 600 used and 1,400 held).
      await app.request
        .patch(`/sub-users/${sub.id}`)
        .set(parent.auth)
        .send({ limits: { monthly_tokens: null } });
      expect((await spender.payer(sub.id)).accounts).toEqual([{ kind: 'user', id: parent.user.id }]);
      expect((await spender.reserve(sub.id, 9000, { min: 1 })).granted).toBe(8000);
    });
  });

  describe('monthly reset', () => {
    /** What the quota-reset job does for a due payer: the payer and every cap account on its period start over. */
    async function resetPayer(payer: AccountRef, limit: number, period: string) {
      await spender.quota.reset(payer, limit, period);
      for (const { ref, limit: cap } of await capAccountsOf(payer)) await spender.quota.reset(ref, cap, period);
    }

    it('starts a capped sub-user and a capped member over together with their payer', async () => {
      const parent = await registerAndLogin(app);
      const [capped, uncapped] = [
        await createSubUser(app, parent, { limits: { monthly_tokens: 300 } }),
        await createSubUser(app, parent),
      ];
      const { orgId, owner, member } = await organizationWithTeam(app);
      await app.request
        .patch(`/organizations/${orgId}/members/${member.user.id}`)
        .set(owner.auth)
        .send({ monthly_token_cap: 200 });
      expect((await capAccountsOf({ kind: 'user', id: parent.user.id })).map((c) => c.ref)).toEqual([
        { kind: 'sub_user_cap', id: capped.id, parent: parent.user.id },
      ]);
      expect(await capAccountsOf({ kind: 'organization', id: orgId })).toEqual([
        { ref: memberCapAccount(orgId, member.user.id), limit: 200 },
      ]);
      await spender.spend(capped.id, 300);
      await spender.spend(uncapped.id, 100);
      await spender.spend(member.user.id, 200, { org: orgId });
      await refused(spender.reserve(capped.id, 1), 'sub_user_cap');
      await refused(spender.reserve(member.user.id, 1, { org: orgId }), 'member_cap');
      const next = new Date(Date.now() + 40 * 86_400_000).toISOString();
      await resetPayer({ kind: 'user', id: parent.user.id }, 10_000, next);
      await resetPayer({ kind: 'organization', id: orgId }, 10_000, next);
      expect((await spender.reserve(capped.id, 300)).granted).toBe(300);
      expect((await spender.reserve(member.user.id, 200, { org: orgId })).granted).toBe(200);
      expect(await spender.quota.snapshot({ kind: 'user', id: parent.user.id })).toMatchObject({
        used: 0,
        reserved: 300,
      });
    });
  });

  describe('organization pools', () => {
    async function poolOf(limit: number) {
      const team = await organizationWithTeam(app);
      // As billing does on a plan change: MongoDB first, then the live counter (already loaded by the API's reads).
      await OrganizationModel.updateOne(
        { _id: team.orgId },
        { $set: { monthly_limit: limit, tokens_remaining: limit } },
      );
      await spender.quota.setLimit({ kind: 'organization', id: team.orgId }, limit);
      return team;
    }

    it('never overdraws the pool under 50 concurrent requests from two members', async () => {
      const { orgId, owner, member } = await poolOf(1000);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => spender.reserve((i % 2 ? owner : member).user.id, 50, { org: orgId })),
      );
      const held = settled(results);
      expect(held).toHaveLength(20);
      for (const r of results)
        if (r.status === 'rejected')
          expect(r.reason).toMatchObject({ code: 'insufficient_quota', account: { kind: 'organization' } });
      expect(new Set(held.map((h) => h.context.user_id)).size).toBe(2);
      expect(held.every((h) => h.context.payer.type === 'organization' && h.context.payer.id === orgId)).toBe(true);
      expect(await spender.quota.snapshot({ kind: 'organization', id: orgId })).toMatchObject({
        limit: 1000,
        reserved: 1000,
        used: 0,
      });
      await Promise.all(held.map((h) => spender.settle(h, 50)));
      expect(await spender.quota.snapshot({ kind: 'organization', id: orgId })).toMatchObject({
        used: 1000,
        reserved: 0,
      });
      await refused(spender.reserve(owner.user.id, 1, { org: orgId }), 'organization');
      // The members' own quotas were not touched.
      expect((await spender.quota.snapshot({ kind: 'user', id: owner.user.id }))!.used).toBe(0);
      const org = await app.request.get(`/organizations/${orgId}`).set(member.auth);
      expect(org.body).toMatchObject({ tokens_used: 1000, tokens_remaining: 0, reserved: 0 });
    });

    it('holds a per-member cap inside the pool, and applies cap changes from PATCH at once', async () => {
      const { orgId, owner, admin, member } = await poolOf(5000);
      const capPath = `/organizations/${orgId}/members/${member.user.id}`;
      expect((await app.request.patch(capPath).set(admin.auth).send({ monthly_token_cap: 200 })).status).toBe(200);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => spender.reserve(member.user.id, 50, { org: orgId })),
      );
      expect(settled(results)).toHaveLength(4);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ account: { kind: 'member_cap' } });
      await Promise.all(settled(results).map((h) => spender.settle(h, 50)));
      // Others still draw from the pool.
      expect((await spender.reserve(owner.user.id, 1000, { org: orgId })).granted).toBe(1000);
      // Raising the cap of a loaded account keeps what was used.
      await app.request.patch(capPath).set(owner.auth).send({ monthly_token_cap: 300 });
      expect((await spender.reserve(member.user.id, 500, { org: orgId, min: 1 })).granted).toBe(100);
      await refused(spender.reserve(member.user.id, 1, { org: orgId }), 'member_cap');
      // Removing the cap leaves the pool (5000 - 200 used - 1000 - 100 held).
      await app.request.patch(capPath).set(owner.auth).send({ monthly_token_cap: null });
      expect((await spender.reserve(member.user.id, 10_000, { org: orgId, min: 1 })).granted).toBe(3700);
    });

    it('a cap given when adding a member applies from the first request', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner);
      const newcomer = await registerAndLogin(app);
      await addMember(app, owner, orgId, newcomer, 'member', 120);
      expect((await spender.payer(newcomer.user.id, orgId)).accounts.map((a) => a.kind)).toEqual([
        'member_cap',
        'organization',
      ]);
      expect((await spender.reserve(newcomer.user.id, 500, { org: orgId, min: 1 })).granted).toBe(120);
    });

    it('answers 404 for X-Organization-Id of an organization the caller does not belong to (or no longer does)', async () => {
      const { orgId, owner, member } = await organizationWithTeam(app);
      const stranger = await registerAndLogin(app);
      const sub = await createSubUser(app, owner);
      for (const who of [stranger.user.id, sub.id]) {
        await expect(spender.payer(who, orgId)).rejects.toMatchObject({ status: 404, code: 'not_found' });
      }
      await expect(spender.payer(stranger.user.id, 'not-an-id')).rejects.toMatchObject({ status: 404 });
      await expect(spender.payer(stranger.user.id, '0'.repeat(24))).rejects.toMatchObject({ status: 404 });
      expect((await spender.payer(member.user.id, orgId)).payer).toEqual({ type: 'organization', id: orgId });
      await app.request.delete(`/organizations/${orgId}/members/${member.user.id}`).set(member.auth);
      await expect(spender.payer(member.user.id, orgId)).rejects.toMatchObject({ status: 404 });
      await app.request.delete(`/organizations/${orgId}`).set(owner.auth);
      await expect(spender.payer(owner.user.id, orgId)).rejects.toMatchObject({ status: 404 });
    });
  });
});
