/** Every kind of bad input is dead-lettered with its exact reason, file and line, and the run goes on. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { getField } from '../../src/ecs/index.js';
import { collect, ecsLine, tmpDir } from './tmp-files.js';

test('each bad line is reported with reason, file and line; good lines still flow', async () => {
  const dir = tmpDir();
  const file = join(dir, 'mixed.ndjson');
  const lines: Array<string | Buffer> = [
    ecsLine(1, { n: 1 }), // 1 ok
    '{"@timestamp":"2024-01-01T00:00:02Z","source":{"ip":', // 2 truncated
    '42', // 3 not an object
    '{"source":{"ip":"10.0.0.1"}}', // 4 no time
    '{"@timestamp":"last tuesday"}', // 5 bad time
    '', // 6 blank: skipped silently
    Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x7b, 0x80, 0x00]), // 7 binary garbage
    ecsLine(8, { source: { bytes: 'lots' }, n: 8 }), // 8 bad number: field removed, event kept
    '   ', // 9 whitespace only: blank
    'not json at all', // 10
    ecsLine(11, { n: 11 }), // 11 ok
  ];
  writeFileSync(file, Buffer.concat(lines.map((l) => Buffer.concat([Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')]))));
  const got = await collect([file], { numericFields: ['source.bytes'] });

  assert.deepEqual(
    got.records.map((r) => [r.reason, r.file, r.line]),
    [
      ['invalid_json', file, 2],
      ['not_an_object', file, 3],
      ['missing_timestamp', file, 4],
      ['invalid_timestamp', file, 5],
      ['binary_data', file, 7],
      ['not_a_number:source.bytes', file, 8],
      ['invalid_json', file, 10],
    ],
  );
  assert.deepEqual(got.events.map((e) => [e.origin.line, getField(e.event, 'n')]), [[1, 1], [8, 8], [11, 11]]);
  assert.equal(getField(got.events[1].event, 'source.bytes'), undefined, 'the bad value is removed');
  assert.equal(got.deadLetter.total(), 7);
  assert.equal(got.deadLetter.counts().invalid_json, 2);
  // Binary bytes are shown escaped, not as replacement characters.
  assert.match(got.records[4].raw ?? '', /\\x00\\x01\\xff\\xfe\{\\x80\\x00/);
});

test('a 10 MB line is skipped as line_too_long without stopping the file', async () => {
  const dir = tmpDir();
  const file = join(dir, 'long.ndjson');
  const huge = '{"@timestamp":"2024-01-01T00:00:00Z","blob":"' + 'x'.repeat(10 * 1024 * 1024) + '"}';
  writeFileSync(file, [ecsLine(1), huge, ecsLine(3)].join('\n') + '\n');
  const got = await collect([file]);
  assert.deepEqual(got.records.map((r) => [r.reason, r.line]), [['line_too_long', 2]]);
  assert.ok((got.records[0].raw ?? '').length <= 2048, 'only the head of the line is kept');
  assert.deepEqual(got.events.map((e) => e.origin.line), [1, 3]);
});

test('a long line inside one read chunk and at the end of a file without newline are both skipped', async () => {
  const dir = tmpDir();
  const file = join(dir, 'long2.ndjson');
  writeFileSync(file, [ecsLine(1), '{"a":"' + 'y'.repeat(3000) + '"}', ecsLine(3), '{"b":"' + 'z'.repeat(5000)].join('\n'));
  const got = await collect([file], { maxLineBytes: 1000 });
  assert.deepEqual(got.records.map((r) => [r.reason, r.line]), [['line_too_long', 2], ['line_too_long', 4]]);
  assert.deepEqual(got.events.map((e) => e.origin.line), [1, 3]);
});

test('an empty file is reported once as empty_file at line 0', async () => {
  const dir = tmpDir();
  const empty = join(dir, 'empty.ndjson');
  const blanks = join(dir, 'blanks.ndjson');
  writeFileSync(empty, '');
  writeFileSync(blanks, '\n\r\n  \n');
  const got = await collect([empty, blanks]);
  assert.deepEqual(
    got.records.map((r) => [r.reason, r.file, r.line]).sort(),
    [['empty_file', blanks, 0], ['empty_file', empty, 0]],
  );
  assert.equal(got.events.length, 0);
});

test('an unreadable .gz is reported once as gzip_error and the other files are still read', async () => {
  const dir = tmpDir();
  const notGzip = join(dir, 'a.ndjson.gz');
  const truncated = join(dir, 'b.ndjson.gz');
  const fine = join(dir, 'c.ndjson');
  writeFileSync(notGzip, 'this is not gzip at all\n'.repeat(100));
  const lines = Array.from({ length: 5000 }, (_, i) => ecsLine(i)).join('\n') + '\n';
  const gz = gzipSync(lines);
  writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
  writeFileSync(fine, ecsLine(7) + '\n');
  const got = await collect([dir]);
  const gzipErrors = got.records.filter((r) => r.reason === 'gzip_error');
  assert.deepEqual(gzipErrors.map((r) => r.file).sort(), [notGzip, truncated]);
  assert.equal(gzipErrors.find((r) => r.file === notGzip)?.line, 1);
  const fromTruncated = got.events.filter((e) => e.origin.file === truncated);
  assert.ok(fromTruncated.length > 0 && fromTruncated.length < 5000, 'lines before the damage are kept');
  // The error is located right after the last whole line that could be read.
  assert.equal(gzipErrors.find((r) => r.file === truncated)?.line, fromTruncated.length + 1);
  assert.equal(got.events.filter((e) => e.origin.file === fine).length, 1);
  assert.equal(got.records.length, 2, 'nothing else is reported');
});
