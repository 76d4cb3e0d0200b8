import mongoose, { type Types } from 'mongoose';
import { NotFoundError } from '../../lib/errors.js';
import { OrganizationModel, type OrganizationFields, type OrgRole } from '../../models/organization.js';
import { OrganizationMemberModel, type OrganizationMemberFields } from '../../models/organization-member.js';
import { UserModel } from '../../models/user.js';
import { isObjectId } from '../../lib/ids.js';

export type OrganizationRecord = OrganizationFields & { _id: Types.ObjectId; created_at?: Date; updated_at?: Date };
export type MemberRecord = OrganizationMemberFields & { _id: Types.ObjectId };

export interface MemberView {
  member: MemberRecord;
  email: string | null;
  name: string | null;
}

/** The Redis lock every change to an organization's membership (and its invitations) holds. */
export const orgLockName = (orgId: string) => `org:${orgId}`;

export function actorOf({ me }: { me: MemberRecord }): { userId: string; role: OrgRole } {
  return { userId: me.user_id.toString(), role: me.role as OrgRole };
}

/** A user's membership in an active organization, or null. Other modules (org-bound API keys) use this too. */
export async function findMembership(orgId: string, userId: string): Promise<MemberRecord | null> {
  if (!isObjectId(orgId) || !isObjectId(userId)) return null;
  const [org, member] = await Promise.all([
    OrganizationModel.exists({ _id: orgId, is_active: true }),
    OrganizationMemberModel.findOne({ organization_id: orgId, user_id: userId }).lean(),
  ]);
  return org && member ? (member as MemberRecord) : null;
}

/** The organization and the caller's membership; 404 (never 403) for a missing organization or a non-member. */
export async function loadForMember(
  orgId: string,
  userId: string,
): Promise<{ org: OrganizationRecord; me: MemberRecord }> {
  if (!isObjectId(orgId)) throw new NotFoundError('Organization');
  const [org, me] = await Promise.all([
    OrganizationModel.findOne({ _id: orgId, is_active: true }).lean(),
    OrganizationMemberModel.findOne({ organization_id: orgId, user_id: userId }).lean(),
  ]);
  if (!org || !me) throw new NotFoundError('Organization');
  return { org: org as OrganizationRecord, me: me as MemberRecord };
}

export async function loadMember(orgId: string, userId: string): Promise<MemberRecord> {
  const member = isObjectId(userId)
    ? await OrganizationMemberModel.findOne({ organization_id: orgId, user_id: userId }).lean()
    : null;
  if (!member) throw new NotFoundError('Member');
  return member as MemberRecord;
}

export async function activeOrganizationsOf(
  userId: string,
): Promise<Array<{ org: OrganizationRecord; role: OrgRole }>> {
  const memberships = await OrganizationMemberModel.find({ user_id: userId }, { organization_id: 1, role: 1 }).lean();
  if (!memberships.length) return [];
  const orgs = await OrganizationModel.find({
    _id: mongoose.trusted({ $in: memberships.map((m) => m.organization_id) }),
    is_active: true,
  })
    .sort({ created_at: 1 })
    .lean();
  const roleOf = new Map(memberships.map((m) => [m.organization_id.toString(), m.role as OrgRole]));
  return orgs.map((org) => ({ org: org as OrganizationRecord, role: roleOf.get(org._id.toString())! }));
}

/** Members of each organization with their email and name, oldest first. */
export async function membersOf(orgIds: Types.ObjectId[]): Promise<Map<string, MemberView[]>> {
  const byOrg = new Map<string, MemberView[]>(orgIds.map((id) => [id.toString(), []]));
  if (!orgIds.length) return byOrg;
  const members = (await OrganizationMemberModel.find({ organization_id: mongoose.trusted({ $in: orgIds }) })
    .sort({ joined_at: 1 })
    .lean()) as MemberRecord[];
  const users = await UserModel.find(
    { _id: mongoose.trusted({ $in: [...new Set(members.map((m) => m.user_id.toString()))] }) },
    {
      email: 1,
      name: 1,
      first_name: 1,
      last_name: 1,
    },
  ).lean();
  const userById = new Map(users.map((u) => [u._id.toString(), u]));
  for (const member of members) {
    const user = userById.get(member.user_id.toString());
    const name = user
      ? user.name || [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email.split('@')[0]!
      : null;
    byOrg.get(member.organization_id.toString())?.push({ member, email: user?.email ?? null, name });
  }
  return byOrg;
}

export async function memberView(member: MemberRecord): Promise<MemberView> {
  const views = (await membersOf([member.organization_id])).get(member.organization_id.toString()) ?? [];
  return (
    views.find((v) => v.member.user_id.toString() === member.user_id.toString()) ?? { member, email: null, name: null }
  );
}
