import { Router, type RequestHandler } from 'express';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { SubscriptionService } from './service.js';
import {
  checkoutBodySchema,
  checkoutResponseSchema,
  currentSubscriptionSchema,
  manageBodySchema,
  organizationQuerySchema,
  plansResponseSchema,
  portalBodySchema,
  portalResponseSchema,
} from './schemas.js';

interface Deps {
  subscriptions: SubscriptionService;
  authenticate: RequestHandler;
}

export function createSubscriptionsRouter({ subscriptions, authenticate }: Deps): Router {
  const router = Router();
  const tags = ['subscriptions'];

  route(
    router,
    {
      method: 'get',
      path: '/subscriptions/plans',
      summary: 'The plans, their limits and Stripe prices',
      tags,
      responses: { 200: { description: 'Plans', schema: plansResponseSchema } },
    },
    (_req, res) => {
      res.json(subscriptions.plans());
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/subscriptions/current',
      errors: ['not_found'],
      summary: "The caller's (or an organization's) tier, status, period, limits and usage",
      tags,
      auth: true,
      before: [authenticate],
      query: organizationQuerySchema,
      responses: { 200: { description: 'Current subscription', schema: currentSubscriptionSchema } },
    },
    async (req, res, { query }) => {
      res.json(await subscriptions.current(requirePrincipal(req).user, query.organization_id));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/subscriptions/checkout',
      errors: [
        'billing_not_configured',
        'not_found',
        'organization_owner_required',
        'sub_user_billing',
        'plan_not_available',
        'redirect_not_allowed',
        'already_subscribed',
        'stripe_error',
        'stripe_unavailable',
        'stripe_rate_limited',
      ],
      summary: 'Start a Stripe Checkout session for a paid plan',
      tags,
      auth: true,
      before: [authenticate],
      body: checkoutBodySchema,
      responses: { 200: { description: 'Where to send the browser', schema: checkoutResponseSchema } },
    },
    async (req, res, { body }) => {
      res.json(await subscriptions.checkout(requirePrincipal(req).user, body));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/subscriptions/portal',
      errors: [
        'billing_not_configured',
        'not_found',
        'organization_owner_required',
        'sub_user_billing',
        'redirect_not_allowed',
        'no_billing_account',
        'stripe_error',
        'stripe_unavailable',
        'stripe_rate_limited',
      ],
      summary: "A Stripe billing portal session for the payer's customer",
      tags,
      auth: true,
      before: [authenticate],
      body: portalBodySchema,
      responses: { 200: { description: 'Where to send the browser', schema: portalResponseSchema } },
    },
    async (req, res, { body }) => {
      res.json(await subscriptions.portal(requirePrincipal(req).user, body));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/subscriptions/cancel',
      errors: [
        'billing_not_configured',
        'not_found',
        'organization_owner_required',
        'sub_user_billing',
        'subscription_ended',
        'no_active_subscription',
        'stripe_error',
        'stripe_unavailable',
        'stripe_rate_limited',
      ],
      summary: 'Cancel at the end of the current period',
      tags,
      auth: true,
      before: [authenticate],
      body: manageBodySchema,
      responses: { 200: { description: 'The subscription after the change', schema: currentSubscriptionSchema } },
    },
    async (req, res, { body }) => {
      res.json(await subscriptions.cancel(requirePrincipal(req).user, body.organization_id));
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/subscriptions/resume',
      errors: [
        'billing_not_configured',
        'not_found',
        'organization_owner_required',
        'sub_user_billing',
        'subscription_ended',
        'no_active_subscription',
        'stripe_error',
        'stripe_unavailable',
        'stripe_rate_limited',
      ],
      summary: 'Undo a pending cancellation',
      tags,
      auth: true,
      before: [authenticate],
      body: manageBodySchema,
      responses: { 200: { description: 'The subscription after the change', schema: currentSubscriptionSchema } },
    },
    async (req, res, { body }) => {
      res.json(await subscriptions.resume(requirePrincipal(req).user, body.organization_id));
    },
  );

  return router;
}
