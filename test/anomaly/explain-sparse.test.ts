// Explanations of mostly-empty series: what the host usually does instead of "0 is typical", and no "N× the usual" over nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJobDocument } from '../../src/anomaly/config/module-loader.js';
import { explainRecord, type ExplanationInput } from '../../src/anomaly/explain/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 9, 1);
const MB = 1024 ** 2;
const GB = 1024 ** 3;

function input(detector: Record<string, unknown>, bucketSpan: string, over: Partial<ExplanationInput>): ExplanationInput {
  const [def] = parseJobDocument({
    job_id: 'sparse_job', data_description: { time_field: '@timestamp', time_format: 'epoch_ms' },
    analysis_config: { bucket_span: bucketSpan, detectors: [detector] },
  }, 'inline.json');
  return {
    jobId: def.id, def: def.detectors[0], timeField: def.timeField, bucketStartMs: T0 + 10 * HOUR, bucketSpanMs: def.bucketSpanMs,
    partition: '', by: null, over: null, actual: [0], typical: [0], upper: 0, lower: 0, historyMs: 30 * DAY, influencers: [], ...over,
  };
}

const creations = { function: 'high_count', by_field_name: 'event.action', partition_field_name: 'host.name' };
const fileWrites = { function: 'high_sum', field_name: 'file.size', partition_field_name: 'host.name' };
const sentBytes = { function: 'high_sum', field_name: 'source.bytes', partition_field_name: 'host.name' };

test('a sparse count says the host is usually quiet instead of "0 is typical"', () => {
  const quiet = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [3], typical: [0], upper: 0 });
  assert.equal(explainRecord(quiet), 'web-01 saw 3 creation events in the hour from 10:00 UTC; it usually sees none at this hour.');
});

test('a sparse count quotes its upper bound as whole events, and how far above it this bucket is', () => {
  // The 95% upper bound of 4.7 events allows at most 4 whole events.
  const bounded = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [30], typical: [0], upper: 4.7 });
  assert.equal(explainRecord(bounded), 'web-01 saw 30 creation events in the hour from 10:00 UTC; it usually sees none at this hour, and rarely more than 4 — 7.5× that.');
  // An upper bound under one event is no figure to quote.
  const underOne = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [40], typical: [0], upper: 0.98 });
  assert.equal(explainRecord(underOne), 'web-01 saw 40 creation events in the hour from 10:00 UTC; it usually sees none at this hour.');
});

test('longer buckets say "at this time of day" rather than "at this hour"', () => {
  const threeHours = input(creations, '3h', { partition: 'web-01', by: 'creation', bucketStartMs: T0 + 9 * HOUR, actual: [12], typical: [0], upper: 0 });
  assert.equal(explainRecord(threeHours), 'web-01 saw 12 creation events in the 3h from 09:00 UTC; it usually sees none at this time of day.');
});

test('a sparse byte sum says the host usually writes nothing, with its upper bound in human units', () => {
  const usb = input(fileWrites, '1h', { partition: 'ws-042', bucketStartMs: T0 + 12 * HOUR, actual: [7.5 * GB], typical: [0], upper: 40 * MB });
  assert.equal(explainRecord(usb), 'ws-042 wrote 7.5 GB to files in the hour from 12:00 UTC; it writes nothing in most hours, and rarely more than 40 MB — 192× that.');
  const noBound = input(sentBytes, '3h', { partition: 'ws-042', bucketStartMs: T0 + 3 * HOUR, actual: [900 * MB], typical: [0], upper: 0 });
  assert.equal(explainRecord(noBound), 'ws-042 sent 900 MB in the 3h from 03:00 UTC; it sends nothing in most 3-hour periods.');
});

test('a series silent for days reads "the first activity in N days" when the caller knows its last activity', () => {
  const silent = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [3], typical: [0], upper: 0, lastActiveMs: T0 + 10 * HOUR - 12 * DAY });
  assert.equal(explainRecord(silent), 'web-01 saw 3 creation events in the hour from 10:00 UTC; the first activity in 12 days.');
  const never = input(fileWrites, '1h', { partition: 'ws-042', actual: [2 * GB], typical: [0], upper: 0, lastActiveMs: null, historyMs: 20 * DAY });
  assert.equal(explainRecord(never), 'ws-042 wrote 2 GB to files in the hour from 10:00 UTC; the first activity in 20 days.');
  // Active yesterday at this time: a gap under a day says less than the usual pattern, which is kept.
  const recent = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [3], typical: [0], upper: 0, lastActiveMs: T0 + 10 * HOUR - 5 * HOUR });
  assert.equal(explainRecord(recent), 'web-01 saw 3 creation events in the hour from 10:00 UTC; it usually sees none at this hour.');
});

test('no "N× the usual" when the usual is under one event or one byte', () => {
  const tiny = input(creations, '1h', { partition: 'web-01', by: 'creation', actual: [30], typical: [0.7], upper: 3 });
  assert.equal(explainRecord(tiny), 'web-01 saw 30 creation events in the hour from 10:00 UTC; 0.7 is typical for this time.');
  const distinct = input({ function: 'high_distinct_count', field_name: 'destination.ip', partition_field_name: 'source.ip' }, '6h',
    { partition: '10.0.4.7', bucketStartMs: T0, actual: [40], typical: [0.3] });
  assert.equal(explainRecord(distinct), 'source IP 10.0.4.7 had 40 distinct destination IPs in the 6h from 00:00 UTC; 0.3 is typical.');
  const meanWrite = input({ function: 'high_mean', field_name: 'file.size', partition_field_name: 'host.name' }, '1h', { partition: 'ws-042', actual: [5 * MB], typical: [0.4] });
  assert.equal(explainRecord(meanWrite), 'host ws-042: mean of bytes written was 5 MB in the hour from 10:00 UTC; 0 B is typical.');
});

test('busy series keep the plain typical value and ratio', () => {
  const busy = input(creations, '1h', { partition: 'fs-01', by: 'creation', bucketStartMs: T0 + 14 * HOUR, actual: [2480], typical: [45], upper: 80 });
  assert.equal(explainRecord(busy), 'fs-01 saw 2,480 creation events in the hour from 14:00 UTC; 45 is typical for this time — 55× the usual.');
  const dip = input(creations, '1h', { partition: 'fs-01', by: 'creation', actual: [2], typical: [45], upper: 80 });
  assert.equal(explainRecord(dip), 'fs-01 saw only 2 creation events in the hour from 10:00 UTC; 45 is typical for this time.');
});

test('population counts do not describe the population\'s usual as this member\'s habit', () => {
  const port = input({ function: 'high_count', over_field_name: 'destination.port' }, '1h', { over: '4444', actual: [50], typical: [0], upper: 2 });
  assert.equal(explainRecord(port), 'destination port 4444 saw 50 events in the hour from 10:00 UTC; 0 is typical for this time.');
});
