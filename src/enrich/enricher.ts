/**
 * Adds what detections need and logs often lack: geo and AS data for public source/destination addresses,
 * `network.direction`, `destination.registered_domain` (and `dns.question.registered_domain`), `file.directory`.
 * Never overwrites a field the event already has.
 */
import { getString, hasField, setField, type EcsEvent, type EcsValue } from '../ecs/index.js';
import type { GeoIp } from './geo-ip.js';
import type { InternalNetworks } from './internal-networks.js';
import { parseIp } from './ip-address.js';
import { nonPublicRanges } from './special-ranges.js';
import { fileDirectory, networkDirection } from './derived-fields.js';
import { registeredDomain } from './registered-domain.js';

export interface Enricher {
  enrich(event: EcsEvent): void;
  /** Every field this enricher may add. */
  fieldsWritten: string[];
  /** Every field it reads: keep these in a projection (`keepFields`) so enrichment still works. */
  fieldsRead: string[];
}

const SIDES = ['source', 'destination'] as const;

export function createEnricher(opts: { geo?: GeoIp; internal: InternalNetworks }): Enricher {
  const { geo, internal } = opts;
  const geoFields = geo
    ? SIDES.flatMap((s) => [`${s}.geo.country_iso_code`, `${s}.geo.country_name`, `${s}.geo.continent_name`, `${s}.as.number`, `${s}.as.organization.name`])
    : [];
  return {
    fieldsWritten: [...geoFields, 'network.direction', 'destination.registered_domain', 'dns.question.registered_domain', 'file.directory'],
    fieldsRead: ['source.ip', 'destination.ip', 'source.geo.country_iso_code', 'destination.geo.country_iso_code', 'network.direction', 'destination.domain', 'dns.question.name', 'dns.question.registered_domain', 'destination.registered_domain', 'file.path', 'file.directory'],
    enrich(event: EcsEvent): void {
      // Projected events are flat objects with dotted keys; keep them flat so getField stays a direct hit.
      const flat = 'source.ip' in event || 'destination.ip' in event || hasDottedKey(event);
      const put = flat
        ? (path: string, value: EcsValue) => {
            event[path] = value;
          }
        : (path: string, value: EcsValue) => setField(event, path, value);
      const sourceIp = getString(event, 'source.ip');
      const destinationIp = getString(event, 'destination.ip');
      if (geo) {
        addGeo(geo, internal, event, 'source', sourceIp, put);
        addGeo(geo, internal, event, 'destination', destinationIp, put);
      }
      if (sourceIp !== undefined && destinationIp !== undefined && !hasField(event, 'network.direction')) {
        if (parseIp(sourceIp) && parseIp(destinationIp)) put('network.direction', networkDirection(internal.contains(sourceIp), internal.contains(destinationIp)));
      }
      addRegisteredDomains(event, put);
      if (!hasField(event, 'file.directory')) {
        const path = getString(event, 'file.path');
        const dir = path === undefined ? undefined : fileDirectory(path);
        if (dir !== undefined) put('file.directory', dir);
      }
    },
  };
}

function addGeo(
  geo: GeoIp,
  internal: InternalNetworks,
  event: EcsEvent,
  side: (typeof SIDES)[number],
  ip: string | undefined,
  put: (path: string, value: EcsValue) => void,
): void {
  if (ip === undefined || hasField(event, `${side}.geo.country_iso_code`)) return;
  const parsed = parseIp(ip);
  if (!parsed || internal.contains(ip) || nonPublicRanges.containsParsed(parsed)) return;
  const info = geo.lookup(ip);
  if (!info) return;
  if (info.country_iso_code) put(`${side}.geo.country_iso_code`, info.country_iso_code);
  if (info.country_name) put(`${side}.geo.country_name`, info.country_name);
  if (info.continent_name) put(`${side}.geo.continent_name`, info.continent_name);
  if (info.asn !== undefined && !hasField(event, `${side}.as.number`)) {
    put(`${side}.as.number`, info.asn);
    if (info.as_org) put(`${side}.as.organization.name`, info.as_org);
  }
}

function addRegisteredDomains(event: EcsEvent, put: (path: string, value: EcsValue) => void): void {
  const question = getString(event, 'dns.question.name');
  if (question !== undefined && !hasField(event, 'dns.question.registered_domain')) {
    const rd = registeredDomain(question);
    if (rd) put('dns.question.registered_domain', rd);
  }
  if (!hasField(event, 'destination.registered_domain')) {
    const name = getString(event, 'destination.domain') ?? question;
    const rd = name === undefined ? undefined : registeredDomain(name);
    if (rd) put('destination.registered_domain', rd);
  }
}

function hasDottedKey(event: EcsEvent): boolean {
  for (const key in event) if (key.includes('.')) return true;
  return false;
}
