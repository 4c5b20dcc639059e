/** What enrichment needs to know about one address text, computed once per distinct address (see MemoCache). */
import type { GeoInfo, GeoIp } from './geo-ip.js';
import type { InternalNetworks } from './internal-networks.js';
import { MemoCache } from './memo-cache.js';
import { parseIp } from './ip-address.js';
import { nonPublicRanges } from './special-ranges.js';

export interface AddressFacts {
  /** The text parses as an IPv4/IPv6 address. */
  isIp: boolean;
  /** Inside the configured internal networks. */
  internal: boolean;
  /** An address that routes on the internet: an IP, not internal, not in a private, reserved or special range. */
  public: boolean;
  /** Geo/AS data, only for public addresses (undefined for private, reserved, unknown or malformed ones). */
  geo: GeoInfo | undefined;
}

export function addressFactsCache(internal: InternalNetworks, geo: GeoIp | undefined): MemoCache<AddressFacts> {
  return new MemoCache<AddressFacts>((ip) => {
    const parsed = parseIp(ip);
    if (!parsed) return { isIp: false, internal: false, public: false, geo: undefined };
    const isInternal = internal.contains(ip);
    const isPublic = !isInternal && !nonPublicRanges.containsParsed(parsed);
    return { isIp: true, internal: isInternal, public: isPublic, geo: geo && isPublic ? geo.lookup(ip) : undefined };
  });
}
