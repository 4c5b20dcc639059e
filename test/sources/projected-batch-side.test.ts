import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsEvent } from '../../src/ecs/index.js';
import { eventsFromBatch, ProjectedBatchWriter } from '../../src/sources/projected-batch.js';

const FIELDS = ['@timestamp', 'destination.ip', 'process.args', 'process.command_line', 'dns.question.name', 'source.bytes'];

/** Events with every kind of value the batch encodes: plain and non-ASCII strings, numbers, arrays, null, absent. */
const EVENTS: EcsEvent[] = [
  { '@timestamp': '2026-10-01T00:00:00Z', 'destination.ip': '1.2.3.4', 'process.args': ['rclone', 'copy', 'x:'], 'process.command_line': 'rclone copy x:', 'source.bytes': 10 },
  { '@timestamp': '2026-10-01T00:00:01Z', 'destination.ip': '5.6.7.8', 'process.args': ['ü', ['nested', 2]], 'dns.question.name': 'é.example', 'source.bytes': 20 },
  { '@timestamp': '2026-10-01T00:00:02Z', 'destination.ip': null, 'process.command_line': 'a'.repeat(300), 'source.bytes': 30 },
];

function batchOf(events: EcsEvent[]) {
  const writer = new ProjectedBatchWriter(FIELDS, 4096);
  for (const e of events) writer.addEvent(Object.fromEntries(FIELDS.map((f) => [f, e[f]])));
  return writer.finish();
}

test('events with a side note are built with the side fields only; the others are unchanged', () => {
  const batch = batchOf(EVENTS);
  const full = eventsFromBatch(batchOf(EVENTS));
  // Verdicts for four judged lines: wanted, unwanted (not in the batch), side-noted, wanted.
  const verdicts = Int32Array.from([-1, 5, -2 - 3, -1]);
  const side = ['@timestamp', 'destination.ip', 'source.bytes'];
  const got = eventsFromBatch(batch, { verdicts, fields: side });
  assert.equal(got.length, 3);
  assert.deepEqual(got[0], full[0]);
  assert.deepEqual(got[1], { '@timestamp': '2026-10-01T00:00:01Z', 'destination.ip': '5.6.7.8', 'source.bytes': 20 },
    'the values skipped before and after (arrays, non-ASCII strings) do not shift what is read');
  assert.deepEqual(got[2], full[2], 'the event after a side-noted one is read from the right place');
});
