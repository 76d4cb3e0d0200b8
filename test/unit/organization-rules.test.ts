import { describe, expect, it } from 'vitest';
import {
  assertCanAdd,
  assertCanDelete,
  assertCanManage,
  assertCanRemove,
  planMemberChange,
} from '../../src/modules/organizations/rules.js';
import { rejectSubUsers, requireSession } from '../../src/middleware/account-guards.js';
import type { OrgRole } from '../../src/models/organization.js';

const owner = { userId: 'o', role: 'owner' as OrgRole };
const admin = { userId: 'a', role: 'admin' as OrgRole };
const admin2 = { userId: 'a2', role: 'admin' as OrgRole };
const member = { userId: 'm', role: 'member' as OrgRole };
const member2 = { userId: 'm2', role: 'member' as OrgRole };

const status = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe('organization role rules', () => {
  it('lets only owners and admins manage, and only the owner delete', () => {
    expect([owner, admin, member].map((a) => status(() => assertCanManage(a)))).toEqual(['ok', 'ok', 403]);
    expect([owner, admin, member].map((a) => status(() => assertCanDelete(a)))).toEqual(['ok', 403, 403]);
  });

  it('lets admins add members but only the owner add admins', () => {
    expect(status(() => assertCanAdd(admin, 'member'))).toBe('ok');
    expect(status(() => assertCanAdd(admin, 'admin'))).toBe(403);
    expect(status(() => assertCanAdd(owner, 'admin'))).toBe('ok');
    expect(status(() => assertCanAdd(member, 'member'))).toBe(403);
  });

  it('plans member changes', () => {
    expect(planMemberChange(owner, admin, 'owner', false)).toEqual({ kind: 'transfer' });
    expect(planMemberChange(owner, member, 'admin', true)).toEqual({ kind: 'set', role: 'admin', capChanged: true });
    expect(planMemberChange(owner, owner, 'owner', true)).toEqual({ kind: 'set', role: undefined, capChanged: true });
    expect(planMemberChange(admin, member, undefined, true)).toEqual({
      kind: 'set',
      role: undefined,
      capChanged: true,
    });
    expect(planMemberChange(admin, member, 'member', true)).toEqual({ kind: 'set', role: undefined, capChanged: true });
    expect(status(() => planMemberChange(owner, owner, 'admin', false))).toBe(409);
    expect(status(() => planMemberChange(admin, member, 'admin', false))).toBe(403);
    expect(status(() => planMemberChange(admin, member, 'owner', false))).toBe(403);
    expect(status(() => planMemberChange(admin, admin2, 'member', false))).toBe(403);
    expect(status(() => planMemberChange(admin, admin, undefined, true))).toBe(403);
    expect(status(() => planMemberChange(admin, owner, undefined, true))).toBe(403);
    expect(status(() => planMemberChange(member, member, undefined, true))).toBe(403);
    expect(status(() => planMemberChange(member, member2, 'admin', false))).toBe(403);
  });

  it('decides who may remove whom; the owner never leaves', () => {
    expect(status(() => assertCanRemove(member, member))).toBe('ok');
    expect(status(() => assertCanRemove(admin, admin))).toBe('ok');
    expect(status(() => assertCanRemove(owner, owner))).toBe(409);
    expect(status(() => assertCanRemove(admin, member))).toBe('ok');
    expect(status(() => assertCanRemove(admin, admin2))).toBe(403);
    expect(status(() => assertCanRemove(admin, owner))).toBe(403);
    expect(status(() => assertCanRemove(member, member2))).toBe(403);
    expect(status(() => assertCanRemove(owner, admin))).toBe('ok');
  });
});

describe('account guards', () => {
  const run = (handler: (req: never, res: never, next: () => void) => void, principal: object) => {
    let passed = false;
    try {
      handler({ principal } as never, {} as never, () => {
        passed = true;
      });
      return passed ? 'next' : 'stopped';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('refuses sub-users and API keys on management routes', () => {
    expect(run(rejectSubUsers('do this'), { user: { is_sub_user: true }, via: 'access_token' })).toBe(
      'sub_user_forbidden',
    );
    expect(run(rejectSubUsers('do this'), { user: { is_sub_user: false }, via: 'access_token' })).toBe('next');
    expect(run(requireSession, { user: {}, via: 'api_key' })).toBe('session_required');
    expect(run(requireSession, { user: {}, via: 'access_token' })).toBe('next');
  });
});
