import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { HOUR, T0, jobDef, newJob } from './helpers.js';

/** Feeds events into one open bucket and returns the first detector's feature values per series. */
function features(detector: Record<string, unknown>, events: Array<Record<string, unknown>>, bad: Array<[string, unknown]> = []) {
  const job = newJob(jobDef({ analysis_config: { bucket_span: '1h', detectors: [detector], influencers: ['host.name'] } }), bad);
  for (const e of events) job.ingest({ '@timestamp': T0 + 60_000, ...e });
  return Object.fromEntries(job.peekBucket(T0)[0].map((s) => [[s.partition, s.by, s.over].filter((x) => x !== null && x !== '').join('/') || '*', s.features]));
}

const values = (field: string, xs: unknown[], extra: Record<string, unknown> = {}) => xs.map((x) => ({ [field]: x, ...extra }));

test('sum, mean, min, max, median and varp of a numeric field', () => {
  const xs = [4, 1, 7, 2, 10, 6];
  assert.deepEqual(features({ function: 'high_sum', field_name: 'b' }, values('b', xs)), { '*': [30] });
  assert.deepEqual(features({ function: 'mean', field_name: 'b' }, values('b', xs)), { '*': [5] });
  assert.deepEqual(features({ function: 'min', field_name: 'b' }, values('b', xs)), { '*': [1] });
  assert.deepEqual(features({ function: 'max', field_name: 'b' }, values('b', xs)), { '*': [10] });
  assert.deepEqual(features({ function: 'median', field_name: 'b' }, values('b', xs)), { '*': [5] });
  assert.deepEqual(features({ function: 'median', field_name: 'b' }, values('b', [3, 9, 1])), { '*': [3] });
  const [varp] = features({ function: 'high_varp', field_name: 'b' }, values('b', xs))['*']!;
  assert.ok(Math.abs(varp - 56 / 6) < 1e-12, `population variance 9.333, got ${varp}`);
  assert.deepEqual(features({ function: 'metric', field_name: 'b' }, values('b', xs)), { '*': [5, 1, 10] });
});

test('counts per by value and partition; missing by value ignored unless use_null', () => {
  const ev = [
    { host: { name: 'fs-01' }, event: { action: 'creation' } },
    { host: { name: 'fs-01' }, event: { action: 'creation' } },
    { host: { name: 'fs-01' }, event: { action: 'deletion' } },
    { host: { name: 'fs-02' }, event: { action: 'creation' } },
    { host: { name: 'fs-02' } },
  ];
  assert.deepEqual(features({ function: 'high_count', by_field_name: 'event.action', partition_field_name: 'host.name' }, ev),
    { 'fs-01/creation': [2], 'fs-01/deletion': [1], 'fs-02/creation': [1] });
  assert.deepEqual(features({ function: 'count', by_field_name: 'event.action', use_null: true }, ev),
    { creation: [3], deletion: [1], '*': [1] });
  assert.deepEqual(features({ function: 'count', partition_field_name: 'user.name' }, ev), { '*': [5] }, 'missing partition → "" partition');
});

test('distinct_count and info_content of string values', () => {
  const ips = values('source.ip', ['10.0.0.1', '10.0.0.2', '10.0.0.1', '10.0.0.3']);
  assert.deepEqual(features({ function: 'high_distinct_count', field_name: 'source.ip' }, ips), { '*': [3] });
  const labels = ['x9f2k', 'a1b2c', 'x9f2k'];
  const expected = deflateRawSync(Buffer.from(['a1b2c', 'x9f2k'].join(''))).length;
  assert.deepEqual(features({ function: 'high_info_content', field_name: 'dns.question.subdomain' }, values('dns.question.subdomain', labels)), { '*': [expected] });
});

test('time_of_day and time_of_week: mean event time, weeks start Thursday 00:00 UTC', () => {
  const at = (iso: string) => ({ '@timestamp': iso });
  const job = newJob(jobDef({ analysis_config: { bucket_span: '6h', detectors: [{ function: 'time_of_day' }, { function: 'time_of_week' }] } }));
  // 2026-10-06 is a Tuesday: 5 days after Thursday 2026-10-01.
  job.ingest(at('2026-10-06T03:10:00Z'));
  job.ingest(at('2026-10-06T03:14:00Z'));
  const bucket = Date.UTC(2026, 9, 6, 0);
  const [tod, tow] = job.peekBucket(bucket);
  assert.deepEqual(tod[0].features, [3 * 3600 + 12 * 60]);
  assert.deepEqual(tow[0].features, [5 * 86_400 + 3 * 3600 + 12 * 60]);
});

test('population: one value per over value ("person")', () => {
  const flows = [
    { destination: { port: 443 }, source: { bytes: 100 } },
    { destination: { port: 443 }, source: { bytes: 50 } },
    { destination: { port: 4444 }, source: { bytes: 3e9 } },
    { source: { bytes: 7 } },
  ];
  assert.deepEqual(features({ function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.port' }, flows), { 443: [150], 4444: [3e9] });
});

test('non-numeric metric values are counted and reported, never crash', () => {
  const bad: Array<[string, unknown]> = [];
  const f = features({ function: 'high_sum', field_name: 'file.size' }, [{ file: { size: 10 } }, { file: { size: 'lots' } }, { file: { size: '32' } }, { file: {} }], bad);
  assert.deepEqual(f, { '*': [42] }, 'numeric strings are accepted (Elasticsearch coerces them)');
  assert.deepEqual(bad, [['file.size', 'lots']]);
});

test('events without a usable time are reported; events behind the open bucket are out of order', () => {
  const bad: Array<[string, unknown]> = [];
  const job = newJob(jobDef({ analysis_config: { bucket_span: '1h', detectors: [{ function: 'count' }] } }), bad);
  job.ingest({ '@timestamp': 'yesterday' });
  job.ingest({ '@timestamp': T0 + 2 * HOUR });
  job.advanceTo(T0 + 3 * HOUR);
  job.ingest({ '@timestamp': T0 + HOUR });
  const s = job.stats();
  assert.equal(s.invalidValues, 1);
  assert.deepEqual(bad, [['@timestamp', 'yesterday']]);
  assert.equal(s.outOfOrder, 1);
  assert.equal(s.eventsProcessed, 1);
  assert.equal(s.bucketsProcessed, 1);
});

test('a far-future timestamp or a long silence does not close millions of empty buckets', () => {
  const job = newJob(jobDef({ analysis_config: { bucket_span: '15m', detectors: [{ function: 'high_count', partition_field_name: 'host.name' }] } }));
  job.ingest({ '@timestamp': T0, host: { name: 'a' } });
  job.ingest({ '@timestamp': Date.UTC(2099, 0, 1), host: { name: 'a' } });
  const closed = job.flush();
  const s = job.stats();
  assert.ok(s.bucketsProcessed < 5000, `buckets closed ${s.bucketsProcessed}`);
  assert.equal(closed.buckets[closed.buckets.length - 1].timestamp, Date.UTC(2099, 0, 1), 'the late bucket is still analysed');
  assert.equal(closed.buckets[closed.buckets.length - 1].event_count, 1);
  assert.ok(s.pruned >= 1, 'the stale series was pruned');
});
