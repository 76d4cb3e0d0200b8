import { ForbiddenError } from '../../lib/errors.js';
import type { Role } from '../../models/user.js';

const PRIVILEGED: readonly string[] = ['admin', 'superadmin'] satisfies Role[];

/**
 * Admins manage users and developers; only a superadmin touches an administrator's account (their own included:
 * an admin cannot raise their own limits or reset their own usage). Every admin action on an account checks this.
 */
export function assertMayManage(actor: { role: string }, target: { role: string }): void {
  if (actor.role === 'superadmin') return;
  if (PRIVILEGED.includes(target.role)) {
    throw new ForbiddenError("Only a superadmin can change an administrator's account", 'superadmin_required');
  }
}

/** Only a superadmin makes an admin or a superadmin. */
export function assertMayGrant(actor: { role: string }, role: string | undefined): void {
  if (actor.role !== 'superadmin' && role && PRIVILEGED.includes(role)) {
    throw new ForbiddenError('Only a superadmin can grant admin or superadmin', 'superadmin_required');
  }
}
