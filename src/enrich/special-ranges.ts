/**
 * Addresses that are never a real Internet destination: the list Elastic's DED transform excludes
 * (private, shared, loopback, link-local, documentation, benchmarking, 6to4 relay, multicast, reserved,
 * broadcast), plus the IPv6 equivalents. Such destinations get no geo lookup and never count as egress.
 */
import { CidrSet } from './cidr-set.js';

export const NON_PUBLIC_RANGES: readonly string[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
  '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24',
  '203.0.113.0/24', '224.0.0.0/4', '233.252.0.0/24', '240.0.0.0/4', '255.255.255.255/32',
  '::/128', '::1/128', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8',
];

export const nonPublicRanges = new CidrSet(NON_PUBLIC_RANGES);
