// Hands out public IPs that no earlier traffic used, each geolocating (DB-IP) to the requested country.
import { isReservedV4, lookupCountry, lookupCountryNetwork } from '../country-locator.js';
import { Rng } from '../random.js';

// A hit in a DB-IP network yields this many addresses from the same network: CDN and cloud endpoints cluster in a
// provider's ranges, and it spares scanning (a country holding 0.2% of the space costs ~500 lookups per hit).
const ADDRESSES_PER_NETWORK = 8;
// Bounded like the country locator: a changed database can never hang the generator.
const MAX_CANDIDATES_PER_TAKE = 2_000_000;

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * Never-seen destination IPs per country. Each country has its own seeded stream, so asking for one country never
 * changes the addresses another gets; with the same seed, exclusions and call order the answers are identical.
 */
export class NewcomerIpSource {
  private readonly used: Set<string>;
  private readonly streams = new Map<string, Rng>();
  private readonly pending = new Map<string, string[]>();

  /** `excluded`: addresses that are (or may later be) used elsewhere, e.g. the whole IP pool including attackers'. */
  constructor(private readonly seed: number, excluded: Iterable<string>) {
    this.used = new Set(excluded);
  }

  /** A public IP in `country` that neither the exclusions nor an earlier `take` returned. */
  take(country: string): string {
    const queue = this.pending.get(country) ?? [];
    this.pending.set(country, queue);
    while (queue.length > 0) {
      const ip = queue.shift()!;
      if (!this.used.has(ip)) return this.claim(ip);
    }
    const rng = this.stream(country);
    for (let i = 0; i < MAX_CANDIDATES_PER_TAKE; i++) {
      const a = rng.int(1, 223);
      const b = rng.int(0, 255);
      const c = rng.int(0, 255);
      if (isReservedV4(a, b, c)) continue;
      const ip = `${a}.${b}.${c}.${rng.int(1, 254)}`;
      const hit = lookupCountryNetwork(ip);
      if (!hit || hit.country !== country || this.used.has(ip)) continue;
      queue.push(...this.neighbours(rng, ip, hit.prefixLength, country));
      return this.claim(ip);
    }
    throw new Error(`newcomer-ips: no unused IP found in ${country} in DB-IP`);
  }

  private claim(ip: string): string {
    this.used.add(ip);
    return ip;
  }

  private stream(country: string): Rng {
    let rng = this.streams.get(country);
    if (!rng) {
      rng = new Rng(this.seed, 'newcomer-ip', country);
      this.streams.set(country, rng);
    }
    return rng;
  }

  /** Further addresses from the DB-IP network `ip` lies in (same country by construction, checked anyway). */
  private neighbours(rng: Rng, ip: string, prefixLength: number, country: string): string[] {
    const size = 2 ** (32 - Math.min(32, Math.max(8, prefixLength)));
    if (size < 16) return [];
    const base = ipToInt(ip) - (ipToInt(ip) % size);
    const out = new Set<string>();
    for (let i = 0; i < ADDRESSES_PER_NETWORK * 2 && out.size < ADDRESSES_PER_NETWORK - 1; i++) {
      const candidate = base + rng.int(1, size - 2);
      const last = candidate & 255;
      if (last === 0 || last === 255) continue;
      const text = intToIp(candidate);
      if (text !== ip && !this.used.has(text) && lookupCountry(text) === country) out.add(text);
    }
    return [...out];
  }
}
