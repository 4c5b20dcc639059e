/** Judging events where they are parsed: unwanted events still arrive in order, as time, line and note only. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopParserWorkers, UNWANTED_EVENT, type EventInterestRef } from '../../src/sources/index.js';
import { collect, ecsLine, tmpDir } from './tmp-files.js';
import { plain as fieldsOf } from '../support/plain-event.js';

after(() => stopParserWorkers());

const judgeRef: EventInterestRef = { module: new URL('./every-nth-judge.ts', import.meta.url).href, options: { every: 3 } };

function writeFlows(dir: string): string {
  const lines = Array.from({ length: 500 }, (_, i) => ecsLine(i, { seq: i, source: { ip: '10.0.0.1', bytes: i } }));
  lines.splice(10, 0, '{not json'); // a bad line keeps its own line number in the dead letter
  const file = join(dir, 'flows.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

for (const workers of [0, 2]) {
  test(`with ${workers} parser threads, unwanted events arrive as time, line and note, wanted ones unchanged (with a side note when only some want them)`, async () => {
    const file = writeFlows(tmpDir());
    const opts = { keepFields: ['seq', 'source.ip', 'source.bytes'], numericFields: ['source.bytes'], workers, batchBytes: 4096 };
    const plain = await collect([file], opts);
    const judged = await collect([file], { ...opts, interest: judgeRef });
    assert.equal(judged.events.length, plain.events.length);
    assert.deepEqual(judged.events.map((e) => [e.time, e.origin.line]), plain.events.map((e) => [e.time, e.origin.line]));
    for (let i = 0; i < plain.events.length; i++) {
      const seq = plain.events[i].event['seq'] as number;
      const got = judged.events[i];
      if (seq % 3 === 0) {
        assert.equal(got.touch, undefined);
        assert.equal(got.sideNote, undefined);
        assert.deepEqual(got.event, plain.events[i].event, 'a wanted event is delivered exactly as parsed, without what the judge added');
      } else if (seq % 3 === 1) {
        assert.equal(got.touch, undefined);
        assert.equal(got.sideNote, seq % 7, 'an event wanted by some only carries the note for the others');
        assert.deepEqual(got.event, plain.events[i].event);
      } else {
        assert.equal(got.touch, seq % 7);
        assert.equal(got.event, UNWANTED_EVENT);
      }
    }
    assert.deepEqual(judged.records.map((r) => [r.reason, r.line]), [['invalid_json', 11]]);
  });
}

test('whole documents (no projection) are never judged', async () => {
  const file = writeFlows(tmpDir());
  const got = await collect([file], { interest: judgeRef, workers: 0 });
  assert.equal(got.events.length, 500);
  assert.ok(got.events.every((e) => e.touch === undefined && e.event['judged'] === undefined));
});

test('with parser threads and side fields, events only some want arrive with the side fields only, the others whole', async () => {
  const file = writeFlows(tmpDir());
  const opts = { keepFields: ['seq', 'source.ip', 'source.bytes'], numericFields: ['source.bytes'], workers: 2, batchBytes: 4096 };
  const plain = await collect([file], opts);
  const judged = await collect([file], { ...opts, interest: judgeRef, sideFields: ['@timestamp', 'source.bytes'] });
  assert.equal(judged.events.length, plain.events.length);
  let sideNoted = 0;
  for (let i = 0; i < plain.events.length; i++) {
    const whole = plain.events[i].event;
    const got = judged.events[i];
    if (got.sideNote !== undefined) {
      sideNoted++;
      assert.deepEqual(fieldsOf(got.event), { '@timestamp': whole['@timestamp'], 'source.bytes': whole['source.bytes'] });
    } else if (got.touch === undefined) {
      assert.deepEqual(got.event, whole);
    }
  }
  assert.ok(sideNoted > 100, `${sideNoted} side-noted events`);
});
