import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../helpers/harness.js';
// Members must have proven their address; these tests are about organizations, not about that policy.
import { registerVerified as registerAndLogin } from '../factories/users.js';
import { addMember, createOrganization, createSubUser, insertUsers, organizationWithTeam } from '../factories/teams.js';
import { ApiKeyModel } from '../../src/models/api-key.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { OrganizationInvitationModel } from '../../src/models/organization-invitation.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { SubscriptionModel } from '../../src/models/subscription.js';
import { STALE } from '../../src/modules/api-keys/cache.js';
import { apiKeyCacheKey } from '../../queues/index.js';
import { createQuotaService } from '../../src/domain/quota/service.js';
import { expectError } from '../helpers/assertions.js';

const MAX_OWNED = 4;

describe('organizations and members', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      ORGANIZATIONS_MAX_PER_OWNER: String(MAX_OWNED),
      // The monthly count of creations has its own tests (organization-free-pools); here it stays out of the way.
      ORGANIZATIONS_CREATIONS_PER_MONTH: '20',
      ORGANIZATION_MAX_MEMBERS: '20',
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  describe('lifecycle', () => {
    it('creates an organization on the free plan with its creator as owner', async () => {
      const owner = await registerAndLogin(app);
      const res = await app.request
        .post('/organizations')
        .set(owner.auth)
        .send({ name: '  Acme Corp ', settings: { theme: 'dark', limits: { seats: 3 } } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Acme Corp',
        owner_id: owner.user.id,
        subscription_tier: 'free',
        my_role: 'owner',
        settings: { theme: 'dark', limits: { seats: 3 } },
        monthly_limit: 10_000,
        tokens_remaining: 10_000,
        tokens_used: 0,
        reserved: 0,
      });
      expect(res.body.members).toEqual([
        expect.objectContaining({ user_id: owner.user.id, email: owner.email, role: 'owner', monthly_token_cap: null }),
      ]);
      const days = (Date.parse(res.body.reset_date) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(27);
      expect(days).toBeLessThan(32);
      expect(res.body.created_at).toMatch(/^\d{4}-/);
      // Plan, pool and ownership fields are not the client's to set.
      const sneaky = await app.request
        .post('/organizations')
        .set(owner.auth)
        .send({
          name: 'Sneaky',
          subscription_tier: 'enterprise',
          monthly_limit: 10 ** 9,
          owner_id: '0'.repeat(24),
          members: [{ user_id: '0'.repeat(24), role: 'owner' }],
        });
      expect(sneaky.body).toMatchObject({
        subscription_tier: 'free',
        monthly_limit: 10_000,
        owner_id: owner.user.id,
        members: [{ user_id: owner.user.id }],
      });
      const patched = await app.request
        .patch(`/organizations/${sneaky.body.id}`)
        .set(owner.auth)
        .send({ name: 'Still free', subscription_tier: 'pro', monthly_limit: 1 });
      expect(patched.body).toMatchObject({ name: 'Still free', subscription_tier: 'free', monthly_limit: 10_000 });
    });

    it("lists the organizations I own or belong to, and nobody else's", async () => {
      const { owner, member, orgId } = await organizationWithTeam(app);
      const stranger = await registerAndLogin(app);
      const strangersOrg = await createOrganization(app, stranger, 'Other');
      const mine = await app.request.get('/organizations').set(member.auth);
      expect(mine.status).toBe(200);
      expect(mine.body.data.map((o: { id: string }) => o.id)).toEqual([orgId]);
      expect(mine.body.data[0]).toMatchObject({ my_role: 'member', owner_id: owner.user.id });
      const theirs = await app.request.get('/organizations').set(stranger.auth);
      expect(theirs.body.data.map((o: { id: string }) => o.id)).toEqual([strangersOrg]);
    });

    it('lets the owner and admins rename and change settings (merged; null removes a key), not members', async () => {
      const { owner, admin, member, orgId } = await organizationWithTeam(app);
      const renamed = await app.request
        .patch(`/organizations/${orgId}`)
        .set(owner.auth)
        .send({ name: 'Renamed', settings: { a: 1, b: { c: true } } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Renamed', settings: { a: 1, b: { c: true } } });
      const merged = await app.request
        .patch(`/organizations/${orgId}`)
        .set(admin.auth)
        .send({ settings: { a: null, d: 'x' } });
      expect(merged.status).toBe(200);
      expect(merged.body.settings).toEqual({ b: { c: true }, d: 'x' });
      expectError(
        await app.request.patch(`/organizations/${orgId}`).set(member.auth).send({ name: 'Mine now' }),
        403,
        'organization_permission',
      );
      expect((await app.request.get(`/organizations/${orgId}`).set(member.auth)).body.name).toBe('Renamed');
    });

    it('refuses bad input with a 400 and changes nothing', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner, 'Valid');
      const bad: unknown[] = [
        {},
        { name: '' },
        { name: '   ' },
        { name: 'x'.repeat(101) },
        { name: 42 },
        { name: 'ok', settings: 'dark' },
        { name: 'ok', settings: { $where: 'x' } },
        { name: 'ok', settings: { 'a.b': 1 } },
        { name: 'ok', settings: { a: { $gt: 1 } } },
        { name: 'ok', settings: { big: 'x'.repeat(20_000) } },
        { name: 'ok', settings: { a: { b: { c: { d: { e: { f: 1 } } } } } } },
      ];
      for (const body of bad)
        expectError(
          await app.request
            .post('/organizations')
            .set(owner.auth)
            .send(body as object),
          400,
          'validation_error',
        );
      expectError(await app.request.patch(`/organizations/${orgId}`).set(owner.auth).send({}), 400);
      expectError(
        await app.request
          .patch(`/organizations/${orgId}`)
          .set(owner.auth)
          .send({ settings: { no$pe: 1 } }),
        400,
      );
      expectError(
        await app.request
          .post('/organizations')
          .set(owner.auth)
          .set('content-type', 'application/json')
          .send('{"name":'),
        400,
        'invalid_json',
      );
      const list = await app.request.get('/organizations').set(owner.auth);
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]).toMatchObject({ name: 'Valid', settings: {} });
    });

    it('needs credentials', async () => {
      expectError(await app.request.get('/organizations'), 401);
      expectError(await app.request.post('/organizations').send({ name: 'x' }), 401);
    });

    it('limits how many organizations one user owns, even when created all at once', async () => {
      const owner = await registerAndLogin(app);
      const results = await Promise.all(
        Array.from({ length: MAX_OWNED + 3 }, (_, i) =>
          app.request
            .post('/organizations')
            .set(owner.auth)
            .send({ name: `Org ${i}` }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_OWNED);
      for (const r of results.filter((x) => x.status !== 201)) expectError(r, 403, 'organization_limit_reached');
      expect((await app.request.get('/organizations').set(owner.auth)).body.data).toHaveLength(MAX_OWNED);
    });
  });

  describe('who can see and manage', () => {
    it('answers 404 (never 403) to a non-member on every route with an organization id', async () => {
      const { orgId, member } = await organizationWithTeam(app);
      const stranger = await registerAndLogin(app);
      const uid = member.user.id;
      const calls = [
        app.request.get(`/organizations/${orgId}`),
        app.request.patch(`/organizations/${orgId}`).send({ name: 'x' }),
        app.request.delete(`/organizations/${orgId}`),
        app.request.get(`/organizations/${orgId}/members`),
        app.request.post(`/organizations/${orgId}/members`).send({ email: stranger.email }),
        app.request.patch(`/organizations/${orgId}/members/${uid}`).send({ role: 'admin' }),
        app.request.delete(`/organizations/${orgId}/members/${uid}`),
        app.request.get(`/organizations/${orgId}/invitations`),
        app.request.delete(`/organizations/${orgId}/invitations/${'0'.repeat(24)}`),
      ];
      for (const call of calls) {
        const res = await call.set(stranger.auth);
        expectError(res, 404, 'not_found');
        expect(res.body.error.message).toBe('Organization not found');
      }
      // A malformed id and an unknown id look the same.
      for (const id of ['nope', '0'.repeat(24), `${orgId}x`])
        expectError(await app.request.get(`/organizations/${id}`).set(stranger.auth), 404);
      expect(await OrganizationMemberModel.countDocuments({ organization_id: orgId })).toBe(3);
    });

    it('lets a member read but not manage (403)', async () => {
      const { orgId, member, admin } = await organizationWithTeam(app);
      const other = await registerAndLogin(app);
      expect((await app.request.get(`/organizations/${orgId}`).set(member.auth)).status).toBe(200);
      expect((await app.request.get(`/organizations/${orgId}/members`).set(member.auth)).body.data).toHaveLength(3);
      expectError(await app.request.patch(`/organizations/${orgId}`).set(member.auth).send({ name: 'x' }), 403);
      expectError(await app.request.delete(`/organizations/${orgId}`).set(member.auth), 403);
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(member.auth).send({ email: other.email }),
        403,
      );
      expectError(
        await app.request
          .patch(`/organizations/${orgId}/members/${admin.user.id}`)
          .set(member.auth)
          .send({ monthly_token_cap: 1 }),
        403,
      );
      expectError(
        await app.request
          .patch(`/organizations/${orgId}/members/${member.user.id}`)
          .set(member.auth)
          .send({ monthly_token_cap: 10 ** 9 }),
        403,
      );
      expectError(await app.request.delete(`/organizations/${orgId}/members/${admin.user.id}`).set(member.auth), 403);
      expectError(await app.request.delete(`/organizations/${orgId}`).set(admin.auth), 403);
    });

    it("keeps sub-users out of organizations, including their parent's", async () => {
      const parent = await registerAndLogin(app);
      const orgId = await createOrganization(app, parent);
      const sub = await createSubUser(app, parent);
      expectError(
        await app.request.post('/organizations').set(sub.auth).send({ name: 'x' }),
        403,
        'sub_user_forbidden',
      );
      expectError(await app.request.get('/organizations').set(sub.auth), 403, 'sub_user_forbidden');
      expectError(await app.request.get(`/organizations/${orgId}`).set(sub.auth), 403, 'sub_user_forbidden');
      expectError(await app.request.get(`/organizations/${orgId}/members`).set(sub.auth), 403, 'sub_user_forbidden');
      // A sub-user cannot be added either; the answer is the same as for an unknown address.
      const addSub = await app.request
        .post(`/organizations/${orgId}/members`)
        .set(parent.auth)
        .send({ email: sub.email });
      const addUnknown = await app.request
        .post(`/organizations/${orgId}/members`)
        .set(parent.auth)
        .send({ email: 'nobody-here@example.com' });
      expectError(addSub, 404, 'user_not_found');
      expect(addSub.body).toEqual(addUnknown.body);
    });
  });

  describe('members', () => {
    it('invites existing users by email (a member once they accept), refuses members and pending ones (409), unknown emails (404) and bad roles (400)', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner);
      const newcomer = await registerAndLogin(app);
      const invited = await app.request
        .post(`/organizations/${orgId}/members`)
        .set(owner.auth)
        .send({ email: newcomer.email.toUpperCase(), role: 'member', monthly_token_cap: 500 });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({
        organization_id: orgId,
        email: newcomer.email,
        role: 'member',
        monthly_token_cap: 500,
        status: 'pending',
      });
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: newcomer.email }),
        409,
        'invitation_pending',
      );
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: owner.email }),
        409,
        'already_member',
      );
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: 'ghost@example.com' }),
        404,
        'user_not_found',
      );
      expectError(
        await app.request
          .post(`/organizations/${orgId}/members`)
          .set(owner.auth)
          .send({ email: newcomer.email, role: 'owner' }),
        400,
      );
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: 'not-an-email' }),
        400,
      );
      expectError(
        await app.request
          .post(`/organizations/${orgId}/members`)
          .set(owner.auth)
          .send({ email: newcomer.email, monthly_token_cap: -1 }),
        400,
      );
      expectError(await app.request.get(`/organizations/${orgId}/members`).set(newcomer.auth), 404);
      const accepted = await app.request
        .post(`/organizations/invitations/${invited.body.id as string}/accept`)
        .set(newcomer.auth);
      expect(accepted.status).toBe(200);
      const members = await app.request.get(`/organizations/${orgId}/members`).set(newcomer.auth);
      expect(members.body.data.map((m: { role: string }) => m.role)).toEqual(['owner', 'member']);
      expect(members.body.data[1]).toMatchObject({ user_id: newcomer.user.id, monthly_token_cap: 500 });
      expectError(
        await app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: newcomer.email }),
        409,
        'already_member',
      );
    });

    it('lets admins add members but only the owner add admins', async () => {
      const { orgId, admin } = await organizationWithTeam(app);
      const [a, b] = await insertUsers(2);
      expect(
        (await app.request.post(`/organizations/${orgId}/members`).set(admin.auth).send({ email: a!.email })).status,
      ).toBe(201);
      expectError(
        await app.request
          .post(`/organizations/${orgId}/members`)
          .set(admin.auth)
          .send({ email: b!.email, role: 'admin' }),
        403,
      );
    });

    it('lands every one of 10 concurrent invitations and acceptances, and a user invited 5 times at once once', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner);
      const people = await Promise.all(Array.from({ length: 10 }, () => registerAndLogin(app)));
      const invited = await Promise.all(
        people.map((p) => app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: p.email })),
      );
      expect(invited.map((r) => r.status)).toEqual(Array(10).fill(201));
      const accepted = await Promise.all(
        people.map((p, i) =>
          app.request.post(`/organizations/invitations/${invited[i]!.body.id as string}/accept`).set(p.auth),
        ),
      );
      expect(accepted.map((r) => r.status)).toEqual(Array(10).fill(200));
      const members = await app.request.get(`/organizations/${orgId}/members`).set(owner.auth);
      expect(new Set(members.body.data.map((m: { user_id: string }) => m.user_id))).toEqual(
        new Set([owner.user.id, ...people.map((p) => p.user.id)]),
      );

      const [twice] = await insertUsers(1);
      const same = await Promise.all(
        Array.from({ length: 5 }, () =>
          app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: twice!.email }),
        ),
      );
      expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(1);
    });

    it('keeps the member limit under concurrent invitations (pending ones hold a place)', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner);
      const people = await insertUsers(22);
      const results = await Promise.all(
        people.map((p) => app.request.post(`/organizations/${orgId}/members`).set(owner.auth).send({ email: p.email })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(19);
      for (const r of results.filter((x) => x.status !== 201)) expectError(r, 403, 'member_limit_reached');
      expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(19);
    });

    it('changes roles: only the owner makes or unmakes admins; admins manage plain members', async () => {
      const { orgId, owner, admin, member } = await organizationWithTeam(app);
      const extra = await registerAndLogin(app);
      await addMember(app, owner, orgId, extra, 'admin');
      const path = (u: { user: { id: string } }) => `/organizations/${orgId}/members/${u.user.id}`;
      expectError(await app.request.patch(path(member)).set(admin.auth).send({ role: 'admin' }), 403);
      expectError(await app.request.patch(path(extra)).set(admin.auth).send({ role: 'member' }), 403);
      expectError(await app.request.patch(path(admin)).set(admin.auth).send({ monthly_token_cap: 5 }), 403);
      expectError(await app.request.patch(path(owner)).set(admin.auth).send({ monthly_token_cap: 5 }), 403);
      const capped = await app.request.patch(path(member)).set(admin.auth).send({ monthly_token_cap: 250 });
      expect(capped.status).toBe(200);
      expect(capped.body).toMatchObject({ role: 'member', monthly_token_cap: 250 });
      const promoted = await app.request.patch(path(member)).set(owner.auth).send({ role: 'admin' });
      expect(promoted.body.role).toBe('admin');
      expect((await app.request.patch(path(extra)).set(owner.auth).send({ role: 'member' })).body.role).toBe('member');
      expectError(await app.request.patch(path(owner)).set(owner.auth).send({ role: 'admin' }), 409, 'owner_required');
      expectError(
        await app.request
          .patch(`/organizations/${orgId}/members/${'0'.repeat(24)}`)
          .set(owner.auth)
          .send({ role: 'admin' }),
        404,
      );
      expectError(
        await app.request.patch(`/organizations/${orgId}/members/bogus`).set(owner.auth).send({ role: 'admin' }),
        404,
      );
      expectError(await app.request.patch(path(member)).set(owner.auth).send({ role: 'boss' }), 400);
      expectError(await app.request.patch(path(member)).set(owner.auth).send({}), 400);
    });

    it('transfers ownership: the new owner leads, the old one becomes admin, and there is always exactly one owner', async () => {
      const { orgId, owner, admin, member } = await organizationWithTeam(app);
      // Two transfers at once: the first wins; the second comes from someone who is no longer the owner.
      const results = await Promise.all(
        [admin, member].map((to) =>
          app.request.patch(`/organizations/${orgId}/members/${to.user.id}`).set(owner.auth).send({ role: 'owner' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
      const winner = results[0]!.status === 200 ? admin : member;
      const org = await app.request.get(`/organizations/${orgId}`).set(owner.auth);
      expect(org.body.owner_id).toBe(winner.user.id);
      expect(org.body.my_role).toBe('admin');
      expect(org.body.members.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
      expect((await OrganizationModel.findById(orgId).lean())!.owner_id.toString()).toBe(winner.user.id);
      // The former owner can now leave; the new owner cannot.
      expectError(
        await app.request.delete(`/organizations/${orgId}/members/${winner.user.id}`).set(winner.auth),
        409,
        'owner_cannot_leave',
      );
      expect(
        (await app.request.delete(`/organizations/${orgId}/members/${owner.user.id}`).set(owner.auth)).status,
      ).toBe(204);
    });

    it('removes members: anyone may leave, admins remove members, only the owner removes admins, the owner never leaves', async () => {
      const { orgId, owner, admin, member } = await organizationWithTeam(app);
      const [m2, a2] = await Promise.all([registerAndLogin(app), registerAndLogin(app)]);
      await addMember(app, owner, orgId, m2);
      await addMember(app, owner, orgId, a2, 'admin');
      const path = (u: { user: { id: string } }) => `/organizations/${orgId}/members/${u.user.id}`;
      expectError(await app.request.delete(path(owner)).set(owner.auth), 409, 'owner_cannot_leave');
      expectError(await app.request.delete(path(owner)).set(admin.auth), 403);
      expectError(await app.request.delete(path(a2)).set(admin.auth), 403);
      expect((await app.request.delete(path(m2)).set(admin.auth)).status).toBe(204);
      expect((await app.request.delete(path(member)).set(member.auth)).status).toBe(204);
      expect((await app.request.delete(path(a2)).set(owner.auth)).status).toBe(204);
      expectError(await app.request.get(`/organizations/${orgId}`).set(member.auth), 404);
      expectError(await app.request.delete(path(member)).set(owner.auth), 404);
      const left = await app.request.get(`/organizations/${orgId}/members`).set(owner.auth);
      expect(left.body.data.map((m: { user_id: string }) => m.user_id).sort()).toEqual(
        [owner.user.id, admin.user.id].sort(),
      );
    });

    it("revokes a removed member's keys bound to the organization, and only those", async () => {
      const { orgId, owner, member } = await organizationWithTeam(app);
      const bound = await seedKey(member.user.id, orgId);
      const personal = await seedKey(member.user.id, null);
      const ownersKey = await seedKey(owner.user.id, orgId);
      expect(
        (await app.request.delete(`/organizations/${orgId}/members/${member.user.id}`).set(owner.auth)).status,
      ).toBe(204);
      expect((await ApiKeyModel.findById(bound.id).lean())!.revoked_at).toBeInstanceOf(Date);
      expect(await app.redis.get(bound.cacheKey)).toBe(STALE);
      expect((await ApiKeyModel.findById(personal.id).lean())!.revoked_at).toBeNull();
      expect(await app.redis.get(personal.cacheKey)).not.toBe(STALE);
      expect((await ApiKeyModel.findById(ownersKey.id).lean())!.revoked_at).toBeNull();
    });
  });

  describe('deletion', () => {
    it("is the owner's alone; detaches members, revokes organization keys, and the organization disappears", async () => {
      const { orgId, owner, admin, member } = await organizationWithTeam(app);
      const keys = await Promise.all([seedKey(owner.user.id, orgId), seedKey(member.user.id, orgId)]);
      const unrelated = await seedKey(member.user.id, null);
      const quota = createQuotaService({ redis: app.redis, prefix: app.config.REDIS_PREFIX });
      await quota.snapshot({ kind: 'organization', id: orgId });
      expectError(await app.request.delete(`/organizations/${orgId}`).set(admin.auth), 403);
      expect((await app.request.delete(`/organizations/${orgId}`).set(owner.auth)).status).toBe(204);
      for (const who of [owner, admin, member]) {
        expectError(await app.request.get(`/organizations/${orgId}`).set(who.auth), 404);
        expect((await app.request.get('/organizations').set(who.auth)).body.data).toEqual([]);
      }
      expectError(await app.request.delete(`/organizations/${orgId}`).set(owner.auth), 404);
      expect(await OrganizationMemberModel.countDocuments({ organization_id: orgId })).toBe(0);
      expect(await OrganizationModel.findById(orgId).lean()).toMatchObject({
        is_active: false,
        deleted_at: expect.any(Date),
      });
      for (const key of keys) {
        expect((await ApiKeyModel.findById(key.id).lean())!.revoked_at).toBeInstanceOf(Date);
        expect(await app.redis.get(key.cacheKey)).toBe(STALE);
      }
      expect((await ApiKeyModel.findById(unrelated.id).lean())!.revoked_at).toBeNull();
      expect(await app.redis.exists(quota.accountKey({ kind: 'organization', id: orgId }))).toBe(0);
    });

    it('is refused while the organization has a subscription Stripe still charges', async () => {
      const owner = await registerAndLogin(app);
      const orgId = await createOrganization(app, owner);
      await SubscriptionModel.create({ owner_type: 'organization', owner_id: orgId, tier: 'pro', status: 'active' });
      expectError(await app.request.delete(`/organizations/${orgId}`).set(owner.auth), 409, 'subscription_active');
      expect((await app.request.get(`/organizations/${orgId}`).set(owner.auth)).status).toBe(200);
      await SubscriptionModel.updateOne(
        { owner_type: 'organization', owner_id: orgId },
        { $set: { cancel_at_period_end: true } },
      );
      expect((await app.request.delete(`/organizations/${orgId}`).set(owner.auth)).status).toBe(204);
    });
  });

  async function seedKey(userId: string, orgId: string | null) {
    const key = `aic_${randomBytes(24).toString('base64url')}`;
    const keyHash = createHash('sha256').update(key).digest('hex');
    const doc = await ApiKeyModel.create({
      user_id: userId,
      organization_id: orgId,
      name: 'k',
      key_hash: keyHash,
      prefix: key.slice(0, 8),
      last4: key.slice(-4),
    });
    const cacheKey = apiKeyCacheKey(app.config.REDIS_PREFIX, keyHash);
    await app.redis.set(cacheKey, JSON.stringify({ id: doc._id.toString() }), 'EX', 60);
    return { id: doc._id.toString(), cacheKey };
  }
});
