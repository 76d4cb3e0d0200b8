import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { API_KEY_PREFIX } from '../../middleware/authenticate.js';

/**
 * API key format: `aic_` + 32 base62 characters of randomness (~190 bits) + 6 base62 characters of checksum.
 * The checksum is CRC32 of `aic_<random>` written in base62 and left-padded with `0`, so a secret scanner can
 * tell a real key from a look-alike offline, and the API rejects mistyped keys without touching the database.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const API_KEY_RANDOM_LENGTH = 32;
export const API_KEY_CHECKSUM_LENGTH = 6;
export const API_KEY_PATTERN = new RegExp(
  `^${API_KEY_PREFIX}[0-9A-Za-z]{${API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH}}$`,
);

/** Unbiased base62: bytes >= 248 (the largest multiple of 62 below 256) are dropped. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

export function checksumOf(body: string): string {
  return toBase62(crc32(body), API_KEY_CHECKSUM_LENGTH);
}

/** True when the key has the right shape and its checksum matches: the cheap check before any lookup. */
export function hasValidChecksum(key: string): boolean {
  if (!API_KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, -API_KEY_CHECKSUM_LENGTH);
  return checksumOf(body) === key.slice(-API_KEY_CHECKSUM_LENGTH);
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface GeneratedKey {
  key: string;
  hash: string;
  /** Shown in listings: the prefix and the first four random characters. */
  prefix: string;
  last4: string;
}

export function generateApiKey(): GeneratedKey {
  const body = `${API_KEY_PREFIX}${randomBase62(API_KEY_RANDOM_LENGTH)}`;
  const key = `${body}${checksumOf(body)}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 4), last4: key.slice(-4) };
}
