import mongoose from 'mongoose';
import { OrganizationCreationModel } from '../../models/organization-creation.js';
import { OrganizationInvitationModel } from '../../models/organization-invitation.js';
import type { PurgeBatch } from './batch.js';

// sanitizeFilter is on: query operators are marked `trusted`.
const $in = <T>(values: T[]) => mongoose.trusted({ $in: values });
const $lt = (value: Date) => mongoose.trusted({ $lt: value });

/** Invitations past their expiry: they can no longer be accepted, and a new invitation would replace them anyway. */
export async function purgeExpiredInvitations({ now, limit }: PurgeBatch): Promise<number> {
  const expired = await OrganizationInvitationModel.find({ expires_at: $lt(now) }, { _id: 1 })
    .limit(limit)
    .lean();
  if (expired.length) await OrganizationInvitationModel.deleteMany({ _id: $in(expired.map((doc) => doc._id)) });
  return expired.length;
}

/** Creation slots of past calendar months: only the current month's count limits creations. */
export async function purgePastCreationSlots({ now, limit }: PurgeBatch): Promise<number> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const past = await OrganizationCreationModel.find({ created_at: $lt(monthStart) }, { _id: 1 })
    .limit(limit)
    .lean();
  if (past.length) await OrganizationCreationModel.deleteMany({ _id: $in(past.map((doc) => doc._id)) });
  return past.length;
}
