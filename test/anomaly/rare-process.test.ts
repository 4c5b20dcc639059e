import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, T0, jobDef, newJob, run, latestRecords } from './helpers.js';

const RARE_JOB = {
  job_id: 'ded_rare_process_writing_to_external_device',
  analysis_config: {
    bucket_span: '1h',
    detectors: [{ function: 'rare', by_field_name: 'process.name', partition_field_name: 'host.name' }],
    influencers: ['process.name', 'host.name', 'user.name', 'file.path'],
  },
  data_description: { time_field: '@timestamp', time_format: 'epoch_ms' },
};

const write = (t: number, host: string, process: string) => ({
  '@timestamp': t, host: { name: host }, process: { name: process }, user: { name: 'bob' },
  event: { category: 'file', action: 'creation' }, file: { path: `E:\\${process}.dat`, size: 1000, Ext: { device: { bus_type: 'USB' } } },
});

/**
 * Rarity is learned per observation (one per process per bucket, like ml-cpp's multinomial), so a host needs a busy
 * history for a first occurrence to be very unlikely: here five habitual writers every office hour for four weeks.
 * (A host that wrote once a day would give p ≈ 1/observations ≈ 2e-3, which Elastic's c3 cap also keeps near 50.)
 */
const HABITUAL = ['explorer.exe', 'onedrive.exe', 'teams.exe', 'outlook.exe', 'winword.exe'];

test('rare by process, partition host: a never-seen process scores ≥ 75, a daily one does not', () => {
  const events: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 28; day++) {
    for (const host of ['ws-001', 'ws-042']) {
      for (let hour = 8; hour < 18; hour++) {
        for (const p of HABITUAL) events.push(write(T0 + day * DAY + hour * HOUR + 5 * 60_000, host, p));
      }
      if (host === 'ws-042') events.push(write(T0 + day * DAY + 2 * HOUR + 60_000, host, 'backup.exe'));
    }
  }
  const newcomer = T0 + 27 * DAY + 14 * HOUR;
  events.push(write(newcomer + 120_000, 'ws-042', 'usbcopy.exe'));
  events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
  const out = run(newJob(jobDef(RARE_JOB)), events);
  const records = latestRecords(out.records);
  const rare = records.find((r) => r.by_field_value === 'usbcopy.exe');
  assert.ok(rare, 'the new process is reported');
  assert.equal(rare.timestamp, newcomer);
  assert.equal(rare.partition_field_value, 'ws-042');
  assert.ok(rare.record_score >= 75, `record_score ${rare.record_score}`);
  assert.equal(rare.anomaly_score_explanation?.by_field_first_occurrence, true);
  assert.deepEqual(rare['host.name'], ['ws-042']);
  assert.deepEqual(rare['process.name'], ['usbcopy.exe']);
  assert.equal(rare.function, 'rare');
  assert.match(rare.explanation, /^usbcopy\.exe wrote to an external device on ws-042 for the first time in 28 days of history\.$/);
  const lastWeek = T0 + 21 * DAY;
  const daily = records.filter((r) => r.timestamp >= lastWeek && r.by_field_value !== 'usbcopy.exe' && r.record_score >= 25);
  assert.deepEqual(daily.map((r) => `${r.by_field_value}@${r.partition_field_value}:${r.record_score}`), [], 'habitual processes are not flagged');
});
