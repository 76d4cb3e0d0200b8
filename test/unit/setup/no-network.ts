/**
 * The unit tier needs no service. This setup file (vitest.config.ts) makes that checkable for every file under
 * test/unit, however it is run (`npm run test:unit`, `npm test`, one file):
 *  - every outgoing connection (TCP, TLS, HTTP, fetch, Redis, MongoDB, SMTP all end in net.Socket#connect) and every
 *    DNS lookup throws at once, and the test that tried fails in afterEach even when a client swallowed the throw
 *    (ioredis and the MongoDB driver retry quietly);
 *  - the service URLs point at port 1 on loopback (closed), so code that reads them finds nothing real either.
 * Whether a call is refused is decided per call from the running test file, so a worker process that later runs an
 * integration file connects as usual.
 */
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { afterAll, afterEach, expect } from 'vitest';

const UNIT_FILE = /[\\/]test[\\/]unit[\\/]/;
const inUnitFile = () => UNIT_FILE.test(expect.getState().testPath ?? '');

const STATE = Symbol.for('aicoder.unit.blockedNetwork');
type Registry = typeof globalThis & { [STATE]?: { attempts: string[] } };
const state = ((globalThis as Registry)[STATE] ??= install());
const attempts = state.attempts;

/** Takes the attempts recorded so far (the guard's own test reads them so they do not fail it). */
export const takeBlockedAttempts = (): string[] => attempts.splice(0);

function refuse(what: string): never {
  attempts.push(what);
  throw new Error(
    `unit tests must not use the network (tried ${what}); a test that needs a service is not a unit test`,
  );
}

function describeTarget(args: unknown[]): string {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number; path?: string };
    return options.path ?? `${options.host ?? 'localhost'}:${options.port ?? '?'}`;
  }
  return typeof first === 'number' ? `${typeof second === 'string' ? second : 'localhost'}:${first}` : String(first);
}

/** Wraps connect and the DNS functions once per process. */
function install(): { attempts: string[] } {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    if (!inUnitFile()) return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    return refuse(`connect ${describeTarget(Array.isArray(args[0]) ? (args[0] as unknown[]) : args)}`);
  } as typeof net.Socket.prototype.connect;
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveSrv', 'resolveTxt'] as const) {
    const callback = dns[name] as (...args: unknown[]) => unknown;
    const promised = dns.promises[name] as (...args: unknown[]) => Promise<unknown>;
    (dns as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
      inUnitFile() ? refuse(`dns ${String(args[0])}`) : callback(...args);
    (dns.promises as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) =>
      inUnitFile() ? refuse(`dns ${String(args[0])}`) : promised(...args);
  }
  syncBuiltinESMExports();
  return { attempts: [] };
}

function failOnAttempts(): void {
  const seen = takeBlockedAttempts();
  if (seen.length) throw new Error(`a unit test used the network: ${[...new Set(seen)].join(', ')}`);
}

if (inUnitFile()) {
  const services = {
    REDIS_URL: 'redis://127.0.0.1:1',
    REDIS_CLUSTER_NODES: undefined,
    DATABASE_URL: 'mongodb://127.0.0.1:1/unit-tier-has-no-database',
    SMTP_URL: 'smtp://127.0.0.1:1',
    A4F_BASE_URL: 'http://127.0.0.1:1/v1',
    STRIPE_API_BASE: 'http://127.0.0.1:1',
  };
  const before = Object.fromEntries(Object.keys(services).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(services);
  afterEach(failOnAttempts);
  afterAll(() => {
    assign(before);
    failOnAttempts();
  });
}
