/** Events enriched where they are parsed are exactly what the engine's own enrichment would make of them. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildDetection } from '../../src/engine/build-detection.js';
import { eventInterestRef } from '../../src/engine/event-interest.js';
import { SqliteStore } from '../../src/store/index.js';
import { stopParserWorkers } from '../../src/sources/index.js';
import { collect } from '../sources/tmp-files.js';
import { smallOrganisation, tmp } from './replay-helpers.js';

after(() => stopParserWorkers());

test('events enriched by the parser threads equal the engine\'s enrichment of the same events, key order included', async () => {
  const options = { content: [], builtin: true, geo: true };
  const store = SqliteStore.open(join(tmp('enrich'), 'outflow.db'));
  try {
    const detection = buildDetection(options, store, undefined);
    const jobIds = detection.jobs.map((r) => r.job.id);
    const data = await smallOrganisation();
    const read = (enrichLikeEngine: boolean) => collect(data.files, {
      keepFields: detection.keepFields, numericFields: detection.numericFields, sideFields: detection.sideFields, workers: 2,
      interest: eventInterestRef({ ...options, jobIds, enrichLikeEngine }),
    });
    const [shipped, plain] = [await read(true), await read(false)];
    assert.equal(shipped.events.length, plain.events.length);
    let enriched = 0;
    let withGeo = 0;
    for (let i = 0; i < plain.events.length; i++) {
      const a = shipped.events[i]!;
      const b = plain.events[i]!;
      assert.equal(b.enriched, undefined, 'without the option nothing is enriched where it is parsed');
      if (a.touch !== undefined) continue;
      assert.equal(a.enriched, true, `line ${a.origin.line} of ${a.origin.file} was not enriched where it was parsed`);
      detection.enricher.enrich(b.event);
      assert.equal(JSON.stringify(a.event), JSON.stringify(b.event), `${a.origin.file}:${a.origin.line}`);
      enriched++;
      if ('destination.geo.country_iso_code' in a.event) withGeo++;
    }
    assert.ok(enriched > 1000 && withGeo > 100, `${enriched} events enriched, ${withGeo} with geo data`);
  } finally {
    store.close();
  }
});
