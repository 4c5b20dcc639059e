import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines, type ParseConfig } from '../../src/sources/parse-lines.js';
import { eventsFromBatch } from '../../src/sources/projected-batch.js';
import { plain } from '../support/plain-event.js';

const KEEP = ['@timestamp', 'destination.ip', 'process.args', 'process.command_line', 'dns.question.name', 'source.bytes'];

/** Lines with every kind of value a batch encodes: plain and non-ASCII strings, numbers, arrays, nested arrays, null. */
const LINES = [
  '{"@timestamp":"2026-10-01T00:00:00Z","destination":{"ip":"1.2.3.4"},"process":{"args":["rclone","copy","x:"],"command_line":"rclone copy x:"},"source":{"bytes":10}}',
  '{"@timestamp":"2026-10-01T00:00:01Z","destination":{"ip":"5.6.7.8"},"process":{"args":["ü","copy",2,null]},"dns":{"question":{"name":"é.example"}},"source":{"bytes":20}}',
  '{"@timestamp":"2026-10-01T00:00:02Z","destination":{"ip":null},"process":{"args":["a",["nested",2],{"o":1}],"command_line":"' + 'a'.repeat(300) + '"},"source":{"bytes":30}}',
];

function batch() {
  const cfg: ParseConfig = { timeField: '@timestamp', numericFields: ['source.bytes'], keepFields: KEEP, maxLineBytes: 1 << 20, output: 'batch' };
  const block = parseLines(Buffer.from(LINES.join('\n') + '\n'), cfg);
  assert.ok(block.batch);
  return block.batch;
}

test('events with a side note are built with the side fields only; the others are unchanged', () => {
  const full = eventsFromBatch(batch());
  // Verdicts for four judged lines (as if the second line had been unwanted): wanted, unwanted, side-noted, wanted.
  const verdicts = Int32Array.from([-1, 5, -2 - 3, -1]);
  const got = eventsFromBatch(batch(), { verdicts, fields: ['@timestamp', 'destination.ip', 'source.bytes'] });
  assert.equal(got.length, 3);
  assert.deepEqual(got[0], full[0]);
  assert.deepEqual(plain(got[1]), { '@timestamp': '2026-10-01T00:00:01Z', 'destination.ip': '5.6.7.8', 'source.bytes': 20 },
    'an array (with a non-ASCII string inside) and a non-ASCII string are skipped without shifting what is read');
  assert.deepEqual(got[2], full[2], 'the event after a side-noted one is read from the right place');
});
