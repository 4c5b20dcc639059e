import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSeconds } from '../../src/anomaly/explain/format.js';
import { DAY, HOUR, jobDef, latestRecords, newJob, rng, run, T0 } from './helpers.js';

/** One RDP session document of Elastic's RDP transform, from `source` to dc-01. */
function session(source: string, t: number, seconds: number): Record<string, unknown> {
  return { '@timestamp': t, session: { start_time: t, duration: seconds }, source: { ip: source }, destination: { ip: '10.10.0.2' } };
}

/** A 6-hour job of `fn` over session durations per client address, as the LMD RDP jobs are. */
function rdpDurationJob(fn: 'high_mean' | 'high_varp') {
  return newJob(jobDef({
    job_id: `rdp_${fn}`,
    analysis_config: { bucket_span: '6h', detectors: [{ function: fn, field_name: 'session.duration', partition_field_name: 'source.ip' }], influencers: ['source.ip'] },
    data_description: { time_field: 'session.start_time', time_format: 'epoch_ms' },
  }));
}

test('durations in seconds read as hours, minutes or seconds', () => {
  assert.equal(formatSeconds(39_600), '11 h');
  assert.equal(formatSeconds(1_650), '28 min');
  assert.equal(formatSeconds(150), '2.5 min');
  assert.equal(formatSeconds(45), '45 s');
  assert.equal(formatSeconds(5_400), '1.5 h');
});

test('an admin who RDPs once a day for two weeks, then stays 11 hours: the record says so in hours and minutes', () => {
  const random = rng(3);
  const events: Array<Record<string, unknown>> = [];
  for (let d = 0; d < 14; d++) events.push(session('10.20.0.7', T0 + d * DAY + 10 * HOUR + Math.floor(random() * HOUR), 1200 + 1200 * random()));
  events.push(session('10.20.0.7', T0 + 14 * DAY + 10 * HOUR + 5 * 60_000, 39_600));
  const records = latestRecords(run(rdpDurationJob('high_mean'), events).records);
  const long = records.find((r) => r.timestamp === T0 + 14 * DAY + 6 * HOUR);
  assert.ok(long, `the 11-hour session is reported; records: ${records.map((r) => r.timestamp).join(', ')}`);
  assert.ok(long.record_score >= 75, `record_score ${long.record_score}`);
  assert.match(long.explanation, /^source IP 10\.20\.0\.7: mean of session duration was 11 h in the 6h from 06:00 UTC; [\d.]+ min is typical — \d+× the usual\.$/);
});

test('a variance of session durations is explained as their spread, in hours and minutes', () => {
  const random = rng(4);
  const events: Array<Record<string, unknown>> = [];
  for (let d = 0; d < 14; d++) {
    const t = T0 + d * DAY + 9 * HOUR;
    events.push(session('10.20.0.8', t, 1200 + 600 * random()), session('10.20.0.8', t + HOUR, 1500 + 900 * random()));
  }
  events.push(session('10.20.0.8', T0 + 14 * DAY + 7 * HOUR, 39_600), session('10.20.0.8', T0 + 14 * DAY + 8 * HOUR, 1_800));
  const records = latestRecords(run(rdpDurationJob('high_varp'), events).records);
  const spread = records.find((r) => r.timestamp === T0 + 14 * DAY + 6 * HOUR);
  assert.ok(spread, 'the bucket with the 11-hour session is reported');
  assert.match(spread.explanation, /^source IP 10\.20\.0\.8: the session durations varied by ±5\.\d h \(standard deviation\) in the 6h from 06:00 UTC; ±[\d.]+ min is typical\.$/);
});
