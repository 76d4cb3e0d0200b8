import type { Config } from '../../config/index.js';
import { addMonthsUtc } from '../../lib/dates.js';
import { BadRequestError, ConflictError, ForbiddenError } from '../../lib/errors.js';
import type { Locks } from '../../lib/locks.js';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { setVerified } from '../../lib/verified-write.js';
import { OrganizationModel, type OrgRole } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { OrganizationCreationModel } from '../../models/organization-creation.js';
import { OrganizationInvitationModel } from '../../models/organization-invitation.js';
import { SubscriptionModel } from '../../models/subscription.js';
import type { UserDoc } from '../../models/user.js';
import type { ApiKeyBulkRevoker } from '../api-keys/bulk-revoke.js';
import { assertCredentialsCurrent } from '../users/credential-generation.js';
import { memberCapAccount, type AccountRef } from '../../domain/quota/accounts.js';
import { syncCapAccount } from '../../domain/quota/cap-sync.js';
import type { AccountSnapshot, QuotaService } from '../../domain/quota/service.js';
import {
  activeOrganizationsOf,
  actorOf,
  loadForMember,
  loadMember,
  memberView,
  membersOf,
  orgLockName,
  type MemberRecord,
  type MemberView,
  type OrganizationRecord,
} from './membership.js';
import { assertCanDelete, assertCanManage, assertCanRemove, planMemberChange } from './rules.js';
import {
  SETTINGS_MAX_BYTES,
  type CreateOrganizationInput,
  type UpdateMemberInput,
  type UpdateOrganizationInput,
} from './schemas.js';

export interface OrganizationView {
  org: OrganizationRecord;
  members: MemberView[];
  myRole: OrgRole;
  usage: AccountSnapshot | null;
}

interface Deps {
  config: Pick<Config, 'plans' | 'ORGANIZATIONS_MAX_PER_OWNER' | 'ORGANIZATIONS_CREATIONS_PER_MONTH'>;
  quota: Pick<QuotaService, 'snapshot' | 'setLimit' | 'forget'>;
  locks: Locks;
  apiKeys: ApiKeyBulkRevoker;
}

/** Subscription states in which Stripe keeps charging: deleting the organization would orphan the bill. */
const BILLING_STATUSES = ['active', 'trialing', 'past_due', 'unpaid', 'incomplete'];

const orgAccount = (orgId: string): AccountRef => ({ kind: 'organization', id: orgId });

function mergeSettings(current: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...((current ?? {}) as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  if (Buffer.byteLength(JSON.stringify(merged), 'utf8') > SETTINGS_MAX_BYTES) {
    throw new BadRequestError(`settings must be at most ${SETTINGS_MAX_BYTES} bytes of JSON`, {
      code: 'validation_error',
      param: 'settings',
    });
  }
  return merged;
}

/**
 * Organizations and their members. Every change to an organization's membership holds that organization's
 * Redis lock (so the one-owner rule and the member limit hold across API processes), and an addition is also a
 * claim by insert on the unique (organization, user) index, so no race can add a member twice or lose one.
 */
export function createOrganizationService({ config, quota, locks, apiKeys }: Deps) {
  const orgLock = <T>(orgId: string, work: () => Promise<T>) => locks.withLock(orgLockName(orgId), work);

  async function view(org: OrganizationRecord, myRole: OrgRole, members?: MemberView[]): Promise<OrganizationView> {
    const [memberViews, usage] = await Promise.all([
      members ? Promise.resolve(members) : membersOf([org._id]).then((m) => m.get(org._id.toString()) ?? []),
      quota.snapshot(orgAccount(org._id.toString())),
    ]);
    return { org, members: memberViews, myRole, usage };
  }

  async function create(user: UserDoc, input: CreateOrganizationInput): Promise<OrganizationView> {
    return locks.withLock(`user-orgs:${user._id.toString()}`, async () => {
      await assertMayKeepAnother(user);
      const now = new Date();
      await claimCreation(user, now);
      const plan = config.plans.free;
      const org = await OrganizationModel.create({
        name: input.name,
        owner_id: user._id,
        created_by: user._id,
        settings: input.settings ?? {},
        subscription_tier: 'free',
        monthly_limit: plan.monthly_tokens,
        tokens_remaining: plan.monthly_tokens,
        tokens_used: 0,
        reset_date: addMonthsUtc(now, 1),
        monthly_usage: { api_calls: 0, tokens_used: 0 },
      });
      await OrganizationMemberModel.create({
        organization_id: org._id,
        user_id: user._id,
        role: 'owner',
        joined_at: now,
      });
      return view(org.toObject() as OrganizationRecord, 'owner');
    });
  }

  /** Live organizations the user owns or created: handing one over does not free its place. */
  async function assertMayKeepAnother(user: UserDoc): Promise<void> {
    const live = await OrganizationModel.countDocuments({
      is_active: true,
      $or: [{ owner_id: user._id }, { created_by: user._id }],
    });
    if (live >= config.ORGANIZATIONS_MAX_PER_OWNER) {
      throw new ForbiddenError(
        `You can own or have created at most ${config.ORGANIZATIONS_MAX_PER_OWNER} organizations at once`,
        'organization_limit_reached',
      );
    }
  }

  /**
   * Takes one of the month's creation slots by insert (see organization-creation.ts); a slot is never given back,
   * so deleting or handing over an organization does not make room for another free pool this month.
   */
  async function claimCreation(user: UserDoc, now: Date): Promise<void> {
    const period = now.toISOString().slice(0, 7);
    for (let slot = 0; slot < config.ORGANIZATIONS_CREATIONS_PER_MONTH; slot += 1) {
      try {
        await OrganizationCreationModel.create({ creator_id: user._id, period, slot, created_at: now });
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    throw new ForbiddenError(
      `You can create at most ${config.ORGANIZATIONS_CREATIONS_PER_MONTH} organizations per calendar month (UTC), deleted ones included`,
      'organization_creation_limit_reached',
    );
  }

  async function list(user: UserDoc): Promise<OrganizationView[]> {
    const mine = await activeOrganizationsOf(user._id.toString());
    const members = await membersOf(mine.map(({ org }) => org._id));
    return Promise.all(mine.map(({ org, role }) => view(org, role, members.get(org._id.toString()))));
  }

  async function get(user: UserDoc, orgId: string): Promise<OrganizationView> {
    const { org, me } = await loadForMember(orgId, user._id.toString());
    return view(org, me.role as OrgRole);
  }

  async function update(user: UserDoc, orgId: string, input: UpdateOrganizationInput): Promise<OrganizationView> {
    const userId = user._id.toString();
    assertCanManage(actorOf(await loadForMember(orgId, userId)));
    return orgLock(orgId, async () => {
      const { org, me } = await loadForMember(orgId, userId);
      assertCanManage(actorOf({ me }));
      const fields: Record<string, unknown> = {};
      if (input.name !== undefined) fields.name = input.name;
      if (input.settings !== undefined) fields.settings = mergeSettings(org.settings, input.settings);
      await setVerified(OrganizationModel, org._id, fields);
      const fresh = (await OrganizationModel.findById(org._id).lean()) as OrganizationRecord;
      return view(fresh, me.role as OrgRole);
    });
  }

  async function remove(user: UserDoc, orgId: string): Promise<void> {
    const userId = user._id.toString();
    assertCanDelete(actorOf(await loadForMember(orgId, userId)));
    await orgLock(orgId, async () => {
      const { org, me } = await loadForMember(orgId, userId);
      assertCanDelete(actorOf({ me }));
      const subscription = await SubscriptionModel.findOne({ owner_type: 'organization', owner_id: org._id }).lean();
      if (subscription && BILLING_STATUSES.includes(subscription.status) && !subscription.cancel_at_period_end) {
        throw new ConflictError(
          'This organization has an active subscription: cancel it before deleting the organization',
          'subscription_active',
        );
      }
      // Inactive first: the payer check refuses the organization from this moment, whatever else is cached.
      await setVerified(OrganizationModel, org._id, { is_active: false, deleted_at: new Date() });
      const members = (await OrganizationMemberModel.find({ organization_id: org._id }).lean()) as MemberRecord[];
      await OrganizationMemberModel.deleteMany({ organization_id: org._id });
      await OrganizationInvitationModel.deleteMany({ organization_id: org._id });
      await apiKeys.revokeWhere({ organization_id: orgId });
      await quota.forget(orgAccount(orgId));
      for (const m of members)
        if (m.monthly_token_cap !== null) await quota.forget(memberCapAccount(orgId, m.user_id.toString()));
    });
  }

  async function listMembers(user: UserDoc, orgId: string): Promise<MemberView[]> {
    const { org } = await loadForMember(orgId, user._id.toString());
    return (await membersOf([org._id])).get(org._id.toString()) ?? [];
  }

  async function updateMember(
    user: UserDoc,
    orgId: string,
    targetId: string,
    input: UpdateMemberInput,
  ): Promise<MemberView> {
    const userId = user._id.toString();
    assertCanManage(actorOf(await loadForMember(orgId, userId)));
    return orgLock(orgId, async () => {
      await assertCredentialsCurrent(user);
      const { org, me } = await loadForMember(orgId, userId);
      const target = await loadMember(orgId, targetId);
      const capBefore = target.monthly_token_cap ?? null;
      const capAfter = input.monthly_token_cap === undefined ? capBefore : input.monthly_token_cap;
      const change = planMemberChange(
        actorOf({ me }),
        { userId: targetId, role: target.role as OrgRole },
        input.role,
        capAfter !== capBefore,
      );
      const set: Record<string, unknown> = {};
      if (capAfter !== capBefore) set.monthly_token_cap = capAfter;
      if (change.kind === 'transfer') {
        // Promote before demoting: a crash in between leaves two owners (repairable), never none.
        await OrganizationMemberModel.updateOne({ _id: target._id }, { $set: { ...set, role: 'owner' } });
        await OrganizationMemberModel.updateOne({ _id: me._id }, { $set: { role: 'admin' } });
        await setVerified(OrganizationModel, org._id, { owner_id: target.user_id });
      } else {
        if (change.role) set.role = change.role;
        if (Object.keys(set).length) await OrganizationMemberModel.updateOne({ _id: target._id }, { $set: set });
      }
      await syncCapAccount(quota, memberCapAccount(orgId, targetId), capBefore, capAfter);
      return memberView(await loadMember(orgId, targetId));
    });
  }

  async function removeMember(user: UserDoc, orgId: string, targetId: string): Promise<void> {
    const userId = user._id.toString();
    await loadForMember(orgId, userId);
    await orgLock(orgId, async () => {
      const { me } = await loadForMember(orgId, userId);
      const target = await loadMember(orgId, targetId);
      assertCanRemove(actorOf({ me }), { userId: targetId, role: target.role as OrgRole });
      await detach(orgId, target);
    });
  }

  /** Under the organization's lock: the membership goes, with the member's keys bound to it and its cap. */
  async function detach(orgId: string, member: MemberRecord): Promise<void> {
    const memberId = member.user_id.toString();
    await OrganizationMemberModel.deleteOne({ _id: member._id });
    await apiKeys.revokeWhere({ organization_id: orgId, user_id: memberId });
    if (member.monthly_token_cap !== null) await quota.forget(memberCapAccount(orgId, memberId));
  }

  /**
   * The account's address was just proven for the first time: whoever held it before may have joined or been
   * added to organizations, and filled the ones it owns with members and invitations. It leaves every
   * organization it does not own (with the invitations it sent there), and those it owns keep only it (plan,
   * pool and history stay; pending invitations go). Invitations to the account go too. Each change holds the
   * organization's lock, where invitations and role changes re-check the caller's credentials (and accepting
   * re-checks the inviter's), so none made by a request that raced this one survives it.
   */
  async function releaseMembershipsBeforeProof(userId: string): Promise<void> {
    await OrganizationInvitationModel.deleteMany({ invitee_id: userId });
    const memberships = await OrganizationMemberModel.find({ user_id: userId }, { organization_id: 1 }).lean();
    for (const { organization_id: orgObjectId } of memberships) {
      const orgId = orgObjectId.toString();
      await orgLock(orgId, async () => {
        const members = (await OrganizationMemberModel.find({ organization_id: orgId }).lean()) as MemberRecord[];
        const mine = members.find((m) => m.user_id.toString() === userId);
        if (!mine) return;
        const owner = mine.role === 'owner';
        await OrganizationInvitationModel.deleteMany(
          owner ? { organization_id: orgId } : { organization_id: orgId, invited_by: userId },
        );
        for (const member of owner ? members.filter((m) => m !== mine) : [mine]) await detach(orgId, member);
      });
    }
  }

  return {
    create,
    list,
    get,
    update,
    remove,
    listMembers,
    updateMember,
    removeMember,
    releaseMembershipsBeforeProof,
  };
}
export type OrganizationService = ReturnType<typeof createOrganizationService>;
