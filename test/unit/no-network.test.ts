import net from 'node:net';
import tls from 'node:tls';
import { lookup } from 'node:dns/promises';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { takeBlockedAttempts } from './setup/no-network.js';

// These tests open connections on purpose; what they tried is taken here so the guard's afterEach passes them.
afterEach(() => {
  takeBlockedAttempts();
});

describe('the unit tier has no network', () => {
  it('refuses a TCP connection and says why', () => {
    expect(() => net.connect(6379, '127.0.0.1')).toThrow(/unit tests must not use the network \(tried connect/);
    expect(takeBlockedAttempts()).toEqual(['connect 127.0.0.1:6379']);
  });

  it('refuses TLS, HTTP and DNS too', async () => {
    expect(() => tls.connect({ host: 'example.com', port: 443 })).toThrow(/must not use the network/);
    await expect(fetch('http://127.0.0.1:8000/')).rejects.toThrow();
    await expect(lookup('example.com')).rejects.toThrow(/tried dns example\.com/);
    expect(takeBlockedAttempts()).toEqual(['connect example.com:443', 'connect 127.0.0.1:8000', 'dns example.com']);
  });

  it('records a connection a client swallowed (ioredis), so the test that made it fails', async () => {
    const redis = new Redis(process.env.REDIS_URL!, {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    redis.on('error', () => undefined);
    await redis.connect().catch(() => undefined);
    redis.disconnect();
    expect(takeBlockedAttempts()).toEqual(['connect 127.0.0.1:1']);
  });

  it('points the service URLs at a closed port', () => {
    expect(process.env.REDIS_URL).toBe('redis://127.0.0.1:1');
    expect(process.env.DATABASE_URL).toMatch(/^mongodb:\/\/127\.0\.0\.1:1\//);
  });
});
