import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, notFoundHandler } from '../../src/middleware/error-handler.js';
import { requestContext } from '../../src/middleware/request-context.js';
import { createLogger } from '../../src/lib/logger.js';
import { expectCleanError } from '../helpers/assertions.js';

/** The real middleware chain on a real socket, with routes that fail the ways production code can. */
let server: http.Server;
let url: string;
const logged: string[] = [];

beforeAll(async () => {
  const app = express();
  app.use(requestContext(createLogger('info', {}, { write: (line: string) => void logged.push(line) })));
  app.get('/bug', () => {
    throw new TypeError('Cannot read properties of undefined (reading "password_hash") at /srv/app/src/secret.ts:12');
  });
  app.get('/mongo-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:27017'), { name: 'MongoServerSelectionError' });
  });
  app.get('/redis-down', () => {
    throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
  });
  app.use(notFoundHandler);
  app.use(errorHandler);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the error handler', () => {
  it('answers an unexpected error with a generic 500: no message, stack or internals leak; the log keeps them', async () => {
    const res = await fetch(`${url}/bug`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: { message: 'Internal server error', type: 'server_error', code: 'internal_error' } });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(logged.join('')).toContain('unhandled error');
  });

  it('answers a database or Redis outage with 503 and Retry-After, naming no host', async () => {
    for (const [path, code] of [
      ['/mongo-down', 'database_unavailable'],
      ['/redis-down', 'redis_unavailable'],
    ]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const body = await res.json();
      expectCleanError(body, code);
      expect(JSON.stringify(body)).not.toContain('10.0.0.5');
    }
  });
});
