import { describe, expect, it } from 'vitest';
import { approximateNetwork } from '../../src/lib/ip.js';
import { parseConfig } from '../../src/config/index.js';

describe('approximateNetwork (what the session list shows of a client address)', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:198.51.100.9', '198.51.100.0/24'],
    ['2001:db8:abcd:12:34::9', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0001::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['not an address', null],
    [undefined, null],
  ])('%s -> %s', (ip, network) => expect(approximateNetwork(ip)).toBe(network));
});

describe('session configuration', () => {
  it('defaults the refresh reuse grace window to 30 s and refuses negative or huge windows', () => {
    expect(parseConfig({}).REFRESH_REUSE_GRACE_SECONDS).toBe(30);
    expect(parseConfig({ REFRESH_REUSE_GRACE_SECONDS: '0' }).REFRESH_REUSE_GRACE_SECONDS).toBe(0);
    expect(() => parseConfig({ REFRESH_REUSE_GRACE_SECONDS: '-1' })).toThrow(/REFRESH_REUSE_GRACE_SECONDS/);
    expect(() => parseConfig({ REFRESH_REUSE_GRACE_SECONDS: '3600' })).toThrow(/REFRESH_REUSE_GRACE_SECONDS/);
  });
});
