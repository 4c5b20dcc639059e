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
