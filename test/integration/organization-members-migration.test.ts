import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { insertUsers } from '../factories/teams.js';
import { OrganizationModel } from '../../src/models/organization.js';
import { OrganizationMemberModel } from '../../src/models/organization-member.js';
import { UserModel } from '../../src/models/user.js';
import { migrateEmbeddedMembers } from '../../src/migrations/embedded-members.js';
import { resolvePayer } from '../../src/domain/plans/payer.js';
import { memberCapAccount } from '../../src/domain/quota/accounts.js';

describe('migrating members embedded by the old system', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('moves the members array into organization_members once, with owner_id deciding the owner', async () => {
    const [owner, admin, member, impostor] = await insertUsers(4);
    const orgId = new Types.ObjectId();
    await OrganizationModel.collection.insertOne({
      _id: orgId,
      name: 'Legacy',
      owner_id: new Types.ObjectId(owner!.user.id),
      subscription_tier: 'pro',
      is_active: true,
      monthly_limit: 1_000_000,
      tokens_remaining: 1_000_000,
      tokens_used: 0,
      reset_date: new Date(Date.now() + 86_400_000),
      settings: {},
      members: [
        { user_id: owner!.user.id, role: 'member', joined_at: new Date('2024-01-01') },
        { user_id: new Types.ObjectId(admin!.user.id), role: 'admin' },
        { user_id: member!.user.id, role: 'weird', monthly_token_cap: 500 },
        { user_id: impostor!.user.id, role: 'owner' },
        { user_id: 'not-an-id', role: 'member' },
      ],
    });
    expect(await migrateEmbeddedMembers(app.config.plans)).toEqual({ organizations: 1, members: 4 });
    const rows = await OrganizationMemberModel.find({ organization_id: orgId }).lean();
    const roles = Object.fromEntries(rows.map((r) => [r.user_id.toString(), [r.role, r.monthly_token_cap]]));
    expect(roles).toEqual({
      [owner!.user.id]: ['owner', null],
      [admin!.user.id]: ['admin', null],
      [member!.user.id]: ['member', 500],
      [impostor!.user.id]: ['admin', null],
    });
    const migrated = (await OrganizationModel.collection.findOne({ _id: orgId }))!;
    expect(migrated.members).toBeUndefined();
    expect(migrated.legacy_migration.members).toHaveLength(5);
    expect(await migrateEmbeddedMembers(app.config.plans)).toEqual({ organizations: 0, members: 0 });

    const user = await UserModel.findById(member!.user.id);
    const payer = await resolvePayer(app.config, { user: user! }, orgId.toString());
    expect(payer.accounts).toEqual([
      memberCapAccount(orgId.toString(), member!.user.id),
      { kind: 'organization', id: orgId.toString() },
    ]);
    expect(payer.tier).toBe('pro');
  });
});
