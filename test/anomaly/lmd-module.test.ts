import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnomalyJob, loadJobs, type JobDefinition } from '../../src/anomaly/index.js';
import { DAY, HOUR, LMD_MODULE, T0, haveFixtures, rng, run, latestRecords } from './helpers.js';

const lmd = (id: string): JobDefinition => loadJobs(LMD_MODULE).find((j) => j.id === id)!;
const smbCreation = (t: number, path: string, user = 'bob') => ({
  '@timestamp': t, host: { name: 'fs-01' }, user: { name: user }, process: { name: 'System' },
  event: { category: ['file'], action: 'creation' },
  file: { path, name: path.split('\\').pop(), extension: path.split('.').pop(), size: 20_000 },
});

test('LMD remote file transfers: a 50× burst of creations on a file server scores high', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const random = rng(11);
  const events: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 21; day++) {
    for (let hour = 8; hour < 18; hour++) {
      const n = 35 + Math.floor(random() * 20);
      for (let i = 0; i < n; i++) events.push(smbCreation(T0 + day * DAY + hour * HOUR + i * 60_000, `C:\\Shares\\Finance\\q${i}.xlsx`));
    }
  }
  const burst = T0 + 20 * DAY + 14 * HOUR;
  for (let i = 0; i < 2480; i++) events.push(smbCreation(burst + i * 1000, `C:\\Shares\\Finance\\dump${i}.xlsx`, 'mallory'));
  events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
  const out = run(AnomalyJob.create(lmd('lmd_high_count_remote_file_transfer'), { onBadValue() {} }), events);
  const rec = latestRecords(out.records).find((r) => r.timestamp === burst);
  assert.ok(rec, 'the burst hour is reported');
  assert.equal(rec.partition_field_value, 'fs-01');
  assert.equal(rec.by_field_value, 'creation');
  assert.ok(rec.record_score >= 75, `record_score ${rec.record_score}`);
  assert.equal(rec.actual?.[0], 2480 + events.filter((e) => e['@timestamp'] as number >= burst && (e['@timestamp'] as number) < burst + HOUR && (e.user as { name: string }).name === 'bob').length);
  assert.match(rec.explanation, /^fs-01 \(user mallory(, bob)?, process System\) saw [\d,]+ creation events in the hour from 14:00 UTC; \d+ is typical for this time — [\d,]+× the usual\.$/);
});

test('LMD rare file path: the runtime field yields the directory, and a new directory is reported', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const events: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 21; day++) {
    for (let hour = 8; hour < 18; hour++) {
      for (let q = 0; q < 4; q++) {
        const tm = T0 + day * DAY + hour * HOUR + q * 15 * 60_000 + 60_000;
        events.push(smbCreation(tm, 'C:\\Shares\\Finance\\report.xlsx'));
        events.push(smbCreation(tm + 1000, 'C:\\Shares\\HR\\list.docx'));
      }
    }
  }
  const odd = T0 + 20 * DAY + 3 * HOUR;
  events.push(smbCreation(odd + 1000, 'C:\\Windows\\Temp\\payload.dll'));
  events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
  const out = run(AnomalyJob.create(lmd('lmd_rare_file_path_remote_transfer'), { onBadValue() {} }), events);
  const rec = latestRecords(out.records).find((r) => r.timestamp === odd);
  assert.ok(rec, 'the new directory is reported');
  assert.equal(rec.by_field_name, 'file_directory');
  assert.equal(rec.by_field_value, 'C:\\Windows\\Temp\\');
  assert.deepEqual(rec['file.path'], ['C:\\Windows\\Temp\\payload.dll'], 'the file.path influencer names the file');
  assert.ok(rec.record_score >= 75, `record_score ${rec.record_score}`);
  assert.match(rec.explanation, /a remote transfer wrote into C:\\Windows\\Temp\\ on fs-01 for the first time/);
  const habitual = latestRecords(out.records).filter((r) => r.by_field_value !== 'C:\\Windows\\Temp\\' && r.record_score >= 25);
  assert.deepEqual(habitual.map((r) => r.by_field_value), []);
});
