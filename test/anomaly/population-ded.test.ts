import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobDef, newJob, run, latestRecords } from './helpers.js';
import { BURST_BUCKET, DED_PORT_JOB, dedFlows } from './ded-traffic.js';

test('DED: a 3 GB burst to port 4444 scores ≥ 75 and names the host, process and IP; ordinary buckets stay low', () => {
  const job = newJob(jobDef(DED_PORT_JOB));
  const out = run(job, dedFlows());
  const records = latestRecords(out.records);
  const burst = records.find((r) => r.timestamp === BURST_BUCKET && r.over_field_value === '4444');
  assert.ok(burst, `a record for port 4444; got ${records.map((r) => `${r.over_field_value}@${r.timestamp}:${r.record_score.toFixed(1)}`).join(', ')}`);
  assert.ok(burst.record_score >= 75, `record_score ${burst.record_score}`);
  assert.equal(burst.initial_record_score >= 75, true);
  assert.equal(burst.function, 'high_sum');
  assert.equal(burst.over_field_name, 'destination.port');
  assert.equal(burst.field_name, 'source.bytes');
  assert.deepEqual(burst['destination.port'], ['4444']);
  assert.deepEqual(burst['host.name'], ['ws-017']);
  const infl = Object.fromEntries((burst.influencers ?? []).map((i) => [i.influencer_field_name, i.influencer_field_values]));
  assert.deepEqual(infl['host.name'], ['ws-017']);
  assert.deepEqual(infl['process.name'], ['rclone.exe']);
  assert.deepEqual(infl['destination.ip'], ['185.220.101.5']);
  assert.equal(burst.actual?.[0], 3 * 1024 ** 3);
  assert.ok(burst.causes?.length === 1 && burst.causes[0].over_field_value === '4444');
  assert.ok(burst.probability < 1e-4, `p ${burst.probability}`);
  assert.match(burst.explanation, /^ws-017 \(user alice, process rclone\.exe\) sent 3 GB to destination port 4444 in the 3h from 00:00 UTC; this destination port never received data before; destination ports normally receive under .+ in 3 hours — [\d,]+× the usual\.$/);
  assert.ok(out.influencers.some((i) => i.influencer_field_name === 'host.name' && i.influencer_field_value === 'ws-017' && i.timestamp === BURST_BUCKET));
  const bucket = out.buckets.find((b) => b.timestamp === BURST_BUCKET)!;
  assert.ok(bucket.anomaly_score >= 75, `bucket score ${bucket.anomaly_score}`);

  const ordinary = records.filter((r) => r.timestamp !== BURST_BUCKET);
  const worst = Math.max(0, ...ordinary.map((r) => r.record_score));
  assert.ok(worst < 50, `ordinary records stay below 50, worst ${worst}`);
  const noisyBuckets = out.buckets.filter((b) => b.timestamp !== BURST_BUCKET && b.anomaly_score >= 50);
  assert.equal(noisyBuckets.length, 0, `no ordinary bucket ≥ 50: ${noisyBuckets.map((b) => b.anomaly_score).join(', ')}`);
});
