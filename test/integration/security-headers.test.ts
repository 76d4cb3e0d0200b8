import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { type Session, userWithRole } from '../factories/accounts.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { parseConfig } from '../../src/config/index.js';

describe('security headers, CORS and proxies', () => {
  let app: TestApp;
  let admin: Session;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await userWithRole(app, 'admin');
  });
  afterAll(async () => {
    await app.stop();
  });

  const expectBaseHeaders = (headers: Record<string, string>, what: string) => {
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['x-frame-options'], what).toBe('DENY');
    // The admin pages keep the Origin of their own form posts (checked against CSRF); nothing leaves for other sites.
    expect(headers['referrer-policy'], what).toBe(/^(admin|board)/.test(what) ? 'same-origin' : 'no-referrer');
    expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
    expect(headers['x-powered-by'], what).toBeUndefined();
  };

  it('sends nosniff, no framing, no referrer and a CSP on every kind of answer; no HSTS over http', async () => {
    const answers = {
      healthz: await app.request.get('/healthz'),
      'JSON 404': await app.request.get('/nope'),
      'JSON 401': await app.request.get('/auth/me'),
      'JSON 400': await app.request.post('/auth/login-json').send({}),
      openapi: await app.request.get('/openapi.json'),
      docs: await app.request.get('/docs'),
      'docs asset': await app.request.get('/docs/assets/swagger-ui-bundle.js'),
      'admin login page': await app.request.get('/admin/login'),
      'board page': await app.request.get('/admin/queues').set(admin.auth),
      'board API': await app.request.get('/admin/queues/api/queues').set(admin.auth),
      metrics: await app.request.get('/metrics'),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.status, what).toBeLessThan(500);
      expectBaseHeaders(res.headers as Record<string, string>, what);
      expect(res.headers['strict-transport-security'], what).toBeUndefined();
    }
    // JSON answers: nothing may load or run.
    expect(answers['JSON 404'].headers['content-security-policy']).toMatch(/default-src 'none'/);
    // The HTML pages get their own policy: scripts from this origin only, nothing inline or evaluated.
    for (const what of ['docs', 'board page'] as const) {
      const csp = answers[what].headers['content-security-policy']!;
      expect(csp, what).toMatch(/script-src 'self'(;|$)/);
      expect(csp, what).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(answers[what].text, what).toMatch(/<html/i);
    }
    expect(answers['admin login page'].headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('adds HSTS when PUBLIC_URL is https', async () => {
    const secure = createApp({
      config: { ...app.config, PUBLIC_URL: 'https://api.example.com' },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    for (const path of ['/healthz', '/docs', '/nope']) {
      const res = await supertest(secure.app).get(path);
      expect(res.headers['strict-transport-security'], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expectBaseHeaders(res.headers as Record<string, string>, path);
    }
    await secure.close();
  });

  it('answers no CORS: a cross-origin preflight or request gets no Access-Control-Allow-Origin', async () => {
    for (const [path, method] of [
      ['/v1/chat/completions', 'POST'],
      ['/auth/login-json', 'POST'],
      ['/tokens/balance', 'GET'],
      ['/api-keys', 'POST'],
    ] as const) {
      const preflight = await app.request
        .options(path)
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', method)
        .set('Access-Control-Request-Headers', 'authorization, content-type');
      expect(preflight.headers['access-control-allow-origin'], path).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials'], path).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers'], path).toBeUndefined();
    }
    const simple = await app.request.get('/auth/me').set('Origin', 'https://evil.example').set(admin.auth);
    expect(simple.status).toBe(200);
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with METRICS_PORT, serves no /metrics next to the API (the web role serves it on that port only)', async () => {
    const ownPort = createApp({
      config: { ...app.config, METRICS_PORT: 0 },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const res = await supertest(ownPort.app).get('/metrics');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
    expect((await app.request.get('/metrics')).status).toBe(200);
    await ownPort.close();
  });

  it('trusts as many proxy hops as TRUST_PROXY says (a platform router), so per-IP limits see the real client', async () => {
    const hops = parseConfig({ TRUST_PROXY: '1' });
    expect(hops.TRUST_PROXY).toBe(1);
    const behindRouter = createApp({
      config: { ...app.config, TRUST_PROXY: hops.TRUST_PROXY },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const trust = behindRouter.app.get('trust proxy fn') as (address: string, hop: number) => boolean;
    expect(trust('10.1.2.3', 0)).toBe(true);
    expect(trust('203.0.113.9', 1)).toBe(false);
    await behindRouter.close();
    const cidr = createApp({
      config: { ...app.config, TRUST_PROXY: parseConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY },
      logger: createLogger('silent'),
      redis: app.redis,
      producer: app.producer,
    });
    const trustCidr = cidr.app.get('trust proxy fn') as (address: string, hop: number) => boolean;
    expect(trustCidr('10.1.2.3', 0)).toBe(true);
    expect(trustCidr('203.0.113.9', 0)).toBe(false);
    await cidr.close();
  });
});
