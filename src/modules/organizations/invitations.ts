import mongoose, { type Types } from 'mongoose';
import type { Config } from '../../config/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { isObjectId } from '../../lib/ids.js';
import type { Locks } from '../../lib/locks.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { OrganizationModel, type OrgRole } from '../../models/organization.js';
import {
  OrganizationInvitationModel,
  type OrganizationInvitationFields,
} from '../../models/organization-invitation.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { findUserByAddress } from '../../models/user-addresses.js';
import { UserModel, type UserDoc } from '../../models/user.js';
import type { QuotaService } from '../../domain/quota/service.js';
import { assertCredentialsCurrent } from '../users/credential-generation.js';
import { actorOf, loadForMember, orgLockName, type OrganizationRecord } from './membership.js';
import { memberCapAccount } from '../../domain/quota/accounts.js';
import { assertCanAdd, assertCanManage } from './rules.js';
import type { AddMemberInput } from './schemas.js';
import type { OrganizationService, OrganizationView } from './service.js';

export type InvitationRecord = OrganizationInvitationFields & { _id: Types.ObjectId; created_at?: Date };

/** An invitation as the invitee sees it: which organization (its name as its owner wrote it) and who asked. */
export interface ReceivedInvitation {
  invitation: InvitationRecord;
  organization: { id: string; name: string };
  invitedByEmail: string | null;
}

interface Deps {
  config: Pick<Config, 'ORGANIZATION_MAX_MEMBERS' | 'ORGANIZATION_INVITATION_TTL_DAYS'>;
  quota: Pick<QuotaService, 'forget'>;
  locks: Pick<Locks, 'withLock'>;
  organizations: Pick<OrganizationService, 'get'>;
  /** Throws 429 once an inviter sent its share of invitations in the window: the answers tell addresses apart. */
  limitInvites(inviterId: string): Promise<void>;
}

const DAY_MS = 86_400_000;
const invitationNotFound = () => new NotFoundError('Invitation');
const isExpired = (invitation: Pick<InvitationRecord, 'expires_at'>, now = new Date()) =>
  invitation.expires_at.getTime() <= now.getTime();

/** Unknown, inactive and sub-user accounts get the same answer: nothing more about the address is revealed. */
function assertMayJoin(account: Pick<UserDoc, 'is_active' | 'is_sub_user' | 'is_verified'> | null): void {
  if (!account || !account.is_active || account.is_sub_user) throw new NotFoundError('User', 'user_not_found');
  // An unproven address may not be its account holder's: whoever registered it must not be drawn into teams.
  if (!account.is_verified) {
    throw new ConflictError(
      'This account has not confirmed its email address yet; it can join once the address is confirmed',
      'email_not_verified',
    );
  }
}

/**
 * Membership by invitation: owners and admins invite an account by address; only that account, signed in, can
 * accept (or decline) within the invitation's lifetime. Accepting re-checks, under the organization's lock, all
 * that an addition checked (the account, the inviter's place and credentials, the member limit) and claims the
 * membership by insert on the unique (organization, user) index, so concurrent accepts make one member.
 */
export function createInvitationService({ config, quota, locks, organizations, limitInvites }: Deps) {
  const orgLock = <T>(orgId: string, work: () => Promise<T>) => locks.withLock(orgLockName(orgId), work);

  async function assertRoomFor(orgId: Types.ObjectId, pending: 'count pending' | 'members only'): Promise<void> {
    let taken = await OrganizationMemberModel.countDocuments({ organization_id: orgId });
    if (pending === 'count pending')
      taken += await OrganizationInvitationModel.countDocuments({
        organization_id: orgId,
        expires_at: mongoose.trusted({ $gt: new Date() }),
      });
    if (taken >= config.ORGANIZATION_MAX_MEMBERS) {
      throw new ForbiddenError(
        `An organization can have at most ${config.ORGANIZATION_MAX_MEMBERS} members (pending invitations included)`,
        'member_limit_reached',
      );
    }
  }

  async function invite(user: UserDoc, orgId: string, input: AddMemberInput): Promise<InvitationRecord> {
    const userId = user._id.toString();
    assertCanAdd(actorOf(await loadForMember(orgId, userId)), input.role);
    await limitInvites(userId);
    // Any account that answers to the address, a Python one with it in another case too.
    const invitee = await findUserByAddress(input.email);
    assertMayJoin(invitee);
    return orgLock(orgId, async () => {
      await assertCredentialsCurrent(user);
      const { org, me } = await loadForMember(orgId, userId);
      assertCanAdd(actorOf({ me }), input.role);
      if (await OrganizationMemberModel.exists({ organization_id: org._id, user_id: invitee!._id }))
        throw new ConflictError('This user is already a member', 'already_member');
      await assertRoomFor(org._id, 'count pending');
      const now = new Date();
      // An expired invitation no longer holds the (organization, account) place.
      await OrganizationInvitationModel.deleteOne({
        organization_id: org._id,
        invitee_id: invitee!._id,
        expires_at: mongoose.trusted({ $lte: now }),
      });
      try {
        const created = await OrganizationInvitationModel.create({
          organization_id: org._id,
          invitee_id: invitee!._id,
          email: invitee!.email,
          role: input.role,
          monthly_token_cap: input.monthly_token_cap ?? null,
          invited_by: user._id,
          inviter_generation: user.credential_generation ?? 0,
          expires_at: new Date(now.getTime() + config.ORGANIZATION_INVITATION_TTL_DAYS * DAY_MS),
        });
        return created.toObject() as InvitationRecord;
      } catch (error) {
        if (isDuplicateKeyError(error))
          throw new ConflictError(
            'This account already has a pending invitation; revoke it first to change it',
            'invitation_pending',
          );
        throw error;
      }
    });
  }

  /** Pending and expired invitations of an organization, newest first (owners and admins). */
  async function listSent(user: UserDoc, orgId: string): Promise<InvitationRecord[]> {
    const { org, me } = await loadForMember(orgId, user._id.toString());
    assertCanManage(actorOf({ me }));
    return (await OrganizationInvitationModel.find({ organization_id: org._id })
      .sort({ created_at: -1 })
      .lean()) as InvitationRecord[];
  }

  /** Owners revoke any invitation, admins those for plain members (what they could have sent). */
  async function revoke(user: UserDoc, orgId: string, invitationId: string): Promise<void> {
    const userId = user._id.toString();
    await loadForMember(orgId, userId);
    await orgLock(orgId, async () => {
      const { org, me } = await loadForMember(orgId, userId);
      assertCanManage(actorOf({ me }));
      const invitation = isObjectId(invitationId)
        ? await OrganizationInvitationModel.findOne({ _id: invitationId, organization_id: org._id }).lean()
        : null;
      if (!invitation) throw invitationNotFound();
      assertCanAdd(actorOf({ me }), invitation.role as OrgRole);
      await OrganizationInvitationModel.deleteOne({ _id: invitation._id });
    });
  }

  /** The caller's invitations that can still be accepted, from organizations that still exist. */
  async function listReceived(user: UserDoc): Promise<ReceivedInvitation[]> {
    const invitations = (await OrganizationInvitationModel.find({
      invitee_id: user._id,
      expires_at: mongoose.trusted({ $gt: new Date() }),
    })
      .sort({ created_at: -1 })
      .lean()) as InvitationRecord[];
    if (!invitations.length) return [];
    const [orgs, inviters] = await Promise.all([
      OrganizationModel.find(
        { _id: mongoose.trusted({ $in: invitations.map((i) => i.organization_id) }), is_active: true },
        { name: 1 },
      ).lean(),
      UserModel.find({ _id: mongoose.trusted({ $in: invitations.map((i) => i.invited_by) }) }, { email: 1 }).lean(),
    ]);
    const nameOf = new Map(orgs.map((o) => [o._id.toString(), o.name]));
    const emailOf = new Map(inviters.map((u) => [u._id.toString(), u.email]));
    return invitations
      .filter((i) => nameOf.has(i.organization_id.toString()))
      .map((invitation) => ({
        invitation,
        organization: {
          id: invitation.organization_id.toString(),
          name: nameOf.get(invitation.organization_id.toString())!,
        },
        invitedByEmail: emailOf.get(invitation.invited_by.toString()) ?? null,
      }));
  }

  async function loadReceived(user: UserDoc, invitationId: string): Promise<InvitationRecord> {
    const invitation = isObjectId(invitationId)
      ? await OrganizationInvitationModel.findOne({ _id: invitationId, invitee_id: user._id }).lean()
      : null;
    if (!invitation) throw invitationNotFound();
    return invitation as InvitationRecord;
  }

  /**
   * Whether the invitation still stands: its organization exists and the inviter may still add that role with
   * the credentials it invited with (an inviter removed, demoted or signed out by a first proof of its address
   * takes its invitations with it).
   */
  async function stillStands(invitation: InvitationRecord): Promise<OrganizationRecord | null> {
    const orgId = invitation.organization_id.toString();
    const [org, inviterMember, inviter] = await Promise.all([
      OrganizationModel.findOne({ _id: orgId, is_active: true }).lean(),
      OrganizationMemberModel.findOne({ organization_id: orgId, user_id: invitation.invited_by }).lean(),
      UserModel.findById(invitation.invited_by, { is_active: 1, credential_generation: 1 }).lean(),
    ]);
    if (!org || !inviterMember || !inviter?.is_active) return null;
    if ((inviter.credential_generation ?? 0) !== invitation.inviter_generation) return null;
    const role = inviterMember.role as OrgRole;
    if (role === 'member' || (invitation.role !== 'member' && role !== 'owner')) return null;
    return org as OrganizationRecord;
  }

  async function accept(user: UserDoc, invitationId: string): Promise<OrganizationView> {
    const first = await loadReceived(user, invitationId);
    const orgId = first.organization_id.toString();
    await orgLock(orgId, async () => {
      await assertCredentialsCurrent(user);
      const invitation = await loadReceived(user, invitationId);
      if (isExpired(invitation))
        throw new ConflictError('This invitation has expired; ask for a new one', 'invitation_expired');
      const org = await stillStands(invitation);
      if (!org) {
        await OrganizationInvitationModel.deleteOne({ _id: invitation._id });
        throw invitationNotFound();
      }
      assertMayJoin(await UserModel.findById(user._id, { is_active: 1, is_sub_user: 1, is_verified: 1 }).lean());
      await assertRoomFor(org._id, 'members only');
      try {
        await OrganizationMemberModel.create({
          organization_id: org._id,
          user_id: user._id,
          role: invitation.role,
          monthly_token_cap: invitation.monthly_token_cap ?? null,
        });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await OrganizationInvitationModel.deleteOne({ _id: invitation._id });
        throw new ConflictError('You are already a member of this organization', 'already_member');
      }
      await OrganizationInvitationModel.deleteOne({ _id: invitation._id });
      // A cap left in Redis by an earlier membership must not carry over.
      await quota.forget(memberCapAccount(orgId, user._id.toString()));
    });
    return organizations.get(user, orgId);
  }

  async function decline(user: UserDoc, invitationId: string): Promise<void> {
    const invitation = await loadReceived(user, invitationId);
    await OrganizationInvitationModel.deleteOne({ _id: invitation._id, invitee_id: user._id });
  }

  return { invite, listSent, revoke, listReceived, accept, decline };
}
export type InvitationService = ReturnType<typeof createInvitationService>;
