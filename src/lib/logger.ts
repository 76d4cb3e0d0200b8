import { pino, type Logger } from 'pino';

const REDACT = [
  'password', '*.password', 'password_hash', '*.password_hash', 'token', '*.token', 'access_token', '*.access_token',
  'refresh_token', '*.refresh_token', 'key', '*.key', 'api_key', '*.api_key', 'authorization', '*.authorization',
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'code_verifier', '*.code_verifier',
];

export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { pid: process.pid, ...bindings }, redact: { paths: REDACT, censor: '[redacted]' } });
}

export type { Logger };
