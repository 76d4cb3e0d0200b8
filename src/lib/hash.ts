import { createHash } from 'node:crypto';

/** Hex SHA-256: how secrets (refresh, mail and OAuth tokens) are stored and Redis keys hide an address. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
