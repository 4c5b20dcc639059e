// Names and continents of the countries the generator uses, written as ECS destination.geo.* values.

export interface CountryInfo {
  iso: string;
  name: string;
  continent: string;
}

const COUNTRIES: Record<string, Omit<CountryInfo, 'iso'>> = {
  US: { name: 'United States', continent: 'North America' },
  CA: { name: 'Canada', continent: 'North America' },
  IE: { name: 'Ireland', continent: 'Europe' },
  NL: { name: 'Netherlands', continent: 'Europe' },
  DE: { name: 'Germany', continent: 'Europe' },
  GB: { name: 'United Kingdom', continent: 'Europe' },
  FR: { name: 'France', continent: 'Europe' },
  SE: { name: 'Sweden', continent: 'Europe' },
  CH: { name: 'Switzerland', continent: 'Europe' },
  JP: { name: 'Japan', continent: 'Asia' },
  SG: { name: 'Singapore', continent: 'Asia' },
  AU: { name: 'Australia', continent: 'Oceania' },
  RU: { name: 'Russia', continent: 'Europe' },
  BR: { name: 'Brazil', continent: 'South America' },
  // Countries the organisation first reaches during the month (a travel site, a vendor, a partner abroad).
  ES: { name: 'Spain', continent: 'Europe' },
  IT: { name: 'Italy', continent: 'Europe' },
  PT: { name: 'Portugal', continent: 'Europe' },
  PL: { name: 'Poland', continent: 'Europe' },
  AT: { name: 'Austria', continent: 'Europe' },
  BE: { name: 'Belgium', continent: 'Europe' },
  DK: { name: 'Denmark', continent: 'Europe' },
  FI: { name: 'Finland', continent: 'Europe' },
  NO: { name: 'Norway', continent: 'Europe' },
  CZ: { name: 'Czechia', continent: 'Europe' },
  GR: { name: 'Greece', continent: 'Europe' },
  HU: { name: 'Hungary', continent: 'Europe' },
  RO: { name: 'Romania', continent: 'Europe' },
  TR: { name: 'Türkiye', continent: 'Asia' },
  IN: { name: 'India', continent: 'Asia' },
  KR: { name: 'South Korea', continent: 'Asia' },
  TW: { name: 'Taiwan', continent: 'Asia' },
  HK: { name: 'Hong Kong', continent: 'Asia' },
  IL: { name: 'Israel', continent: 'Asia' },
  AE: { name: 'United Arab Emirates', continent: 'Asia' },
  TH: { name: 'Thailand', continent: 'Asia' },
  MY: { name: 'Malaysia', continent: 'Asia' },
  ID: { name: 'Indonesia', continent: 'Asia' },
  VN: { name: 'Vietnam', continent: 'Asia' },
  PH: { name: 'Philippines', continent: 'Asia' },
  MX: { name: 'Mexico', continent: 'North America' },
  AR: { name: 'Argentina', continent: 'South America' },
  CL: { name: 'Chile', continent: 'South America' },
  ZA: { name: 'South Africa', continent: 'Africa' },
  NZ: { name: 'New Zealand', continent: 'Oceania' },
};

export function countryInfo(iso: string): CountryInfo {
  const known = COUNTRIES[iso];
  return known ? { iso, ...known } : { iso, name: iso, continent: 'Unknown' };
}

/** The ECS geo object for a destination in this country. */
export function geoFields(iso: string): { country_iso_code: string; country_name: string; continent_name: string } {
  const info = countryInfo(iso);
  return { country_iso_code: info.iso, country_name: info.name, continent_name: info.continent };
}
