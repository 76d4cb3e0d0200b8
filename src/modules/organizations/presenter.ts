import type { z } from 'zod';
import type { MemberView } from './membership.js';
import type { InvitationRecord, ReceivedInvitation } from './invitations.js';
import type { OrganizationView } from './service.js';
import {
  memberResponseSchema,
  organizationResponseSchema,
  receivedInvitationSchema,
  sentInvitationSchema,
} from './schemas.js';
import { isoOrNull as iso } from '../../lib/dates.js';

export function presentMember({ member, email, name }: MemberView): z.infer<typeof memberResponseSchema> {
  return memberResponseSchema.parse({
    user_id: member.user_id.toString(),
    email,
    name,
    role: member.role,
    monthly_token_cap: member.monthly_token_cap ?? null,
    joined_at: iso(member.joined_at) ?? new Date(0).toISOString(),
  });
}

/** Usage comes from the live quota counters when available (the seed fields on the document trail them). */
export function presentOrganization({
  org,
  members,
  myRole,
  usage,
}: OrganizationView): z.infer<typeof organizationResponseSchema> {
  const owner = members.find((m) => m.member.role === 'owner');
  const limit = usage?.limit ?? org.monthly_limit ?? 0;
  const used = usage?.used ?? org.tokens_used ?? 0;
  return organizationResponseSchema.parse({
    id: org._id.toString(),
    name: org.name,
    owner_id: (owner?.member.user_id ?? org.owner_id).toString(),
    subscription_tier: org.subscription_tier,
    my_role: myRole,
    members: members.map(presentMember),
    settings: org.settings ?? {},
    monthly_limit: limit,
    tokens_used: used,
    tokens_remaining: Math.max(0, limit - used),
    reserved: usage?.reserved ?? 0,
    reset_date: iso(org.reset_date) ?? new Date(0).toISOString(),
    created_at: iso(org.created_at),
    updated_at: iso(org.updated_at),
  });
}

export function presentSentInvitation(invitation: InvitationRecord): z.infer<typeof sentInvitationSchema> {
  return sentInvitationSchema.parse({
    id: invitation._id.toString(),
    organization_id: invitation.organization_id.toString(),
    email: invitation.email,
    role: invitation.role,
    monthly_token_cap: invitation.monthly_token_cap ?? null,
    status: invitation.expires_at.getTime() > Date.now() ? 'pending' : 'expired',
    created_at: iso(invitation.created_at),
    expires_at: invitation.expires_at.toISOString(),
  });
}

export function presentReceivedInvitation({
  invitation,
  organization,
  invitedByEmail,
}: ReceivedInvitation): z.infer<typeof receivedInvitationSchema> {
  return receivedInvitationSchema.parse({
    id: invitation._id.toString(),
    organization,
    role: invitation.role,
    monthly_token_cap: invitation.monthly_token_cap ?? null,
    invited_by_email: invitedByEmail,
    status: 'pending',
    created_at: iso(invitation.created_at),
    expires_at: invitation.expires_at.toISOString(),
  });
}
