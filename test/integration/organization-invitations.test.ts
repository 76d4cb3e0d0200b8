import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { createSpender } from '../helpers/spend.js';
import { registerVerified } from '../factories/users.js';
import { addMember, createOrganization, createSubUser, type Session } from '../factories/teams.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { OrganizationInvitationModel } from '../../src/models/organization-invitation.js';
import { UserModel } from '../../src/models/user.js';
import { NotFoundError } from '../../src/lib/errors.js';

type Invitation = { id: string; status: string; role: string; monthly_token_cap: number | null };

/**
 * Issue 17, finding 7: an owner could add any verified account to an organization, as admin too, without its
 * consent. Membership now starts as an invitation that only the invited account can accept.
 */
describe('organization membership needs the invitee to accept', () => {
  let app: TestApp;
  let spender: ReturnType<typeof createSpender>;
  beforeAll(async () => {
    app = await startTestApp({ ORGANIZATION_MAX_MEMBERS: '4', ORGANIZATION_INVITES_PER_HOUR: '12' });
    spender = createSpender(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  const invite = (by: Session, orgId: string, email: string, body: Record<string, unknown> = {}) =>
    app.request
      .post(`/organizations/${orgId}/members`)
      .set(by.auth)
      .send({ email, ...body });
  const accept = (who: { auth: Record<string, string> }, id: string) =>
    app.request.post(`/organizations/invitations/${id}/accept`).set(who.auth);
  const decline = (who: { auth: Record<string, string> }, id: string) =>
    app.request.post(`/organizations/invitations/${id}/decline`).set(who.auth);
  const myInvitations = async (who: Session) =>
    (await app.request.get('/organizations/invitations').set(who.auth)).body.data as Array<
      Invitation & { organization: { id: string; name: string }; invited_by_email: string }
    >;
  const isMember = async (orgId: string, who: Session) =>
    (await OrganizationMemberModel.exists({ organization_id: orgId, user_id: who.user.id })) !== null;

  async function ownerAndInvitee(name = 'Acme') {
    const [owner, invitee] = await Promise.all([registerVerified(app), registerVerified(app)]);
    const orgId = await createOrganization(app, owner, name);
    return { owner, invitee, orgId };
  }

  it('an addition is only an invitation: no membership, no access, no spending from the pool', async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const res = await invite(owner, orgId, invitee.email, { role: 'admin', monthly_token_cap: 500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organization_id: orgId,
      email: invitee.email,
      role: 'admin',
      monthly_token_cap: 500,
      status: 'pending',
    });
    // The inviter learns nothing new about the account (no id, no name) before it accepts.
    expect(res.body).not.toHaveProperty('user_id');
    expect(res.body).not.toHaveProperty('name');
    expect(Date.parse(res.body.expires_at as string) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    expect(await isMember(orgId, invitee)).toBe(false);
    expect((await app.request.get(`/organizations/${orgId}`).set(invitee.auth)).status).toBe(404);
    expect((await app.request.get('/organizations').set(invitee.auth)).body.data).toEqual([]);
    await expect(spender.reserve(invitee.user.id, 1, { org: orgId })).rejects.toBeInstanceOf(NotFoundError);
    const members = await app.request.get(`/organizations/${orgId}/members`).set(owner.auth);
    expect(members.body.data.map((m: { user_id: string }) => m.user_id)).toEqual([owner.user.id]);
  });

  it('the invitee sees and accepts it, and becomes a member with the role and cap offered', async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee('Visible name');
    const sent = (await invite(owner, orgId, invitee.email, { role: 'admin', monthly_token_cap: 700 })).body;
    const mine = await myInvitations(invitee);
    expect(mine).toEqual([
      expect.objectContaining({
        id: sent.id,
        organization: { id: orgId, name: 'Visible name' },
        role: 'admin',
        monthly_token_cap: 700,
        invited_by_email: owner.email,
        status: 'pending',
      }),
    ]);
    expect(await myInvitations(owner)).toEqual([]);
    const accepted = await accept(invitee, sent.id);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: orgId, my_role: 'admin' });
    expect(accepted.body.members).toContainEqual(
      expect.objectContaining({ user_id: invitee.user.id, role: 'admin', monthly_token_cap: 700 }),
    );
    await spender.spend(invitee.user.id, 10, { org: orgId });
    expect(await myInvitations(invitee)).toEqual([]);
    expect((await accept(invitee, sent.id)).status).toBe(404);
    expect((await invite(owner, orgId, invitee.email)).body.error.code).toBe('already_member');
  });

  it('declining removes the invitation; it cannot be accepted afterwards', async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const sent = (await invite(owner, orgId, invitee.email)).body;
    expect((await decline(invitee, sent.id)).status).toBe(204);
    expect(await myInvitations(invitee)).toEqual([]);
    expect((await accept(invitee, sent.id)).body.error.code).toBe('not_found');
    expect(await isMember(orgId, invitee)).toBe(false);
    expect((await app.request.get(`/organizations/${orgId}/invitations`).set(owner.auth)).body.data).toEqual([]);
    // The organization may ask again.
    expect((await invite(owner, orgId, invitee.email)).status).toBe(201);
  });

  it('an expired invitation cannot be accepted, and a new one may replace it', async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const sent = (await invite(owner, orgId, invitee.email)).body;
    expect((await invite(owner, orgId, invitee.email)).body.error.code).toBe('invitation_pending');
    await OrganizationInvitationModel.updateOne({ _id: sent.id }, { $set: { expires_at: new Date(Date.now() - 1) } });
    expect(await myInvitations(invitee)).toEqual([]);
    const late = await accept(invitee, sent.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invitation_expired');
    expect(await isMember(orgId, invitee)).toBe(false);
    const listed = await app.request.get(`/organizations/${orgId}/invitations`).set(owner.auth);
    expect(listed.body.data).toEqual([expect.objectContaining({ id: sent.id, status: 'expired' })]);
    const again = await invite(owner, orgId, invitee.email);
    expect(again.status).toBe(201);
    expect((await accept(invitee, again.body.id as string)).status).toBe(200);
  });

  it("nobody else can see, accept or decline someone's invitation (404), nor with an API key", async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const stranger = await registerVerified(app);
    const sent = (await invite(owner, orgId, invitee.email)).body;
    for (const who of [stranger, owner]) {
      expect(await myInvitations(who)).toEqual([]);
      const res = await accept(who, sent.id);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('Invitation not found');
      expect((await decline(who, sent.id)).status).toBe(404);
    }
    for (const id of ['nope', '0'.repeat(24)]) expect((await accept(invitee, id)).status).toBe(404);
    expect((await app.request.get(`/organizations/${orgId}/invitations`).set(stranger.auth)).status).toBe(404);
    const key = await apiKeyOf(invitee);
    const byKey = await app.request.post(`/organizations/invitations/${sent.id as string}/accept`).set(key);
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.code).toBe('api_key_not_allowed');
    expect(await isMember(orgId, invitee)).toBe(false);
    expect((await accept(invitee, sent.id)).status).toBe(200);
  });

  it('concurrent accepts of one invitation make one membership', async () => {
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const sent = (await invite(owner, orgId, invitee.email)).body;
    const results = await Promise.all(Array.from({ length: 6 }, () => accept(invitee, sent.id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([404, 409]).toContain(r.status);
    expect(await OrganizationMemberModel.countDocuments({ organization_id: orgId, user_id: invitee.user.id })).toBe(1);
  });

  it('owners and admins list and revoke pending invitations; members cannot', async () => {
    const { owner, orgId } = await ownerAndInvitee();
    const [admin, member, invitee, second] = await Promise.all([
      registerVerified(app),
      registerVerified(app),
      registerVerified(app),
      registerVerified(app),
    ]);
    await addMember(app, owner, orgId, admin, 'admin');
    const sent = (await invite(owner, orgId, invitee.email)).body;
    const asAdmin = (await invite(owner, orgId, second.email, { role: 'admin' })).body;
    const listed = await app.request.get(`/organizations/${orgId}/invitations`).set(admin.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((i: Invitation) => i.id).sort()).toEqual([sent.id, asAdmin.id].sort());
    // Admins revoke what they could have sent (member invitations), the owner anything.
    expect((await app.request.delete(`/organizations/${orgId}/invitations/${asAdmin.id}`).set(admin.auth)).status).toBe(
      403,
    );
    expect((await app.request.delete(`/organizations/${orgId}/invitations/${sent.id}`).set(admin.auth)).status).toBe(
      204,
    );
    expect((await accept(invitee, sent.id)).status).toBe(404);
    expect((await app.request.delete(`/organizations/${orgId}/invitations/${asAdmin.id}`).set(owner.auth)).status).toBe(
      204,
    );
    expect(await myInvitations(second)).toEqual([]);
    // The member limit (4) counts members and pending invitations.
    await addMember(app, owner, orgId, member);
    expect((await app.request.get(`/organizations/${orgId}/invitations`).set(member.auth)).status).toBe(403);
    expect((await invite(owner, orgId, invitee.email)).status).toBe(201);
    const full = await invite(owner, orgId, second.email);
    expect(full.status).toBe(403);
    expect(full.body.error.code).toBe('member_limit_reached');
  });

  it('accepting re-checks what an addition checks: the invitee, the organization and the inviter', async () => {
    // An invitee whose address is no longer proven when it accepts.
    const { owner, invitee, orgId } = await ownerAndInvitee();
    const sent = (await invite(owner, orgId, invitee.email)).body;
    await UserModel.updateOne({ _id: invitee.user.id }, { $set: { is_verified: false } });
    const unproven = await accept(invitee, sent.id);
    expect(unproven.status).toBe(409);
    expect(unproven.body.error.code).toBe('email_not_verified');
    await UserModel.updateOne({ _id: invitee.user.id }, { $set: { is_verified: true } });

    // An admin's invitation dies with the admin's place in the organization.
    const admin = await registerVerified(app);
    await addMember(app, owner, orgId, admin, 'admin');
    const other = await registerVerified(app);
    const byAdmin = (await invite(admin, orgId, other.email)).body;
    expect((await app.request.delete(`/organizations/${orgId}/members/${admin.user.id}`).set(owner.auth)).status).toBe(
      204,
    );
    expect((await accept(other, byAdmin.id)).status).toBe(404);
    expect(await isMember(orgId, other)).toBe(false);

    // A deleted organization's invitations go with it.
    expect((await app.request.delete(`/organizations/${orgId}`).set(owner.auth)).status).toBe(204);
    expect(await myInvitations(invitee)).toEqual([]);
    expect((await accept(invitee, sent.id)).status).toBe(404);
  });

  it('keeps the answers about unknown, unproven and sub-user addresses as they were', async () => {
    const { owner, orgId } = await ownerAndInvitee();
    const sub = await createSubUser(app, owner);
    const unknown = await invite(owner, orgId, 'nobody-here@example.com');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('user_not_found');
    expect((await invite(owner, orgId, sub.email)).body).toEqual(unknown.body);
    const unproven = await registerVerified(app);
    await UserModel.updateOne({ _id: unproven.user.id }, { $set: { is_verified: false } });
    expect((await invite(owner, orgId, unproven.email)).body.error.code).toBe('email_not_verified');
    expect(await OrganizationInvitationModel.countDocuments({ organization_id: orgId })).toBe(0);
  });

  async function apiKeyOf(who: Session) {
    const created = await app.request.post('/api-keys').set(who.auth).send({ name: 'k' });
    expect(created.status).toBe(201);
    return { Authorization: `Bearer ${created.body.key as string}` };
  }

  it('an inviter cannot probe addresses without limit: ORGANIZATION_INVITES_PER_HOUR, counted before any lookup', async () => {
    const owner = await registerVerified(app);
    const orgId = await createOrganization(app, owner, 'Probe');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) statuses.push((await invite(owner, orgId, `probe-${i}@nowhere.test`)).status);
    expect(statuses.slice(0, 12).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429, 429]);
  });
});
