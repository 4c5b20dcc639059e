/** Enrichment: internal networks, GeoIP/ASN, derived fields (direction, registered domain, file directory), DED egress filter. */
export { parseInternalNetworks, DEFAULT_INTERNAL_NETWORKS, isIpAddress, type InternalNetworks } from './internal-networks.js';
export { GeoIp, type GeoInfo } from './geo-ip.js';
export { openGeoIp, GEOIP_DB_OPTION } from './open-geo.js';
export { createEnricher, type Enricher } from './enricher.js';
export { createDedEgressFilter, AGENT_PROCESS_NAMES, type EgressFilter, type EgressDropReason } from './ded-egress-filter.js';
export { registeredDomain } from './registered-domain.js';
export { fileDirectory, networkDirection, type NetworkDirection } from './derived-fields.js';
export { NON_PUBLIC_RANGES } from './special-ranges.js';
