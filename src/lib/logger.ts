import { pino, type DestinationStream, type Logger } from 'pino';

/** Secrets that must never reach a log line, at the top level or one level down (e.g. `body.password`). */
const SECRET_FIELDS = [
  'password', 'password_hash', 'new_password', 'current_password', 'token', 'access_token', 'refresh_token', 'id_token',
  'key', 'api_key', 'secret', 'client_secret', 'code_verifier', 'authorization', 'cookie',
];
const REDACT = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie',
];

export function createLogger(level: string, bindings: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  const options = { level, base: { pid: process.pid, ...bindings }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
