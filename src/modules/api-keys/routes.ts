import { Router } from 'express';
import { route } from '../../lib/http/route.js';
import { requirePrincipal } from '../../lib/http/principal.js';
import type { Authenticate } from '../../middleware/authenticate.js';
import type { ApiKeyService } from './service.js';
import { presentApiKey, presentCreatedKey } from './presenter.js';
import {
  apiKeyIdParamsSchema,
  apiKeyListSchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  rotateApiKeyBodySchema,
  rotatedApiKeySchema,
} from './schemas.js';

/** Key management needs an access token: a key can never mint, list or revoke keys. */
export function createApiKeysRouter({
  apiKeys,
  authenticate,
}: {
  apiKeys: ApiKeyService;
  authenticate: Authenticate;
}): Router {
  const router = Router();
  const tags = ['api-keys'];
  const before = [authenticate];

  route(
    router,
    {
      method: 'post',
      path: '/api-keys',
      errors: ['sub_user_cannot_create_keys', 'not_found', 'too_many_api_keys'],
      summary: 'Create an API key (the key is shown in this response only)',
      tags,
      auth: true,
      before,
      body: createApiKeyBodySchema,
      responses: { 201: { description: 'Created', schema: createdApiKeySchema } },
    },
    async (req, res, { body }) => {
      const { doc, key } = await apiKeys.create(requirePrincipal(req).user, body);
      res.status(201).json(presentCreatedKey(doc, key));
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api-keys',
      summary: 'List my API keys (prefix and last four only)',
      tags,
      auth: true,
      before,
      responses: { 200: { description: 'Keys', schema: apiKeyListSchema } },
    },
    async (req, res) => {
      const docs = await apiKeys.list(requirePrincipal(req).user._id);
      res.json({ data: docs.map((doc) => presentApiKey(doc)) });
    },
  );

  route(
    router,
    {
      method: 'delete',
      path: '/api-keys/:id',
      errors: ['not_found'],
      summary: 'Revoke an API key at once',
      tags,
      auth: true,
      before,
      params: apiKeyIdParamsSchema,
      responses: { 204: { description: 'Revoked' } },
    },
    async (req, res, { params }) => {
      await apiKeys.revoke(requirePrincipal(req).user._id, params.id);
      res.status(204).end();
    },
  );

  route(
    router,
    {
      method: 'post',
      path: '/api-keys/:id/rotate',
      errors: ['sub_user_cannot_create_keys', 'not_found', 'too_many_api_keys', 'key_already_rotated', 'key_expired'],
      summary: 'Issue a successor; the old key works until the overlap ends',
      tags,
      auth: true,
      before,
      body: rotateApiKeyBodySchema,
      params: apiKeyIdParamsSchema,
      responses: { 201: { description: 'The new key', schema: rotatedApiKeySchema } },
    },
    async (req, res, { body, params }) => {
      const rotated = await apiKeys.rotate(requirePrincipal(req).user, params.id, body.overlap_seconds);
      res.status(201).json({ ...presentCreatedKey(rotated.doc, rotated.key), replaced: rotated.replaced });
    },
  );

  return router;
}
