import bcrypt from 'bcrypt';
import { addMonthsUtc } from '../../src/lib/dates.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { UserModel, type Role } from '../../src/models/user.js';
import type { TestApp } from '../helpers/harness.js';
import { TEST_PASSWORD, registerAndLogin, uniqueEmail } from './users.js';

export type Session = Awaited<ReturnType<typeof registerAndLogin>>;

export async function login(app: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.request.post('/auth/login-json').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    email,
    password,
    user: res.body.user,
    accessToken: res.body.access_token,
    refreshToken: res.body.refresh_token,
    auth: { Authorization: `Bearer ${res.body.access_token as string}` },
  };
}

/** A registered user whose role was set in the database (how an operator seeds the first superadmin). */
export async function userWithRole(app: TestApp, role: Role, label: string = role): Promise<Session> {
  const session = await registerAndLogin(app, uniqueEmail(label));
  await UserModel.updateOne({ _id: session.user.id }, { $set: { role } });
  return session;
}

/** A sub-user of `parentId`, created in the database (the sub-users module is built elsewhere), then signed in. */
export async function subUserOf(
  app: TestApp,
  parentId: string,
  permissions: { can_create_api_keys?: boolean } = {},
): Promise<Session> {
  const email = uniqueEmail('sub');
  await UserModel.create({
    email,
    password_hash: await bcrypt.hash(TEST_PASSWORD, 10),
    is_sub_user: true,
    parent_user_id: parentId,
    sub_user_permissions: permissions,
    reset_date: addMonthsUtc(new Date(), 1),
  });
  return login(app, email);
}

/** An organization with these members, created in the database (the organizations module is built elsewhere). */
export async function organizationWith(ownerId: string, memberIds: string[] = []): Promise<string> {
  const org = await OrganizationModel.create({
    name: `org-${ownerId.slice(-4)}`,
    owner_id: ownerId,
    reset_date: addMonthsUtc(new Date(), 1),
    monthly_limit: 100_000,
  });
  await OrganizationMemberModel.create([
    { organization_id: org._id, user_id: ownerId, role: 'owner' as const },
    ...memberIds.map((user_id) => ({ organization_id: org._id, user_id, role: 'member' as const })),
  ]);
  return org._id.toString();
}
