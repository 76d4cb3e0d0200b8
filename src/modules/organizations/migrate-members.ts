import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../../lib/mongo.js';
import { ORG_ROLES, OrganizationModel, type OrgRole } from '../../models/organization.js';
import { OrganizationMemberModel } from '../../models/organization-member.js';

interface LegacyMember {
  user_id?: unknown;
  role?: unknown;
  monthly_token_cap?: unknown;
  joined_at?: unknown;
}

const toObjectId = (value: unknown) => (value && Types.ObjectId.isValid(String(value)) ? new Types.ObjectId(String(value)) : null);

/**
 * Moves members embedded in organization documents (the Python system kept a `members` array) into
 * `organization_members`, then removes the array. Idempotent: run it from db:init on every deploy. The
 * document's `owner_id` decides the owner; anyone else the array called owner becomes an admin.
 */
export async function migrateEmbeddedMembers(): Promise<{ organizations: number; members: number }> {
  const legacy = await OrganizationModel.collection.find({ members: { $exists: true } }, { projection: { owner_id: 1, members: 1 } }).toArray();
  let members = 0;
  for (const org of legacy) {
    const ownerId = toObjectId(org.owner_id);
    const entries = (Array.isArray(org.members) ? org.members : []) as LegacyMember[];
    const rows = new Map<string, { user_id: Types.ObjectId; role: OrgRole; monthly_token_cap: number | null; joined_at: Date }>();
    for (const entry of entries) {
      const userId = toObjectId(entry.user_id);
      if (!userId) continue;
      const claimed = ORG_ROLES.includes(entry.role as OrgRole) ? (entry.role as OrgRole) : 'member';
      rows.set(userId.toString(), {
        user_id: userId,
        role: claimed === 'owner' ? 'admin' : claimed,
        monthly_token_cap: typeof entry.monthly_token_cap === 'number' ? entry.monthly_token_cap : null,
        joined_at: entry.joined_at instanceof Date ? entry.joined_at : new Date(),
      });
    }
    if (ownerId) {
      const owner = rows.get(ownerId.toString());
      rows.set(ownerId.toString(), { user_id: ownerId, role: 'owner', monthly_token_cap: owner?.monthly_token_cap ?? null, joined_at: owner?.joined_at ?? new Date() });
    }
    for (const row of rows.values()) {
      try {
        await OrganizationMemberModel.create({ organization_id: org._id, ...row });
        members += 1;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await OrganizationModel.collection.updateOne({ _id: org._id }, { $unset: { members: '' } });
  }
  return { organizations: legacy.length, members };
}
