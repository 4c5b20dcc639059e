/** `exists` on projected events looks only at the keys that can be below a path; it must answer as a full scan does. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declareAddedFlatKeys, FLAT_PROJECTION, hasField, fieldPresence, type EcsEvent, type EcsValue } from '../../src/ecs/index.js';
import { flatEventBuilderFor } from '../../src/sources/flat-event-builder.js';
import { seededRandom } from '../support/seeded-random.js';

const FIELDS = ['@timestamp', 'destination.ip', 'destination.port', 'process.args', 'process.parent.name', 'dns.question.name', 'source.ip'];
const ADDED = ['destination.geo.country_iso_code', 'destination.as.number', 'network.direction', 'dns.question.registered_domain', 'file_directory'];
const PATHS = ['destination', 'destination.geo', 'destination.as', 'process', 'process.parent', 'process.args', 'dns', 'dns.question',
  'network', 'network.direction', 'source', 'file_directory', 'file', 'nothing', 'destination.ip', '@timestamp'];

test('exists on a projected event, with keys added after it was built, answers as a scan of its keys does', () => {
  declareAddedFlatKeys(ADDED);
  const rnd = seededRandom(77);
  const builder = flatEventBuilderFor(FIELDS);
  const values: Array<EcsValue | undefined> = [undefined, null, [null, null], 'x', ['x', null], 0, ''];
  const pick = () => values[Math.floor(rnd() * values.length)];
  for (let n = 0; n < 2000; n++) {
    const event = builder.build(FIELDS.map(pick));
    for (const key of ADDED) if (rnd() < 0.3) event[key] = pick() as EcsValue;
    assert.ok((event as { [FLAT_PROJECTION]?: unknown })[FLAT_PROJECTION], 'built events carry their projection');
    // The same fields without the projection: hasField scans every key.
    const scanned = Object.fromEntries(Object.entries(event)) as EcsEvent;
    for (const path of PATHS) {
      assert.equal(hasField(event, path), hasField(scanned, path), `${path} in ${JSON.stringify(event)}`);
      assert.equal(fieldPresence(path)(event), hasField(scanned, path), `${path} (compiled) in ${JSON.stringify(event)}`);
    }
  }
});

test('the projection is invisible to JSON and key listing, and kept by a spread copy', () => {
  const event = flatEventBuilderFor(['a.b', 'c'])!.build(['x', undefined]);
  assert.equal(JSON.stringify(event), '{"a.b":"x"}');
  assert.deepEqual(Object.keys(event), ['a.b', 'c']);
  const copy = { ...event, 'a.d': 1 };
  declareAddedFlatKeys(['a.d']);
  assert.equal(hasField({ ...event, 'a.b': undefined } as EcsEvent, 'a'), false);
  assert.equal(hasField(copy as EcsEvent, 'a'), true);
  assert.equal(hasField({ ...event, 'a.b': undefined, 'a.d': 2 } as EcsEvent, 'a'), true, 'a declared added key is seen');
});
