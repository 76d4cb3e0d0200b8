import { Router } from 'express';
import express from 'express';
import { createRequire } from 'node:module';
import { buildOpenApiDocument } from '../../lib/openapi.js';
import { setPageCsp } from '../../middleware/security-headers.js';

const require = createRequire(import.meta.url);
const swaggerUiDir: string = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AI Coder API docs</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

/** swagger-ui: its bundle and init script from here, its inline styles and data: icons, the spec fetched from here. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** /openapi.json and an interactive page served from the swagger-ui-dist package (works offline). */
export function createDocsRouter({ publicUrl }: { publicUrl: string }): Router {
  const router = Router();
  let document: object | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument(publicUrl);
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    setPageCsp(res, DOCS_CSP);
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT_JS);
  });
  router.use('/docs/assets', express.static(swaggerUiDir, { index: false }));
  return router;
}
