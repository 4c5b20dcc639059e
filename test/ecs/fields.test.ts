import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getField, getNumber, getString, getValues, hasField, setField, parseTimestamp, type EcsEvent } from '../../src/ecs/index.js';

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
