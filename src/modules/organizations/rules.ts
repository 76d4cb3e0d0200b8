import { ConflictError, ForbiddenError } from '../../lib/errors.js';
import type { OrgRole } from '../../models/organization.js';

/**
 * Who may do what in an organization. Owners manage everyone; admins manage plain members (and may leave);
 * members may only read and leave. An organization always has exactly one owner: ownership is transferred,
 * never dropped.
 */
export interface Actor {
  userId: string;
  role: OrgRole;
}
export interface Target {
  userId: string;
  role: OrgRole;
}

const notAllowed = (message: string) => new ForbiddenError(message, 'organization_permission');

export function assertCanManage(actor: Actor): void {
  if (actor.role === 'member') throw notAllowed('Only the owner or an admin can manage this organization');
}

export function assertCanDelete(actor: Actor): void {
  if (actor.role !== 'owner') throw notAllowed('Only the owner can delete this organization');
}

export function assertCanAdd(actor: Actor, role: OrgRole): void {
  assertCanManage(actor);
  if (role !== 'member' && actor.role !== 'owner') throw notAllowed('Only the owner can add admins');
}

export type MemberChange = { kind: 'transfer' } | { kind: 'set'; role?: OrgRole; capChanged: boolean };

/** Decides what a PATCH of a member does, or throws. */
export function planMemberChange(
  actor: Actor,
  target: Target,
  role: OrgRole | undefined,
  capChanged: boolean,
): MemberChange {
  assertCanManage(actor);
  const self = actor.userId === target.userId;
  if (actor.role === 'admin' && (target.role !== 'member' || self))
    throw notAllowed('Only the owner can change the owner or admins');
  if (role === 'owner' && !self) {
    if (actor.role !== 'owner') throw notAllowed('Only the owner can transfer ownership');
    return { kind: 'transfer' };
  }
  if (role === 'admin' && actor.role !== 'owner') throw notAllowed('Only the owner can make admins');
  if (target.role === 'owner' && role !== undefined && role !== 'owner') {
    throw new ConflictError(
      'An organization always has one owner: transfer ownership to another member first',
      'owner_required',
    );
  }
  return { kind: 'set', role: role === target.role ? undefined : role, capChanged };
}

export function assertCanRemove(actor: Actor, target: Target): void {
  if (actor.userId === target.userId) {
    if (target.role === 'owner')
      throw new ConflictError(
        'The owner cannot leave: transfer ownership to another member first',
        'owner_cannot_leave',
      );
    return;
  }
  assertCanManage(actor);
  if (actor.role === 'admin' && target.role !== 'member') throw notAllowed('Only the owner can remove admins');
}
