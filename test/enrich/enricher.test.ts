/** Enrichment of nested and projected (flat) events, never overwriting what the log already says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getField, type EcsEvent } from '../../src/ecs/index.js';
import { GeoIp, createEnricher, parseInternalNetworks, registeredDomain, fileDirectory } from '../../src/enrich/index.js';
import { projectFlat } from '../../src/sources/event-fields.js';

const internal = parseInternalNetworks(undefined, 'test');
const enricher = createEnricher({ geo: GeoIp.open(), internal });

test('a nested egress flow gets destination geo/AS, direction, registered domain', () => {
  const event: EcsEvent = { source: { ip: '10.0.0.5' }, destination: { ip: '8.8.8.8', domain: 'dns.google' } };
  enricher.enrich(event);
  assert.deepEqual((event.destination as EcsEvent).geo, { country_iso_code: 'US', country_name: 'United States', continent_name: 'North America' });
  assert.equal(getField(event, 'destination.as.number'), 15169);
  assert.match(String(getField(event, 'destination.as.organization.name')), /Google/);
  assert.equal(getField(event, 'source.geo'), undefined, 'internal source: no geo');
  assert.equal(getField(event, 'network.direction'), 'egress');
  assert.equal(getField(event, 'destination.registered_domain'), 'dns.google');
});

test('a projected flat event is enriched with flat dotted keys', () => {
  const event: EcsEvent = { '@timestamp': 1, 'source.ip': '1.1.1.1', 'destination.ip': '192.168.1.20', 'file.path': 'C:\\Users\\bob\\secret.zip' };
  enricher.enrich(event);
  assert.equal(event['source.geo.country_iso_code'], 'AU');
  assert.equal(event['network.direction'], 'ingress');
  assert.equal(event['file.directory'], 'C:\\Users\\bob');
  assert.equal(event.source, undefined, 'no nested object added');
});

test('fields already present are kept as they are', () => {
  const event: EcsEvent = {
    source: { ip: '10.0.0.5' },
    destination: { ip: '8.8.8.8', geo: { country_iso_code: 'FR' }, registered_domain: 'mine.example' },
    network: { direction: 'outbound' },
    dns: { question: { name: 'a.b.example.co.uk.' } },
  };
  enricher.enrich(event);
  assert.equal(getField(event, 'destination.geo.country_iso_code'), 'FR');
  assert.equal(getField(event, 'destination.geo.country_name'), undefined);
  assert.equal(getField(event, 'network.direction'), 'outbound');
  assert.equal(getField(event, 'destination.registered_domain'), 'mine.example');
  assert.equal(getField(event, 'dns.question.registered_domain'), 'example.co.uk');
});

test('direction covers internal and external pairs; no direction without two addresses', () => {
  const dir = (src: string, dst: string): unknown => {
    const e: EcsEvent = { source: { ip: src }, destination: { ip: dst } };
    enricher.enrich(e);
    return getField(e, 'network.direction');
  };
  assert.equal(dir('10.0.0.1', '10.0.0.2'), 'internal');
  assert.equal(dir('8.8.8.8', '1.1.1.1'), 'external');
  assert.equal(dir('fd00::1', '2001:4860:4860::8888'), 'egress');
  const lone: EcsEvent = { source: { ip: '10.0.0.1' } };
  enricher.enrich(lone);
  assert.equal(getField(lone, 'network.direction'), undefined);
  const withoutGeo = createEnricher({ internal });
  const e: EcsEvent = { source: { ip: '10.0.0.1' }, destination: { ip: '8.8.8.8' } };
  withoutGeo.enrich(e);
  assert.equal(getField(e, 'destination.geo'), undefined);
  assert.equal(getField(e, 'network.direction'), 'egress');
});

test('registered domain: two labels, three under common second-level suffixes', () => {
  assert.equal(registeredDomain('www.example.com'), 'example.com');
  assert.equal(registeredDomain('a.b.c.Example.COM.'), 'example.com');
  assert.equal(registeredDomain('files.example.co.uk'), 'example.co.uk');
  assert.equal(registeredDomain('shop.example.com.au'), 'example.com.au');
  assert.equal(registeredDomain('example.com'), 'example.com');
  assert.equal(registeredDomain('co.uk'), undefined);
  assert.equal(registeredDomain('localhost'), undefined);
  assert.equal(registeredDomain('10.0.0.1'), undefined);
  assert.equal(registeredDomain(''), undefined);
});

test('file directory of POSIX and Windows paths', () => {
  assert.equal(fileDirectory('/etc/passwd'), '/etc');
  assert.equal(fileDirectory('/x'), '/');
  assert.equal(fileDirectory('C:\\x.txt'), 'C:\\');
  assert.equal(fileDirectory('\\\\server\\share\\f.doc'), '\\\\server\\share');
  assert.equal(fileDirectory('plain.txt'), undefined);
});

test('an event projected to the fields enrichment reads, plus any it writes, is enriched as the whole event is', () => {
  // Logs that carry some of their own geo/AS data: what they hold must survive the projection and enrichment.
  const events: EcsEvent[] = [
    { source: { ip: '10.0.0.5' }, destination: { ip: '8.8.8.8', as: { number: 64500, organization: { name: 'Own AS' } } } },
    { source: { ip: '10.0.0.5' }, destination: { ip: '8.8.8.8', geo: { country_iso_code: 'FR', country_name: 'France' } } },
    { source: { ip: '1.1.1.1', as: { number: 13335 } }, destination: { ip: '10.1.2.3', domain: 'host.corp.example.com' }, network: { direction: 'inbound' } },
    { dns: { question: { name: 'x.y.example.org', registered_domain: 'own.example' } }, file: { path: '/tmp/a/b.txt', directory: '/own' } },
  ];
  for (const raw of events) {
    const whole = structuredClone(raw);
    enricher.enrich(whole);
    // A reader keeps what enrichment reads plus what detection reads, which may be any one field enrichment writes.
    for (const f of enricher.fieldsWritten) {
      const projected = projectFlat(structuredClone(raw), [...new Set([...enricher.fieldsRead, f])]);
      enricher.enrich(projected);
      assert.deepEqual(projected[f], getField(whole, f), `${f} of ${JSON.stringify(raw)}`);
    }
  }
});
