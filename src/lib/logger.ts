import { pino, type DestinationStream, type Logger } from 'pino';

/** Secrets that must never reach a log line, at the top level or one level down (e.g. `body.password`). */
const SECRET_FIELDS = [
  'password',
  'password_hash',
  'new_password',
  'current_password',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'key',
  'api_key',
  'secret',
  'client_secret',
  'code_verifier',
  'authorization',
  'cookie',
];
const REDACT = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

export function createLogger(
  level: string,
  bindings: Record<string, unknown> = {},
  destination?: DestinationStream,
): Logger {
  const options = { level, base: { pid: process.pid, ...bindings }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * A role's logger: JSON lines (what log collectors read), or readable lines through pino-pretty when a developer
 * watches a terminal outside production. Redaction happens before either.
 */
export function createRoleLogger(
  config: { LOG_LEVEL: string; isProduction: boolean },
  bindings: Record<string, unknown>,
): Logger {
  if (config.isProduction || !process.stdout.isTTY) return createLogger(config.LOG_LEVEL, bindings);
  return createLogger(
    config.LOG_LEVEL,
    bindings,
    pino.transport({ target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } }),
  );
}

export type { Logger };
