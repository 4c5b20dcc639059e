// Hands out distinct public IPs per country (each geolocating there in DB-IP) to providers and scenarios.
import { findIpsByCountry } from './country-locator.js';
import { ALL_PROVIDERS, ATTACKER_COUNTRIES } from './providers.js';

const IPS_PER_COUNTRY = 40;

export class IpPool {
  private readonly byCountry: Map<string, string[]>;
  private readonly nextIndex = new Map<string, number>();

  constructor(seed: number) {
    const countries = new Set<string>(ATTACKER_COUNTRIES);
    for (const provider of ALL_PROVIDERS) for (const c of provider.countries) countries.add(c);
    this.byCountry = findIpsByCountry(seed, [...countries], IPS_PER_COUNTRY);
  }

  /** Every address the pool holds, handed out or not: IPs that later "never-seen" traffic must not reuse. */
  allAddresses(): Set<string> {
    return new Set([...this.byCountry.values()].flat());
  }

  /** The next unused IP in `country`; every call returns a different address. */
  take(country: string): string {
    const list = this.byCountry.get(country);
    if (!list || list.length === 0) throw new Error(`ip-pool: country ${country} was not scanned`);
    const index = this.nextIndex.get(country) ?? 0;
    if (index >= list.length) throw new Error(`ip-pool: ran out of ${country} IPs (${list.length})`);
    this.nextIndex.set(country, index + 1);
    return list[index];
  }
}
