import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  API_KEY_PATTERN,
  checksumOf,
  generateApiKey,
  hasValidChecksum,
  hashApiKey,
} from '../../src/modules/api-keys/format.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('API key format', () => {
  it('is aic_ + 32 base62 random characters + a 6-character base62 CRC32 checksum', () => {
    const { key, hash, prefix, last4 } = generateApiKey();
    expect(key).toMatch(/^aic_[0-9A-Za-z]{38}$/);
    expect(key).toMatch(API_KEY_PATTERN);
    expect(hasValidChecksum(key)).toBe(true);
    expect(key.slice(-6)).toBe(checksumOf(key.slice(0, -6)));
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hashApiKey(key)).toBe(hash);
    expect(prefix).toBe(key.slice(0, 8));
    expect(last4).toBe(key.slice(-4));
  });

  it('matches vectors computed independently (Python binascii.crc32), so scanners can reimplement it', () => {
    expect(checksumOf(`aic_${'0'.repeat(32)}`)).toBe('1I7rNw');
    expect(hasValidChecksum('aic_000000000000000000000000000000001I7rNw')).toBe(true);
    expect(hasValidChecksum('aic_abcdefghijklmnopqrstuvwxyzABCDEF2TVmsc')).toBe(true);
  });

  it('rejects every single-character change, wrong lengths, other prefixes and non-base62 characters', () => {
    const { key } = generateApiKey();
    for (let i = 4; i < key.length; i += 1) {
      const replacement = BASE62[(BASE62.indexOf(key[i]!) + 1) % 62]!;
      expect(hasValidChecksum(key.slice(0, i) + replacement + key.slice(i + 1))).toBe(false);
    }
    expect(hasValidChecksum(key.slice(0, -1))).toBe(false);
    expect(hasValidChecksum(`${key}0`)).toBe(false);
    expect(hasValidChecksum(`sk_${key.slice(4)}`)).toBe(false);
    expect(hasValidChecksum(`${key.slice(0, 10)}-${key.slice(11)}`)).toBe(false);
    expect(hasValidChecksum('')).toBe(false);
  });

  it('draws fresh randomness for every key, over the whole alphabet', () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey().key);
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set(keys.flatMap((k) => [...k.slice(4, 36)]));
    expect(seen.size).toBe(62);
  });
});
