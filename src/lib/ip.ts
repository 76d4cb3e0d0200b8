import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** The first `count` groups of an IPv6 address, expanded from `::` and without leading zeros. */
function leadingV6Groups(ip: string, count: number): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return groups.slice(0, count).map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The unit that per-IP limits count: an IPv4 address, or the /64 network of an IPv6 address (one subscriber
 * usually owns a whole /64, so counting single v6 addresses would let them rotate freely).
 */
export function ipBucket(ip: string): string {
  const mapped = MAPPED_V4.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  return `${leadingV6Groups(ip, 4).join(':')}::/64`;
}

/**
 * The wider unit every per-IP limit counts too, more loosely: the /48 of an IPv6 address (a site's usual
 * allocation, 65,536 /64s that one client could otherwise rotate through). Null for IPv4 and non-addresses.
 */
function ipWideBucket(ip: string): string | null {
  if (MAPPED_V4.test(ip) || !isIPv6(ip)) return null;
  return `${leadingV6Groups(ip, 3).join(':')}::/48`;
}

/**
 * What a per-IP limit of `max` counts for one client address: its bucket (ipBucket) at `max`, and for IPv6 its
 * /48 at `max * wideMultiplier`.
 */
export function ipLimitBuckets(
  ip: string,
  max: number,
  wideMultiplier: number,
): Array<{ bucket: string; max: number }> {
  const wide = ipWideBucket(ip);
  const narrow = { bucket: ipBucket(ip), max };
  return wide ? [narrow, { bucket: wide, max: max * wideMultiplier }] : [narrow];
}

/**
 * Where a session signed in from, coarsely enough not to be a tracking record: the IPv4 /24 or the IPv6 /48
 * (roughly a provider and a town, never a household). Null when the address is not an IP address.
 */
export function approximateNetwork(ip: string | undefined): string | null {
  if (!ip) return null;
  const v4 = MAPPED_V4.exec(ip)?.[1] ?? (isIPv4(ip) ? ip : undefined);
  if (v4) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return null;
  return `${leadingV6Groups(ip.split('%')[0] ?? ip, 3).join(':')}::/48`;
}
