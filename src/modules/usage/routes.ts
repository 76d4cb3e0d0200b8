import { Router } from 'express';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import {
  balanceSchema,
  usageHistorySchema,
  usageQuerySchema,
  usageStatsQuerySchema,
  usageStatsSchema,
} from './schemas.js';
import type { UsageService } from './service.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import { PAYER_ERRORS } from '../../domain/plans/payer.js';
import { organizationHeaders } from '../../lib/http/common-headers.js';

interface Deps {
  usage: UsageService;
  authenticate: Authenticate;
}

export function createUsageRouter({ usage, authenticate }: Deps): Router {
  const router = Router();
  const tags = ['usage'];
  const organization = (header: string | undefined) => header?.trim() || undefined;
  // Access tokens, or API keys carrying usage:read (a default scope).
  const before = [authenticate.scoped('usage:read')];

  route(
    router,
    {
      method: 'get',
      path: '/tokens/balance',
      errors: PAYER_ERRORS,
      headers: organizationHeaders,
      summary:
        "The payer's token balance, including reservations in flight (X-Organization-Id selects an organization)",
      tags,
      auth: true,
      before,
      responses: { 200: { description: 'Balance', schema: balanceSchema } },
    },
    async (req, res) => {
      res.json(await usage.balance(requirePrincipal(req), organization(req.get('x-organization-id'))));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/tokens/usage',
      errors: PAYER_ERRORS,
      headers: organizationHeaders,
      summary: "The caller's ledger, newest first, with totals by day or model over a date range",
      tags,
      auth: true,
      before,
      query: usageQuerySchema,
      responses: { 200: { description: 'History', schema: usageHistorySchema } },
    },
    async (req, res, { query }) => {
      res.json(await usage.history(requirePrincipal(req), query, organization(req.get('x-organization-id'))));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/users/usage-stats',
      errors: PAYER_ERRORS,
      headers: organizationHeaders,
      summary: 'Usage summary: balance, current period, usage per day and per model',
      tags,
      auth: true,
      before,
      query: usageStatsQuerySchema,
      responses: { 200: { description: 'Summary', schema: usageStatsSchema } },
    },
    async (req, res, { query }) => {
      res.json(await usage.stats(requirePrincipal(req), query, organization(req.get('x-organization-id'))));
    },
  );

  return router;
}
