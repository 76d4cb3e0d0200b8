/**
 * The unit tier needs no service. This setup file (vitest.config.ts, project `unit`) makes that checkable:
 *  - every outgoing connection (TCP, TLS, HTTP, fetch, Redis, MongoDB, SMTP all end in net.Socket#connect) and every
 *    DNS lookup throws at once, and the test that tried fails in afterEach even when a client swallowed the throw
 *    (ioredis and the MongoDB driver retry quietly);
 *  - the service URLs point at port 1 on loopback (closed), so code that reads them finds nothing real either.
 */
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { afterAll, afterEach } from 'vitest';

const ATTEMPTS = Symbol.for('aicoder.unit.blockedNetwork');
type Registry = typeof globalThis & { [ATTEMPTS]?: string[] };
const attempts = ((globalThis as Registry)[ATTEMPTS] ??= []);

/** Takes the attempts recorded so far (the guard's own test reads them so they do not fail it). */
export const takeBlockedAttempts = (): string[] => attempts.splice(0);

for (const [name, value] of Object.entries({
  REDIS_URL: 'redis://127.0.0.1:1',
  DATABASE_URL: 'mongodb://127.0.0.1:1/unit-tier-has-no-database',
  SMTP_URL: 'smtp://127.0.0.1:1',
  A4F_BASE_URL: 'http://127.0.0.1:1/v1',
  STRIPE_API_BASE: 'http://127.0.0.1:1',
})) {
  process.env[name] = value;
}

function refuse(what: string): never {
  attempts.push(what);
  throw new Error(
    `unit tests must not use the network (tried ${what}); a test that needs a service is not a unit test`,
  );
}

const describeTarget = (args: unknown[]): string => {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number; path?: string };
    return options.path ?? `${options.host ?? 'localhost'}:${options.port ?? '?'}`;
  }
  return typeof first === 'number' ? `${typeof second === 'string' ? second : 'localhost'}:${first}` : String(first);
};

net.Socket.prototype.connect = function blockedConnect(...args: unknown[]) {
  return refuse(`connect ${describeTarget(Array.isArray(args[0]) ? (args[0] as unknown[]) : args)}`);
} as typeof net.Socket.prototype.connect;

const blockedLookup = (host: unknown) => refuse(`dns ${String(host)}`);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveSrv', 'resolveTxt'] as const) {
  (dns as unknown as Record<string, unknown>)[name] = blockedLookup;
  (dns.promises as unknown as Record<string, unknown>)[name] = async (host: unknown) => blockedLookup(host);
}
syncBuiltinESMExports();

function failOnAttempts(): void {
  const seen = takeBlockedAttempts();
  if (seen.length) throw new Error(`a unit test used the network: ${[...new Set(seen)].join(', ')}`);
}

afterEach(failOnAttempts);
afterAll(failOnAttempts);
