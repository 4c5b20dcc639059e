import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPresence, fieldReader, getField, getNumber, getString, getValues, hasField, setField, parseTimestamp, type EcsEvent, type EcsValue } from '../../src/ecs/index.js';

test('getField reads nested, dotted and mixed documents alike', () => {
  const nested: EcsEvent = { source: { ip: '10.0.0.1', geo: { country_iso_code: 'US' } } };
  const dotted: EcsEvent = { 'source.ip': '10.0.0.1', 'source.geo.country_iso_code': 'US' };
  const mixed: EcsEvent = { source: { ip: '10.0.0.1', 'geo.country_iso_code': 'US' } };
  for (const e of [nested, dotted, mixed]) {
    assert.equal(getField(e, 'source.ip'), '10.0.0.1');
    assert.equal(getField(e, 'source.geo.country_iso_code'), 'US');
    assert.equal(getField(e, 'source.port'), undefined);
  }
});

test('arrays of objects are walked like Elasticsearch does', () => {
  const e: EcsEvent = { process: { parent: [{ name: 'a' }, { name: 'b' }] } };
  assert.deepEqual(getField(e, 'process.parent.name'), ['a', 'b']);
  assert.deepEqual(getValues({ event: { category: ['network', 'file'] } }, 'event.category'), ['network', 'file']);
});

test('getNumber accepts numeric strings and flags non-numeric values as NaN', () => {
  assert.equal(getNumber({ source: { bytes: 42 } }, 'source.bytes'), 42);
  assert.equal(getNumber({ source: { bytes: '42' } }, 'source.bytes'), 42);
  assert.ok(Number.isNaN(getNumber({ source: { bytes: 'abc' } }, 'source.bytes')));
  assert.equal(getNumber({}, 'source.bytes'), undefined);
  assert.equal(getString({ destination: { port: 443 } }, 'destination.port'), '443');
});

test('setField builds nested objects; hasField ignores nulls', () => {
  const e: EcsEvent = {};
  setField(e, 'destination.geo.country_iso_code', 'DE');
  assert.deepEqual(e, { destination: { geo: { country_iso_code: 'DE' } } });
  assert.equal(hasField(e, 'destination.geo'), true);
  assert.equal(hasField({ a: null }, 'a'), false);
  assert.equal(hasField({ a: [null] }, 'a'), false);
});

test('timestamps: ISO-8601, epoch ms, epoch seconds, garbage', () => {
  assert.equal(parseTimestamp('2026-10-01T00:00:00Z'), Date.UTC(2026, 9, 1));
  assert.equal(parseTimestamp(1_700_000_000_000), 1_700_000_000_000);
  assert.equal(parseTimestamp('1700000000000'), 1_700_000_000_000);
  assert.equal(parseTimestamp(1_700_000_000, 'epoch'), 1_700_000_000_000);
  assert.equal(parseTimestamp('yesterday'), undefined);
  assert.equal(parseTimestamp(''), undefined);
  assert.equal(parseTimestamp(null), undefined);
});

test('an object field exists in a flat event when a leaf below it does', () => {
  assert.equal(hasField({ 'destination.port': 443 }, 'destination'), true);
  assert.equal(hasField({ 'destination.port': null }, 'destination'), false);
  assert.equal(hasField({ 'destinationx.port': 1 }, 'destination'), false);
});

test('a compiled field reader and presence test agree with getField and hasField on every shape of event', () => {
  const events: EcsEvent[] = [
    {},
    { 'source.ip': '10.0.0.1', 'source.bytes': 5, 'destination.ip': undefined, 'destination.port': 443 },
    { source: { ip: '10.0.0.2', geo: { country_iso_code: 'SE' } }, destination: null as unknown as EcsValue },
    { source: { 'geo.country_iso_code': 'NO', ip: ['10.0.0.3', null] }, 'source.geo': { city_name: 'Oslo' } },
    { process: [{ args: ['a', 'b'] }, { args: 'c' }, { name: 'x' }], 'process.name': null as unknown as EcsValue },
    { 'dns.question': { name: 'a.example' }, dns: { question: { type: 'A' } } },
    { event: { category: ['network', null] }, 'event.category': undefined, __proto__: { inherited: 1 } } as unknown as EcsEvent,
    { 'a.b.c': 1, a: { 'b.c': 2, b: { c: 3 } } },
    { destination: { ip: null }, 'destination.ip.extra': 7 } as unknown as EcsEvent,
  ];
  const paths = ['source.ip', 'source.bytes', 'source', 'source.geo', 'source.geo.country_iso_code', 'source.geo.city_name',
    'destination', 'destination.ip', 'destination.port', 'process.args', 'process.name', 'process', 'dns.question.name',
    'dns.question', 'event.category', 'a.b.c', 'a.b', 'nothing', 'inherited', 'destination.ip.extra'];
  for (const path of paths) {
    const read = fieldReader(path);
    const present = fieldPresence(path);
    for (const [k, event] of events.entries()) {
      assert.deepEqual(read(event), getField(event, path), `${path} of event ${k}`);
      assert.equal(present(event), hasField(event, path), `${path} exists in event ${k}`);
    }
    assert.equal(fieldReader(path), read, 'readers are shared per path');
  }
});
