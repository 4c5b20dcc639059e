import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnomalyJob } from '../../src/anomaly/index.js';
import { jobDef } from './helpers.js';
import { dedFlows } from './ded-traffic.js';
import { feed, runSnapshotEquivalence } from './snapshot-equivalence.js';

/** Individual detectors of every key shape: partition only, by only, partition × by, and `metric` (three models). */
const INDIVIDUAL_JOB = {
  job_id: 'individual_shapes',
  analysis_config: {
    bucket_span: '1h',
    detectors: [
      { function: 'high_sum', field_name: 'source.bytes', partition_field_name: 'host.name' },
      { function: 'high_count', by_field_name: 'user.name' },
      { function: 'mean', field_name: 'source.bytes', by_field_name: 'process.name', partition_field_name: 'host.name' },
      { function: 'metric', field_name: 'source.bytes', by_field_name: 'host.name' },
    ],
    influencers: ['host.name', 'process.name'],
  },
};

const callbacks = { onBadValue() {} };

interface SnapshotShape { detectors: Array<{ state: { individual: Array<[string, { p: string; b: string | null; m: unknown[] }]> } }> }

/** Individual series keys as every snapshot before the shared-key change wrote them: partition, by and over, always. */
function withPreviousKeyFormat(snapshot: unknown): unknown {
  const copy = structuredClone(snapshot) as SnapshotShape;
  for (const d of copy.detectors) {
    d.state.individual = d.state.individual.map(([, v]) => [`${v.p}\u0000${v.b ?? '\u0001'}\u0000\u0001`, v]);
  }
  return copy;
}

test('a snapshot in the previous key format restores and continues byte-identically', () => {
  const { reference, resumed, uninterrupted, restored } = runSnapshotEquivalence(jobDef(INDIVIDUAL_JOB), dedFlows({ days: 5 }), withPreviousKeyFormat);
  assert.ok(reference.join('').includes('"result_type":"record"'), 'records are part of the comparison');
  // A series restored under a key the live data no longer uses would be modelled twice and learn from scratch.
  assert.deepEqual(restored.stats(), uninterrupted.stats());
  assert.equal(resumed.length, reference.length);
  for (let i = 0; i < reference.length; i++) assert.equal(resumed[i], reference[i], `batch ${i} differs`);
});

test('snapshots keep one model per feature and epoch-ms times, whatever the in-memory layout', () => {
  const def = jobDef(INDIVIDUAL_JOB);
  const job = AnomalyJob.create(def, callbacks);
  const events = dedFlows({ days: 2 });
  feed(job, events, []);
  job.flush();
  const state = job.snapshot() as { detectors: Array<{ state: { individual: Array<[string, { m: unknown[]; f: number; l: number }]> } }> };
  const modelsPerSeries = state.detectors.map((d) => new Set(d.state.individual.map(([, v]) => v.m.length)));
  assert.deepEqual(modelsPerSeries.map((s) => [...s]), [[1], [1], [1], [3]]);
  const first = events[0]['@timestamp'] as number;
  for (const d of state.detectors) {
    for (const [, v] of d.state.individual) {
      assert.equal(v.f % 3_600_000, 0, 'first seen is a bucket start in ms');
      assert.ok(v.f >= first - 3_600_000 && v.l >= v.f, `times ${v.f}..${v.l}`);
    }
  }
});
