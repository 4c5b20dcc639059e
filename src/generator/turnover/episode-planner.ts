// Plans the org-wide novelties one at a time: who starts using which new port or first reaches which country.
import type { Host } from '../organisation.js';
import type { Rng } from '../random.js';
import { countryTld, FOREIGN_SITE_WORDS, NEW_COUNTRIES, PORT_SERVICES, type PortService } from './catalogues.js';
import type { TurnoverEpisode } from './episode.js';
import type { NewcomerIpSource } from './newcomer-ips.js';
import type { NovelDestination } from './novel-flow.js';
import { SECOND_USER_SHARE } from './rates.js';

/** Office half hours (08:30–17:00) in which people start something new. */
export function officeSlot(rng: Rng): number {
  return rng.int(17, 34);
}

export function humanBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/** Holds what was introduced so far, so that later episodes either bring something new or reuse an earlier one. */
export class EpisodePlanner {
  private readonly portOrder: PortService[];
  private readonly countryOrder: string[];
  private readonly introducedPorts: Array<{ service: PortService; destination: NovelDestination }> = [];
  private readonly introducedCountries: string[] = [];
  private readonly ids = new Set<string>();

  constructor(readonly rng: Rng, private readonly hosts: readonly Host[], readonly ips: NewcomerIpSource) {
    this.portOrder = rng.shuffle(PORT_SERVICES);
    this.countryOrder = rng.shuffle(NEW_COUNTRIES);
  }

  pickHost(): Host {
    return this.rng.pick(this.hosts);
  }

  /** `base`, or `base-2`, `base-3`… when taken: label ids must be unique. */
  uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /** The next country nobody reached before, or undefined when the catalogue is used up. */
  nextNewCountry(): string | undefined {
    const country = this.countryOrder.shift();
    if (country) this.introducedCountries.push(country);
    return country;
  }

  /** A user starts using a service on a non-standard port (often one nobody used before). */
  portEpisode(day: number): TurnoverEpisode {
    const rng = this.rng;
    const reuse = this.introducedPorts.length > 0 && (rng.chance(SECOND_USER_SHARE) || this.portOrder.length === 0);
    let chosen = reuse ? rng.pick(this.introducedPorts) : undefined;
    if (!chosen) {
      const service = this.portOrder.shift()!;
      const destination = { ip: this.ips.take(service.country), port: service.port, country: service.country, process: service.process, domain: service.domain };
      chosen = { service, destination };
      this.introducedPorts.push(chosen);
    }
    const { service, destination } = chosen;
    const host = this.pickHost();
    const slots = rng.int(1, 3);
    let sent = 0;
    for (let i = 0; i < slots; i++) sent += rng.logNormal(service.medianSentBytes, 0.7);
    return {
      id: this.uniqueId(`new-port-${service.port}-${host.name}`),
      description: `${host.name} starts using ${service.service} on port ${service.port} (${service.domain}): ${humanBytes(sent)} in its first hours${service.recurChance > 0.4 ? ', then most weekdays' : ''}`,
      host, day, firstSlot: officeSlot(rng), slots, destination, firstDaySentBytes: sent, receivedRatio: service.receivedRatio,
      recurChance: service.recurChance, recurMedianSentBytes: service.medianSentBytes,
    };
  }

  /** A user reaches a site in a country nobody in the organisation used before (or a second user goes there). */
  countryEpisode(day: number): TurnoverEpisode | undefined {
    const rng = this.rng;
    const reuse = this.introducedCountries.length > 0 && (rng.chance(SECOND_USER_SHARE) || this.countryOrder.length === 0);
    const country = reuse ? rng.pick(this.introducedCountries) : this.nextNewCountry();
    if (!country) return undefined;
    const host = this.pickHost();
    // A vendor's server is used again now and then; a travel or news site usually not.
    const vendor = rng.chance(0.25);
    const word = rng.pick(FOREIGN_SITE_WORDS);
    const destination: NovelDestination = {
      ip: this.ips.take(country), port: rng.chance(0.85) ? 443 : 80, country, process: rng.pick(['chrome.exe', 'msedge.exe']),
      domain: `${vendor ? 'portal' : 'www'}.${word}${rng.pick(['online', 'group', 'direct', '24', 'hub'])}.${countryTld(country)}`,
    };
    const slots = rng.int(1, 3);
    let sent = 0;
    for (let i = 0; i < slots; i++) sent += rng.logNormal(120_000, 0.9);
    return {
      id: this.uniqueId(`new-country-${country}-${host.name}`),
      description: `${host.name} visits ${destination.domain} in ${country}${reuse ? '' : ', a country nobody in the organisation reached before'}: ${humanBytes(sent)} sent`,
      host, day, firstSlot: officeSlot(rng), slots, destination, firstDaySentBytes: sent, receivedRatio: 8,
      recurChance: vendor ? 0.3 : 0, recurMedianSentBytes: 80_000,
    };
  }
}
