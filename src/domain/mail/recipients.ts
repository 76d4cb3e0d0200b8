import mongoose from 'mongoose';
import { OrganizationMemberModel } from '../../models/organization-member.js';
import { OrganizationModel } from '../../models/organization.js';
import { UserModel } from '../../models/user.js';
import type { PayerLabel } from './templates.js';

export interface Recipient {
  userId: string;
  email: string;
}

export interface PayerRecipients {
  /** What the message says the alert is about (templates decide how a free-text name may appear). */
  payer: PayerLabel;
  recipients: Recipient[];
}

/**
 * Who receives a payer's alerts: the user, or an organization's owner and admins. Only active accounts with a
 * proven address and alerts on: an unproven address may belong to someone else, and billing mail is not theirs.
 */
export async function payerRecipients(payer: { type: 'user' | 'organization'; id: string }): Promise<PayerRecipients> {
  let label: PayerLabel = { kind: 'user' };
  let userIds: string[] = [payer.id];
  if (payer.type === 'organization') {
    const org = await OrganizationModel.findById(payer.id, { name: 1, is_active: 1 }).lean();
    if (!org || org.is_active === false) return { payer: label, recipients: [] };
    label = { kind: 'organization', id: payer.id, name: org.name };
    const managers = await OrganizationMemberModel.find(
      { organization_id: payer.id, role: mongoose.trusted({ $in: ['owner', 'admin'] }) },
      { user_id: 1 },
    ).lean();
    userIds = managers.map((m) => String(m.user_id));
  }
  if (!userIds.length) return { payer: label, recipients: [] };
  const users = await UserModel.find(
    { _id: mongoose.trusted({ $in: userIds }) },
    { email: 1, is_active: 1, is_verified: 1, email_alerts: 1 },
  ).lean();
  const recipients = users
    .filter((u) => u.is_active && u.is_verified && u.email_alerts !== false)
    .map((u) => ({ userId: String(u._id), email: u.email }));
  return { payer: label, recipients };
}
