/** The dead-letter file and summary: bounded excerpts, readable binary, counts without a file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeadLetter } from '../../src/sources/index.js';
import { tmpDir } from './tmp-files.js';

test('records are NDJSON with reason, file, line, detail and a raw excerpt cut to 2 KiB', async () => {
  const path = join(tmpDir(), 'dl.ndjson');
  const dl = new DeadLetter(path);
  dl.report('invalid_json', { file: 'a.ndjson', line: 3 }, Buffer.from('{"x":' + 'é'.repeat(3000)), 'Unexpected end');
  dl.report('binary_data', { file: 'b.log', line: 9 }, Buffer.from([0x00, 0x41, 0xff]));
  dl.report('empty_file', { file: 'c.json', line: 0 });
  await dl.close();
  const recs = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(recs.length, 3);
  assert.deepEqual([recs[0].reason, recs[0].file, recs[0].line, recs[0].detail], ['invalid_json', 'a.ndjson', 3, 'Unexpected end']);
  assert.ok(Buffer.byteLength(recs[0].raw) <= 2048 && recs[0].raw.startsWith('{"x":éé'), 'cut on a character boundary');
  assert.equal(recs[1].raw, '\\x00A\\xff');
  assert.deepEqual(recs[2], { reason: 'empty_file', file: 'c.json', line: 0 });
});

test('without a path only counts are kept, with the first 20 examples', () => {
  const dl = new DeadLetter();
  for (let i = 1; i <= 50; i++) dl.report(i % 2 ? 'invalid_json' : 'missing_timestamp', { file: 'f', line: i });
  assert.equal(dl.total(), 50);
  assert.deepEqual(dl.counts(), { invalid_json: 25, missing_timestamp: 25 });
  assert.equal(dl.examples().length, 20);
  assert.deepEqual(dl.examples()[0], { reason: 'invalid_json', origin: { file: 'f', line: 1 } });
});
