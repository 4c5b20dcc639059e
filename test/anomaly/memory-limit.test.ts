import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOUR, T0, jobDef, newJob, run } from './helpers.js';

const countPerHost = (limit: string | number) => jobDef({
  analysis_config: { bucket_span: '1h', detectors: [{ function: 'high_count', partition_field_name: 'host.name' }] },
  analysis_limits: { model_memory_limit: limit },
});

function hostEvents(hosts: number, hours: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let h = 0; h < hours; h++) for (let i = 0; i < hosts; i++) out.push({ '@timestamp': T0 + h * HOUR + i * 1000, host: { name: `h${i}` } });
  return out;
}

test('a tiny model_memory_limit refuses new series and reports hard_limit', () => {
  const job = newJob(countPerHost('16kb'));
  run(job, hostEvents(50, 3));
  const s = job.stats();
  assert.equal(s.memoryStatus, 'hard_limit');
  assert.ok(s.refusedSeries > 0, `refused ${s.refusedSeries}`);
  assert.ok(s.seriesModelled < 50, `modelled ${s.seriesModelled}`);
  assert.ok(s.modelBytes <= 16 * 1024, `bytes ${s.modelBytes}`);
});

test('a generous limit models every series and stays ok', () => {
  const job = newJob(countPerHost('64mb'));
  run(job, hostEvents(50, 3));
  const s = job.stats();
  assert.equal(s.memoryStatus, 'ok');
  assert.equal(s.refusedSeries, 0);
  assert.equal(s.seriesModelled, 50);
  assert.ok(s.modelBytes / 50 <= 2048 + 256, `≈ ≤ 2 KB per series, got ${Math.round(s.modelBytes / 50)} B`);
});

test('above 60% of the limit the least recently seen series are pruned', () => {
  const job = newJob(countPerHost('48kb'));
  // 20 hosts early, then only 5 keep sending: the silent ones are pruned to make room.
  const events = [...hostEvents(20, 2), ...hostEvents(5, 10).map((e) => ({ ...e, '@timestamp': (e['@timestamp'] as number) + 2 * HOUR }))];
  run(job, events);
  const s = job.stats();
  assert.ok(s.pruned > 0, `pruned ${s.pruned}`);
  assert.ok(s.seriesModelled < 20);
});
