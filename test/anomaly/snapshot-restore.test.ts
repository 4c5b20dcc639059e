import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnomalyJob } from '../../src/anomaly/index.js';
import { jobDef } from './helpers.js';
import { dedFlows } from './ded-traffic.js';
import { runSnapshotEquivalence } from './snapshot-equivalence.js';

const callbacks = { onBadValue() {} };
import { IP_JOB, populationTraffic } from './population-traffic.js';

const MIXED_JOB = {
  job_id: 'mixed',
  analysis_config: {
    bucket_span: '3h',
    detectors: [
      { function: 'high_sum', field_name: 'source.bytes', over_field_name: 'destination.port' },
      { function: 'high_count', partition_field_name: 'host.name' },
      { function: 'time_of_day', partition_field_name: 'host.name' },
      { function: 'high_distinct_count', field_name: 'destination.ip', partition_field_name: 'host.name' },
      { function: 'median', field_name: 'source.bytes', partition_field_name: 'host.name' },
    ],
    influencers: ['host.name', 'process.name', 'destination.ip'],
  },
};

/** The same job plus a rare detector (its exactness depends on the maths RarityModel snapshot). */
const MIXED_WITH_RARE = {
  ...MIXED_JOB,
  job_id: 'mixed_rare',
  analysis_config: {
    ...MIXED_JOB.analysis_config,
    detectors: [...MIXED_JOB.analysis_config.detectors, { function: 'rare', by_field_name: 'process.name', partition_field_name: 'host.name' }],
  },
};


function checkEquivalence(job: Record<string, unknown>, events = dedFlows({ days: 6 })): void {
  const { reference, resumed, uninterrupted, restored } = runSnapshotEquivalence(jobDef(job), events);
  assert.ok(reference.length > 10, 'the tail produced results');
  assert.ok(reference.join('').includes('"result_type":"record"'), 'records are part of the comparison');
  assert.equal(resumed.length, reference.length);
  for (let i = 0; i < reference.length; i++) assert.equal(resumed[i], reference[i], `batch ${i} differs`);
  assert.deepEqual(restored.stats(), uninterrupted.stats());
}

test('a job snapshotted mid-stream and restored produces byte-identical results', () => {
  checkEquivalence(MIXED_JOB);
});

test('snapshot/restore is byte-identical with a rare detector too', () => {
  checkEquivalence(MIXED_WITH_RARE);
});

test('a snapshot of another job is refused', () => {
  const def = jobDef(MIXED_JOB);
  const other = jobDef({ ...MIXED_JOB, job_id: 'other' });
  const state = AnomalyJob.create(def, callbacks).snapshot();
  assert.throws(() => AnomalyJob.restore(other, state, callbacks), /not usable/);
  assert.throws(() => AnomalyJob.restore(def, { nonsense: true }, callbacks), /not usable/);
});

test('snapshot/restore is byte-identical for population newcomer and own-history models', () => {
  // Newcomers arrive every 3h from day 2, the backup target and the heavy member are established by the cut.
  checkEquivalence(IP_JOB, populationTraffic({ days: 9, backup: true, heavy: true, newcomers: true }));
});
