import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, T0, jobDef, newJob, run, latestRecords } from './helpers.js';

const RARE_JOB = {
  job_id: 'ded_rare_process_writing_to_external_device',
  analysis_config: {
    bucket_span: '1h',
    detectors: [{ function: 'rare', by_field_name: 'process.name', partition_field_name: 'host.name' }],
    influencers: ['process.name', 'host.name', 'user.name'],
  },
  data_description: { time_field: '@timestamp', time_format: 'epoch_ms' },
};

const write = (t: number, host: string, process: string) => ({
  '@timestamp': t, host: { name: host }, process: { name: process }, user: { name: 'nora' },
  event: { category: 'file', action: 'creation' }, file: { path: `E:\\Backup\\${process}-${t}.dat`, size: 1000, Ext: { device: { bus_type: 'USB' } } },
});

/**
 * Only one bucket a day has data, so the engine learns 14 buckets in two weeks: the quiet hours in between are what
 * make the habit evidence (a warm-up and novelty estimate counted in learned buckets alone would stay silent here).
 */
test('rare by process: a once-a-day USB writer that switches to 7z.exe after two weeks scores ≥ 75', () => {
  const events: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 14; day++) events.push(write(T0 + day * DAY + 9 * HOUR + 600_000, 'ws-008', 'explorer.exe'));
  const attack = T0 + 14 * DAY + 12 * HOUR;
  events.push(write(attack + 1_200_000, 'ws-008', '7z.exe'));
  const out = run(newJob(jobDef(RARE_JOB)), events);
  const records = latestRecords(out.records);
  const rare = records.find((r) => r.by_field_value === '7z.exe');
  assert.ok(rare, 'the new process is reported');
  assert.equal(rare.timestamp, attack);
  assert.ok(rare.record_score >= 75, `record_score ${rare.record_score}`);
  assert.equal(rare.anomaly_score_explanation?.by_field_first_occurrence, true);
  assert.match(rare.explanation, /^7z\.exe wrote to an external device on ws-008 for the first time in 14 days of history\.$/);
  assert.deepEqual(records.filter((r) => r.by_field_value === 'explorer.exe' && r.record_score >= 25), []);
});
