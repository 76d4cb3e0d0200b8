/**
 * OpenAPI operationIds, the method names of generated clients. Derived from the method and the path, so they are
 * stable and never drift from the routes: `GET /organizations/{id}/members` is `getOrganizationsByIdMembers`.
 * The OpenAI-compatible operations keep OpenAI's own names, so clients generated from either document agree.
 */
const OPENAI_NAMES: Record<string, string> = {
  'post /v1/chat/completions': 'createChatCompletion',
  'post /v1/responses': 'createResponse',
  'post /v1/embeddings': 'createEmbedding',
  'get /v1/models': 'listModels',
  'get /v1/models/{model}': 'retrieveModel',
};

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const words = (segment: string) => segment.split(/[-_.]/).filter(Boolean).map(pascal).join('');

/** `path` in OpenAPI form (`/a/{id}`). */
export function operationIdFor(method: string, path: string): string {
  const named = OPENAI_NAMES[`${method} ${path}`];
  if (named) return named;
  const parts = path
    .split('/')
    .filter((segment) => segment && segment !== 'v1')
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${words(param[1]!)}` : words(segment);
    });
  return `${method.toLowerCase()}${parts.join('')}`;
}

const claimed = new Map<string, string>();

/** Refuses two operations under one id (a renamed path colliding with another), at registration. */
export function claimOperationId(method: string, path: string): string {
  const id = operationIdFor(method, path);
  const owner = `${method} ${path}`;
  const previous = claimed.get(id);
  if (previous && previous !== owner) throw new Error(`operationId ${id} of ${owner} is already ${previous}'s`);
  claimed.set(id, owner);
  return id;
}
