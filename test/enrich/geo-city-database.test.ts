/**
 * A city database of the user's (`--geoip-db`): region and city names from either MMDB layout, its own country names,
 * the run failing fast on a file that is not an MMDB, and the DED region job getting data it never gets from the
 * bundled country database.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GeoIp, createEnricher, openGeoIp, parseInternalNetworks } from '../../src/enrich/index.js';
import { ConfigError } from '../../src/errors.js';
import { replay } from '../../src/engine/replay.js';
import { writeMmdb } from '../support/mmdb-writer.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('geo-city');
/** GeoIP2 layout (GeoLite2-City, DB-IP City Lite) for 8.8.8.0/24, the flat @ip-location-db layout for 1.1.1.0/24. */
const CITY_DB = join(dir, 'city.mmdb');
writeFileSync(CITY_DB, writeMmdb([
  {
    cidr: '8.8.8.0/24',
    data: {
      continent: { code: 'NA', names: { en: 'North America' } },
      country: { iso_code: 'US', names: { en: 'United States' } },
      subdivisions: [{ iso_code: 'CA', names: { en: 'California' } }],
      city: { names: { en: 'Mountain View' } },
      location: { latitude: 37.4, longitude: -122.1 },
    },
  },
  { cidr: '1.1.1.0/24', data: { country_code: 'AU', state1: 'New South Wales', city: 'Sydney' } },
  { cidr: '203.0.113.0/24', data: { country: { iso_code: 'NL', names: { en: 'Netherlands (test name)' } } } },
], { ipVersion: 4, databaseType: 'Test-City' }));

const city = GeoIp.open({ database: CITY_DB });

test('a GeoIP2-layout record gives country, continent, region and city names from the database, and ASN from the bundled ranges', () => {
  const info = city.lookup('8.8.8.8');
  assert.equal(info?.country_iso_code, 'US');
  assert.equal(info?.country_name, 'United States');
  assert.equal(info?.continent_name, 'North America');
  assert.equal(info?.region_name, 'California');
  assert.equal(info?.city_name, 'Mountain View');
  assert.equal(info?.asn, 15169);
});

test('a flat @ip-location-db record gives region and city; names the record lacks come from the country code', () => {
  const info = city.lookup('1.1.1.1');
  assert.equal(info?.region_name, 'New South Wales');
  assert.equal(info?.city_name, 'Sydney');
  assert.equal(info?.country_name, 'Australia');
  assert.equal(info?.continent_name, 'Oceania');
  const nl = city.lookup('203.0.113.9');
  assert.equal(nl, undefined, 'a documentation range is not public: no lookup at all');
});

test("the database's own country name wins, and a country-only record adds no region or city", () => {
  const other = GeoIp.open({ database: writeTemp('nl.mmdb', writeMmdb([{ cidr: '9.9.9.0/24', data: { country: { iso_code: 'NL', names: { en: 'Nederland' } } } }], { ipVersion: 4 })) });
  const info = other.lookup('9.9.9.9');
  assert.equal(info?.country_name, 'Nederland');
  assert.equal(info?.continent_name, 'Europe');
  assert.equal(info?.region_name, undefined);
  assert.equal(info?.city_name, undefined);
});

test('an IPv6 address in an IPv4-only database gets its AS data and no place', () => {
  const info = city.lookup('2001:4860:4860::8888');
  assert.equal(info?.country_iso_code, undefined);
  assert.equal(info?.asn, 15169);
});

test('the attribution names the user database; the bundled one names DB-IP', () => {
  assert.match(city.attribution, /Test-City/);
  assert.match(GeoIp.open().attribution, /DB-IP/);
});

test('enrichment adds region and city names on both sides when the database has them', () => {
  const enricher = createEnricher({ geo: city, internal: parseInternalNetworks(undefined, 'test') });
  const event = { 'source.ip': '1.1.1.1', 'destination.ip': '8.8.8.8' } as Record<string, unknown>;
  enricher.enrich(event as never);
  assert.equal(event['destination.geo.region_name'], 'California');
  assert.equal(event['destination.geo.city_name'], 'Mountain View');
  assert.equal(event['source.geo.region_name'], 'New South Wales');
  assert.equal(event['source.geo.city_name'], 'Sydney');
});

test('a file that is not an MMDB, a missing file, and --geoip-db with --no-geo fail fast naming the option', () => {
  const junk = writeTemp('junk.mmdb', Buffer.from('not a database'));
  for (const [geo, file] of [[true, junk], [true, join(dir, 'missing.mmdb')], [false, CITY_DB]] as const) {
    assert.throws(() => openGeoIp(geo, file), (err: unknown) => err instanceof ConfigError && err.key === '--geoip-db' && err.message.includes(file), `${file}, geo ${geo}`);
  }
});

test("with a city database the DED region job models the destination regions; with the bundled one it has no data", async (t) => {
  const ded = resolve('..', 'shared', 'fixtures', 'elastic', 'ml_module', 'ded-ml.json');
  if (!existsSync(ded)) return t.skip(`${ded} is absent (../shared is not next to this checkout)`);
  const events = [];
  const start = Date.parse('2026-10-01T00:00:00Z');
  // Ten days of outbound flows from one workstation to two public addresses in two regions.
  for (let h = 0; h < 240; h++) {
    for (const [ip, bytes] of [['8.8.8.8', 5_000], ['1.1.1.1', 3_000]] as const) {
      events.push({
        '@timestamp': new Date(start + h * 3_600_000).toISOString(),
        event: { category: ['network'], type: ['connection'] },
        host: { name: 'ws-001', os: { family: 'windows' } },
        process: { name: 'chrome.exe' },
        source: { ip: '10.0.0.5', bytes: bytes + h },
        destination: { ip, port: 443 },
        network: { direction: 'egress', transport: 'tcp' },
      });
    }
  }
  const input = join(dir, 'flows.ndjson');
  writeFileSync(input, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const regionSeries = async (geoDatabase: string | undefined, name: string) => {
    const summary = await replay({
      inputs: [input], content: [ded], builtin: false, db: join(dir, `${name}.db`), latencyMs: 60_000, geo: true, geoDatabase, progress: false,
      deadLetter: join(dir, `${name}-dead.ndjson`),
    });
    return { series: summary.jobs.find((j) => j.jobId === 'ded_high_sent_bytes_destination_region_name')?.seriesModelled, source: summary.geoSource };
  };
  const bundled = await regionSeries(undefined, 'bundled');
  assert.equal(bundled.series, 0);
  assert.match(bundled.source ?? '', /DB-IP/, 'the summary credits the bundled data');
  const city = await regionSeries(CITY_DB, 'city');
  // California and New South Wales as persons of the population, each with its own history, and their pooled model.
  assert.equal(city.series, 5);
  assert.match(city.source ?? '', /Test-City/, 'the summary names the database used');
});

function writeTemp(name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
