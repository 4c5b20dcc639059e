import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatCount, formatDuration, recordId, bucketId, influencerId } from '../../src/anomaly/index.js';
import { javaStringHash } from '../../src/anomaly/results/ids.js';
import { explainRecord, type ExplanationInput } from '../../src/anomaly/explain/index.js';
import { jobDef, HOUR, T0 } from './helpers.js';

test('document ids follow Elasticsearch (Java hashCode, Objects.hash)', () => {
  assert.equal(javaStringHash('hello'), 99162322);
  assert.equal(javaStringHash(''), 0);
  assert.equal(javaStringHash('a much longer string that overflows int'), -582552141); // checked with Java
  // Objects.hash(null, "4444", null) = 31·(31·31 + "4444".hashCode())
  assert.equal(recordId('ded_port', 1792724400000, 10800, 0, undefined, '4444', undefined), 'ded_port_record_1792724400000_10800_0_49653599_4');
  assert.equal(bucketId('j', 3600000, 3600), 'j_bucket_3600000_3600');
  assert.equal(influencerId('j', 3600000, 3600, 'host.name', 'hello'), 'j_influencer_3600000_3600_host.name_99162322_5');
});

test('human units: bytes, counts, durations', () => {
  assert.equal(formatBytes(3 * 1024 ** 3), '3 GB');
  assert.equal(formatBytes(3.1 * 1024 ** 3), '3.1 GB');
  assert.equal(formatBytes(2.1 * 1024 ** 2), '2.1 MB');
  assert.equal(formatBytes(450 * 1024), '450 KB');
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1023.97 * 1024), '1 MB');
  assert.equal(formatCount(2480), '2,480');
  assert.equal(formatCount(12.46), '12.5');
  assert.equal(formatCount(0.254), '0.25');
  assert.equal(formatDuration(3 * HOUR), '3 hours');
  assert.equal(formatDuration(HOUR), 'an hour');
  assert.equal(formatDuration(15 * 60_000), '15 minutes');
  assert.equal(formatDuration(28 * 24 * HOUR + 5 * HOUR), '28 days');
});

function input(job: Record<string, unknown>, over: Partial<ExplanationInput>): ExplanationInput {
  const def = jobDef(job);
  return {
    jobId: def.id, def: def.detectors[0], timeField: def.timeField, bucketStartMs: T0 + 14 * HOUR, bucketSpanMs: def.bucketSpanMs,
    partition: '', by: null, over: null, actual: [0], typical: [0], upper: 0, lower: 0, historyMs: 0, influencers: [], ...over,
  };
}

test('explanations read as one plain sentence per detector family', () => {
  const count = input({ analysis_config: { bucket_span: '1h', detectors: [{ function: 'high_count', by_field_name: 'event.action', partition_field_name: 'host.name' }] } },
    { partition: 'fs-01', by: 'creation', actual: [2480], typical: [45] });
  assert.equal(explainRecord(count), 'fs-01 saw 2,480 creation events in the hour from 14:00 UTC; 45 is typical for this time — 55× the usual.');

  const usb = input({ analysis_config: { bucket_span: '1h', detectors: [{ function: 'high_sum', field_name: 'file.size', partition_field_name: 'host.name' }] } },
    { partition: 'ws-042', actual: [8 * 1024 ** 3], typical: [20 * 1024 ** 2], influencers: [{ influencer_field_name: 'process.name', influencer_field_values: ['robocopy.exe'] }] });
  assert.equal(explainRecord(usb), 'ws-042 (process robocopy.exe) wrote 8 GB to files in the hour from 14:00 UTC; 20 MB is typical — 410× the usual.');

  const rdp = input({
    analysis_config: { bucket_span: '6h', detectors: [{ function: 'time_of_day', partition_field_name: 'source.ip' }] },
    data_description: { time_field: 'session.start_time' },
  }, { partition: '10.0.4.7', bucketStartMs: T0, actual: [3 * 3600 + 12 * 60], typical: [13 * 3600], lower: 8 * 3600, upper: 18 * 3600 });
  assert.equal(explainRecord(rdp), 'Session from 10.0.4.7 started at 03:12 UTC; sessions from this source normally start 08:00–18:00.');

  const dc = input({ analysis_config: { bucket_span: '6h', detectors: [{ function: 'high_distinct_count', field_name: 'destination.ip', partition_field_name: 'source.ip' }] } },
    { partition: '10.0.4.7', bucketStartMs: T0, actual: [40], typical: [2] });
  assert.equal(explainRecord(dc), 'source IP 10.0.4.7 had 40 distinct destination IPs in the 6h from 00:00 UTC; 2 is typical — 20× the usual.');

  const ext = input({ job_id: 'lmd_rare_file_extension_remote_transfer', analysis_config: { bucket_span: '15m', detectors: [{ function: 'rare', by_field_name: 'file.extension', partition_field_name: 'host.name' }] } },
    { partition: 'fs-01', by: 'vbs', actual: [1], typical: [0], historyMs: 20 * 24 * HOUR, rarity: { firstOccurrence: true, relativeRarity: 100, bucketsWithCategory: 0, observations: 400 } });
  assert.equal(explainRecord(ext), 'a .vbs file was transferred remotely to fs-01 for the first time in 20 days of history.');
});

test('weekly times name the day once when the usual range is within one day', () => {
  const tow = input({ analysis_config: { bucket_span: '6h', detectors: [{ function: 'time_of_week', partition_field_name: 'source.ip' }] }, data_description: { time_field: 'session.start_time' } },
    { partition: '10.0.4.7', actual: [6 * 86_400 + 3 * 3600 + 12 * 60], typical: [6 * 86_400 + 11 * 3600], lower: 6 * 86_400 + 8 * 3600, upper: 6 * 86_400 + 12 * 3600 });
  assert.equal(explainRecord(tow), 'Session from 10.0.4.7 started at Wednesday 03:12 UTC; sessions from this source normally start Wednesday 08:00–12:00.');
});

test('population explanations say which view judged the destination', () => {
  const job = { analysis_config: { bucket_span: '3h', detectors: [{ function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.port' }] } };
  const at = T0 + 21 * HOUR;
  const base = { over: '4444', bucketStartMs: at, actual: [5 * 1024 ** 3], typical: [30 * 1024], upper: 40 * 1024, influencers: [{ influencer_field_name: 'host.name', influencer_field_values: ['ws-041'] }] };
  assert.equal(explainRecord({ ...input(job, base), view: { kind: 'newcomer', firstSeenMs: at - 3 * HOUR, newcomerBucket: 2 } }),
    'ws-041 sent 5 GB to destination port 4444 in the 3h from 21:00 UTC; this destination port first received data 3 hours earlier, and new destination ports typically receive under 40 KB per 3 hours while they are new — 174,763× the usual.');
  assert.equal(explainRecord({ ...input(job, { ...base, typical: [1024 ** 3], upper: 2 * 1024 ** 3 }), view: { kind: 'population', newcomer: { firstSeenMs: at, newcomerBucket: 1 } } }),
    'ws-041 sent 5 GB to destination port 4444 in the 3h from 21:00 UTC; this destination port never received data before; destination ports normally receive under 2 GB in 3 hours — 5× the usual.');
  const own = { typical: 2.5 * 1024 ** 3, lower: 2 * 1024 ** 3, upper: 3 * 1024 ** 3, seasonal: true, p: 1e-6 };
  assert.equal(explainRecord({ ...input(job, { ...base, over: '443', actual: [25 * 1024 ** 3] }), view: { kind: 'established', population: { typical: 1024 ** 2, upper: 12 * 1024 ** 2, p: 1e-9 }, own } }),
    'ws-041 sent 25 GB to destination port 443 in the 3h from 21:00 UTC; destination ports normally receive under 12 MB in 3 hours, and this is unusual for this destination port too: it normally receives 2–3 GB at this time of day — 10× its usual.');
});
