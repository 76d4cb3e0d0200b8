import { Router, type RequestHandler } from 'express';
import { requirePrincipal } from '../../lib/http/principal.js';
import { route } from '../../lib/http/route.js';
import { rejectSubUsers, requireSession } from '../../middleware/account-guards.js';
import type { InvitationService } from './invitations.js';
import { presentMember, presentOrganization, presentReceivedInvitation, presentSentInvitation } from './presenter.js';
import type { OrganizationService } from './service.js';
import {
  addMemberBodySchema,
  createOrganizationBodySchema,
  invitationParamsSchema,
  memberListSchema,
  memberParamsSchema,
  memberResponseSchema,
  orgParamsSchema,
  organizationListSchema,
  organizationResponseSchema,
  receivedInvitationListSchema,
  sentInvitationListSchema,
  sentInvitationParamsSchema,
  sentInvitationSchema,
  updateMemberBodySchema,
  updateOrganizationBodySchema,
} from './schemas.js';

interface Deps {
  organizations: OrganizationService;
  invitations: InvitationService;
  authenticate: RequestHandler;
}

export function createOrganizationsRouter({ organizations, invitations, authenticate }: Deps): Router {
  const router = Router();
  const tags = ['organizations'];
  const before = [authenticate, requireSession, rejectSubUsers('use organizations')];
  const common = { tags, auth: true, before };
  const userOf = (req: Parameters<RequestHandler>[0]) => requirePrincipal(req).user;

  route(
    router,
    {
      ...common,
      method: 'post',
      path: '/organizations',
      errors: ['organization_limit_reached', 'organization_creation_limit_reached'],
      summary: 'Create an organization (you become its owner)',
      body: createOrganizationBodySchema,
      responses: { 201: { description: 'Created', schema: organizationResponseSchema } },
    },
    async (req, res, { body }) => {
      res.status(201).json(presentOrganization(await organizations.create(userOf(req), body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/organizations',
      summary: 'Organizations you own or belong to',
      responses: { 200: { description: 'Your organizations', schema: organizationListSchema } },
    },
    async (req, res) => {
      res.json({ data: (await organizations.list(userOf(req))).map(presentOrganization) });
    },
  );

  // Registered before /organizations/:id, which would otherwise take "invitations" for an organization id.
  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/organizations/invitations',
      summary: 'Invitations to organizations you can still accept',
      responses: { 200: { description: 'Your pending invitations', schema: receivedInvitationListSchema } },
    },
    async (req, res) => {
      res.json({ data: (await invitations.listReceived(userOf(req))).map(presentReceivedInvitation) });
    },
  );

  route(
    router,
    {
      ...common,
      method: 'post',
      path: '/organizations/invitations/:invitationId/accept',
      errors: [
        'not_found',
        'invitation_expired',
        'already_member',
        'member_limit_reached',
        'user_not_found',
        'email_not_verified',
        'session_ended',
      ],
      summary: 'Accept an invitation: you join with the role and cap it offers',
      params: invitationParamsSchema,
      responses: { 200: { description: 'The organization you joined', schema: organizationResponseSchema } },
    },
    async (req, res, { params }) => {
      res.json(presentOrganization(await invitations.accept(userOf(req), params.invitationId)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'post',
      path: '/organizations/invitations/:invitationId/decline',
      errors: ['not_found'],
      summary: 'Decline an invitation (it is removed)',
      params: invitationParamsSchema,
      responses: { 204: { description: 'Declined' } },
    },
    async (req, res, { params }) => {
      await invitations.decline(userOf(req), params.invitationId);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/organizations/:id',
      errors: ['not_found'],
      summary: 'One of your organizations',
      params: orgParamsSchema,
      responses: { 200: { description: 'The organization', schema: organizationResponseSchema } },
    },
    async (req, res, { params }) => {
      res.json(presentOrganization(await organizations.get(userOf(req), params.id)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'patch',
      path: '/organizations/:id',
      errors: ['not_found', 'organization_permission'],
      summary: 'Rename or change settings (owner or admin)',
      params: orgParamsSchema,
      body: updateOrganizationBodySchema,
      responses: { 200: { description: 'The organization', schema: organizationResponseSchema } },
    },
    async (req, res, { params, body }) => {
      res.json(presentOrganization(await organizations.update(userOf(req), params.id, body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'delete',
      path: '/organizations/:id',
      errors: ['not_found', 'organization_permission', 'subscription_active'],
      summary: 'Delete (owner only): members detached, organization keys revoked',
      params: orgParamsSchema,
      responses: { 204: { description: 'Deleted' } },
    },
    async (req, res, { params }) => {
      await organizations.remove(userOf(req), params.id);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/organizations/:id/members',
      errors: ['not_found'],
      summary: 'Members, roles and caps',
      params: orgParamsSchema,
      responses: { 200: { description: 'Members', schema: memberListSchema } },
    },
    async (req, res, { params }) => {
      res.json({ data: (await organizations.listMembers(userOf(req), params.id)).map(presentMember) });
    },
  );

  route(
    router,
    {
      ...common,
      method: 'post',
      path: '/organizations/:id/members',
      errors: [
        'not_found',
        'organization_permission',
        'rate_limit_exceeded',
        'user_not_found',
        'email_not_verified',
        'session_ended',
        'already_member',
        'member_limit_reached',
        'invitation_pending',
      ],
      summary: 'Invite an existing account by email (owner or admin); it becomes a member once it accepts',
      params: orgParamsSchema,
      body: addMemberBodySchema,
      responses: { 201: { description: 'Invited (pending)', schema: sentInvitationSchema } },
    },
    async (req, res, { params, body }) => {
      res.status(201).json(presentSentInvitation(await invitations.invite(userOf(req), params.id, body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'get',
      path: '/organizations/:id/invitations',
      errors: ['not_found', 'organization_permission'],
      summary: 'Pending and expired invitations (owner or admin)',
      params: orgParamsSchema,
      responses: { 200: { description: 'Invitations', schema: sentInvitationListSchema } },
    },
    async (req, res, { params }) => {
      res.json({ data: (await invitations.listSent(userOf(req), params.id)).map(presentSentInvitation) });
    },
  );

  route(
    router,
    {
      ...common,
      method: 'delete',
      path: '/organizations/:id/invitations/:invitationId',
      errors: ['not_found', 'organization_permission'],
      summary: 'Revoke an invitation (owner; admins those for plain members)',
      params: sentInvitationParamsSchema,
      responses: { 204: { description: 'Revoked' } },
    },
    async (req, res, { params }) => {
      await invitations.revoke(userOf(req), params.id, params.invitationId);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      ...common,
      method: 'patch',
      path: '/organizations/:id/members/:userId',
      errors: ['not_found', 'organization_permission', 'owner_required', 'session_ended'],
      summary: 'Change a member\'s role or monthly cap; role "owner" transfers ownership',
      params: memberParamsSchema,
      body: updateMemberBodySchema,
      responses: { 200: { description: 'The member', schema: memberResponseSchema } },
    },
    async (req, res, { params, body }) => {
      res.json(presentMember(await organizations.updateMember(userOf(req), params.id, params.userId, body)));
    },
  );

  route(
    router,
    {
      ...common,
      method: 'delete',
      path: '/organizations/:id/members/:userId',
      errors: ['not_found', 'organization_permission', 'owner_cannot_leave'],
      summary: 'Remove a member, or leave',
      params: memberParamsSchema,
      responses: { 204: { description: 'Removed' } },
    },
    async (req, res, { params }) => {
      await organizations.removeMember(userOf(req), params.id, params.userId);
      res.status(204).end();
    },
  );

  return router;
}
