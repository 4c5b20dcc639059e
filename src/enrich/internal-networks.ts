/** Which addresses are "ours": the internal networks that decide direction, geo lookups and egress. */
import { ConfigError } from '../errors.js';
import { CidrSet, parseCidr } from './cidr-set.js';
import { parseIp } from './ip-address.js';

export interface InternalNetworks {
  contains(ip: string): boolean;
  cidrs: string[];
}

/** RFC 1918, loopback, link-local, CGNAT (RFC 6598), and their IPv6 counterparts (loopback, ULA, link-local). */
export const DEFAULT_INTERNAL_NETWORKS: readonly string[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '100.64.0.0/10',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
];

/** `undefined` gives the defaults; a bad entry throws a ConfigError naming `where` and `internal_networks[i]`. */
export function parseInternalNetworks(cidrs: string[] | undefined, where: string): InternalNetworks {
  const list = cidrs === undefined ? [...DEFAULT_INTERNAL_NETWORKS] : cidrs.map((c) => String(c).trim());
  list.forEach((c, i) => {
    if (!parseCidr(c)) {
      throw new ConfigError(where, `internal_networks[${i}]`, `"${c}" is not an IPv4 or IPv6 CIDR range`, 'write ranges like 10.0.0.0/8 or fd00::/8');
    }
  });
  const set = new CidrSet(list);
  return { cidrs: list, contains: (ip: string) => set.contains(ip) };
}

/** True when `ip` parses as an address (used to tell "not internal" from "not an IP at all"). */
export function isIpAddress(ip: string): boolean {
  return parseIp(ip) !== undefined;
}
