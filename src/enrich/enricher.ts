/**
 * Adds what detections need and logs often lack: geo (country, continent; region and city from a city database) and AS
 * data for public source/destination addresses,
 * `network.direction`, `destination.registered_domain` (and `dns.question.registered_domain`), `file.directory`.
 * Never overwrites a field the event already has.
 */
import { declareAddedFlatKeys, fieldPresence, fieldReader, setField, stringOf, type EcsEvent, type EcsValue } from '../ecs/index.js';
import type { GeoInfo, GeoIp } from './geo-ip.js';
import type { InternalNetworks } from './internal-networks.js';
import { addressFactsCache } from './address-facts.js';
import { MemoCache } from './memo-cache.js';
import { fileDirectory, networkDirection } from './derived-fields.js';
import { registeredDomain } from './registered-domain.js';

export interface Enricher {
  enrich(event: EcsEvent): void;
  /** Every field this enricher may add. */
  fieldsWritten: string[];
  /** Every field it reads or tests: keep these in a projection (`keepFields`) and it adds what it adds to the whole event. */
  fieldsRead: string[];
  /** For each field it may add: fields of which the event must have at least one for it to be added. */
  writtenFrom: Record<string, string[]>;
}

const SIDES = ['source', 'destination'] as const;

export function createEnricher(opts: { geo?: GeoIp; internal: InternalNetworks }): Enricher {
  const { geo, internal } = opts;
  const geoFields = geo ? SIDES.flatMap((s) => Object.values(GEO[s].names)) : [];
  // Most flows go to a few destinations: parse, classify and look up each distinct address or name once.
  const addresses = addressFactsCache(internal, geo);
  const domains = new MemoCache<string | undefined>(registeredDomain);
  const writtenFrom: Record<string, string[]> = {};
  for (const f of geoFields) writtenFrom[f] = [f.startsWith('source.') ? 'source.ip' : 'destination.ip'];
  writtenFrom['network.direction'] = ['source.ip'];
  writtenFrom['destination.registered_domain'] = ['destination.domain', 'dns.question.name'];
  writtenFrom['dns.question.registered_domain'] = ['dns.question.name'];
  writtenFrom['file.directory'] = ['file.path'];
  // Projected events get these keys added (see ecs/flat-projection.ts).
  declareAddedFlatKeys(Object.keys(writtenFrom));
  return {
    writtenFrom,
    fieldsWritten: Object.keys(writtenFrom),
    // Every field read or tested for presence: an event projected to these is enriched as the whole event would be.
    fieldsRead: [
      'source.ip', 'destination.ip', 'source.geo.country_iso_code', 'destination.geo.country_iso_code', 'source.as.number', 'destination.as.number',
      'network.direction', 'destination.domain', 'dns.question.name', 'dns.question.registered_domain', 'destination.registered_domain',
      'file.path', 'file.directory',
    ],
    enrich(event: EcsEvent): void {
      // Projected events are flat objects with dotted keys; keep them flat so getField stays a direct hit.
      const flat = 'source.ip' in event || 'destination.ip' in event || hasDottedKey(event);
      const sourceIp = stringOf(READ.sourceIp(event));
      const destinationIp = stringOf(READ.destinationIp(event));
      const source = sourceIp === undefined ? undefined : addresses.get(sourceIp);
      const destination = destinationIp === undefined ? undefined : addresses.get(destinationIp);
      // The cheap facts are checked before the presence tests; both are side-effect free.
      if (source?.geo) addGeo(event, flat, 'source', source.geo);
      if (destination?.geo) addGeo(event, flat, 'destination', destination.geo);
      if (source?.isIp && destination?.isIp && !HAS.direction(event)) {
        put(event, flat, 'network.direction', networkDirection(source.internal, destination.internal));
      }
      addRegisteredDomains(event, flat, domains);
      const path = stringOf(READ.filePath(event));
      const dir = path === undefined ? undefined : fileDirectory(path);
      if (dir !== undefined && !HAS.fileDirectory(event)) put(event, flat, 'file.directory', dir);
    },
  };
}

function put(event: EcsEvent, flat: boolean, path: string, value: EcsValue): void {
  if (flat) event[path] = value;
  else setField(event, path, value);
}

/**
 * The geo and AS field names of one side, made once (a key built per event would be looked up the slow way), and the
 * presence tests of the two that decide whether to add the others.
 */
const GEO = Object.fromEntries(
  SIDES.map((side) => {
    const names = {
      iso: `${side}.geo.country_iso_code`, country: `${side}.geo.country_name`, continent: `${side}.geo.continent_name`,
      region: `${side}.geo.region_name`, city: `${side}.geo.city_name`, asn: `${side}.as.number`, asOrg: `${side}.as.organization.name`,
    };
    return [side, { names, hasIso: fieldPresence(names.iso), hasAsn: fieldPresence(names.asn) }];
  }),
) as Record<(typeof SIDES)[number], {
  names: { iso: string; country: string; continent: string; region: string; city: string; asn: string; asOrg: string };
  hasIso: (e: EcsEvent) => boolean;
  hasAsn: (e: EcsEvent) => boolean;
}>;

/** What enrichment reads and checks on every event (see fieldReader). */
const READ = {
  sourceIp: fieldReader('source.ip'), destinationIp: fieldReader('destination.ip'), filePath: fieldReader('file.path'),
  question: fieldReader('dns.question.name'), destinationDomain: fieldReader('destination.domain'),
};
const HAS = {
  direction: fieldPresence('network.direction'), fileDirectory: fieldPresence('file.directory'),
  questionDomain: fieldPresence('dns.question.registered_domain'), destinationDomain: fieldPresence('destination.registered_domain'),
};

function addGeo(event: EcsEvent, flat: boolean, side: (typeof SIDES)[number], info: GeoInfo): void {
  const { names: f, hasIso, hasAsn } = GEO[side];
  if (hasIso(event)) return;
  if (info.country_iso_code) put(event, flat, f.iso, info.country_iso_code);
  if (info.country_name) put(event, flat, f.country, info.country_name);
  if (info.continent_name) put(event, flat, f.continent, info.continent_name);
  // Only from a city database (GeoIp.open's `database`); the bundled one has no region or city.
  if (info.region_name) put(event, flat, f.region, info.region_name);
  if (info.city_name) put(event, flat, f.city, info.city_name);
  if (info.asn !== undefined && !hasAsn(event)) {
    put(event, flat, f.asn, info.asn);
    if (info.as_org) put(event, flat, f.asOrg, info.as_org);
  }
}

function addRegisteredDomains(event: EcsEvent, flat: boolean, domains: MemoCache<string | undefined>): void {
  const question = stringOf(READ.question(event));
  if (question !== undefined) {
    const rd = domains.get(question);
    if (rd && !HAS.questionDomain(event)) put(event, flat, 'dns.question.registered_domain', rd);
  }
  const name = stringOf(READ.destinationDomain(event)) ?? question;
  const rd = name === undefined ? undefined : domains.get(name);
  if (rd && !HAS.destinationDomain(event)) put(event, flat, 'destination.registered_domain', rd);
}

function hasDottedKey(event: EcsEvent): boolean {
  for (const key in event) if (key.includes('.')) return true;
  return false;
}
