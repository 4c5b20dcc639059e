/** Offline geolocation of well-known public addresses; private and reserved addresses get nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GeoIp } from '../../src/enrich/index.js';

const geo = GeoIp.open();

test('8.8.8.8 is in the US (Google), 1.1.1.1 in Australia (Cloudflare)', () => {
  const google = geo.lookup('8.8.8.8');
  assert.equal(google?.country_iso_code, 'US');
  assert.equal(google?.country_name, 'United States');
  assert.equal(google?.continent_name, 'North America');
  assert.equal(google?.asn, 15169);
  assert.match(google?.as_org ?? '', /Google/);
  const cloudflare = geo.lookup('1.1.1.1');
  assert.equal(cloudflare?.country_iso_code, 'AU');
  assert.equal(cloudflare?.continent_name, 'Oceania');
  assert.equal(cloudflare?.asn, 13335);
  assert.equal(geo.lookup('1.1.1.1'), cloudflare, 'repeat lookups come from the cache');
});

test('IPv6 and IPv4-mapped IPv6 addresses are looked up', () => {
  assert.equal(geo.lookup('::ffff:8.8.8.8')?.country_iso_code, 'US');
  const v6 = geo.lookup('2001:4860:4860::8888');
  assert.ok(v6?.country_iso_code, 'a country for Google DNS over IPv6');
  assert.equal(v6?.asn, 15169);
});

test('private, reserved and malformed addresses give no geo data', () => {
  for (const ip of ['10.0.0.1', '192.168.1.1', '127.0.0.1', '224.0.0.251', '255.255.255.255', 'fd00::1', 'fe80::1', '', 'example.com', '999.1.1.1']) {
    assert.equal(geo.lookup(ip), undefined, ip);
  }
  assert.equal(geo.lookup('8.8.8.8')?.region_name, undefined, 'region/city are not in the country database');
  assert.match(geo.attribution, /DB-IP/);
});
