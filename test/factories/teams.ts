import type { TestApp } from '../helpers/harness.js';
import { UserModel } from '../../src/models/user.js';
import { addMonthsUtc } from '../../src/lib/dates.js';
import { registerAndLogin, uniqueEmail, TEST_PASSWORD } from './users.js';

export type Session = Awaited<ReturnType<typeof registerAndLogin>>;

/** Creates an organization through the API as `owner`; returns its id. */
export async function createOrganization(app: TestApp, owner: Session, name = 'Acme'): Promise<string> {
  const res = await app.request.post('/organizations').set(owner.auth).send({ name });
  if (res.status !== 201) throw new Error(`create organization failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Invites `member` as `by`, then accepts as `member` (membership needs the invitee's acceptance); returns the member. */
export async function addMember(
  app: TestApp,
  by: Session,
  orgId: string,
  member: Session,
  role: 'admin' | 'member' = 'member',
  cap?: number | null,
) {
  // Only accounts with a proven address can be invited (see the README's unverified-account policy).
  await UserModel.updateOne({ _id: member.user.id }, { $set: { is_verified: true, email_verified_at: new Date() } });
  const invited = await app.request
    .post(`/organizations/${orgId}/members`)
    .set(by.auth)
    .send({ email: member.email, role, monthly_token_cap: cap });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const accepted = await app.request
    .post(`/organizations/invitations/${invited.body.id as string}/accept`)
    .set(member.auth);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const joined = (
    accepted.body.members as Array<{ user_id: string; role: string; monthly_token_cap: number | null }>
  ).find((m) => m.user_id === member.user.id);
  if (!joined) throw new Error(`accepted, but not among the members: ${JSON.stringify(accepted.body)}`);
  return joined;
}

/** An owner with an organization, an admin and a plain member, all signed in. */
export async function organizationWithTeam(app: TestApp) {
  const [owner, admin, member] = await Promise.all([
    registerAndLogin(app),
    registerAndLogin(app),
    registerAndLogin(app),
  ]);
  const orgId = await createOrganization(app, owner);
  await addMember(app, owner, orgId, admin, 'admin');
  await addMember(app, owner, orgId, member, 'member');
  return { owner, admin, member, orgId };
}

/** Creates a sub-user through the API as `parent` and signs it in through the normal auth endpoint. */
export async function createSubUser(app: TestApp, parent: Session, body: Record<string, unknown> = {}) {
  const email = uniqueEmail('sub');
  const created = await app.request
    .post('/sub-users')
    .set(parent.auth)
    .send({ email, password: TEST_PASSWORD, ...body });
  if (created.status !== 201)
    throw new Error(`create sub-user failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`sub-user login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    id: created.body.id as string,
    email,
    password: TEST_PASSWORD,
    body: created.body,
    accessToken: login.body.access_token as string,
    refreshToken: login.body.refresh_token as string,
    auth: { Authorization: `Bearer ${login.body.access_token as string}` },
  };
}

/** Inserts free-plan users straight into MongoDB (no password: they cannot sign in), for tests that only need them to exist. */
export async function insertUsers(count: number): Promise<Array<{ email: string; user: { id: string } }>> {
  const docs = await UserModel.insertMany(
    Array.from({ length: count }, () => ({
      email: uniqueEmail('bulk'),
      is_verified: true,
      subscription_tier: 'free',
      monthly_limit: 10_000,
      tokens_remaining: 10_000,
      reset_date: addMonthsUtc(new Date(), 1),
    })),
  );
  return docs.map((d) => ({ email: d.email, user: { id: d._id.toString() } }));
}
