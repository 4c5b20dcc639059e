import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBigUpdate } from '../../src/anomaly/scoring/result-window.js';
import { DAY, HOUR, T0, jobDef, newJob, run } from './helpers.js';
import { DED_PORT_JOB, dedFlows } from './ded-traffic.js';

const upload = (t: number, port: number, bytes: number) => ({
  '@timestamp': t, event: { category: ['network'] }, host: { name: 'ws-009' }, user: { name: 'eve' }, process: { name: 'curl.exe' },
  source: { ip: '10.0.0.9', bytes }, destination: { ip: '203.0.113.7', port },
});

test('a much larger anomaly renormalises earlier records: same _id, lower record_score, initial score kept', () => {
  const events = dedFlows({ days: 23, burst: false });
  events.push(upload(T0 + 15 * DAY + 4 * HOUR, 8443, 1024 ** 3));
  events.push(upload(T0 + 22 * DAY + 4 * HOUR, 4444, 500 * 1024 ** 3));
  events.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number));
  const out = run(newJob(jobDef(DED_PORT_JOB)), events);

  const versions = out.records.filter((r) => r.over_field_value === '8443');
  assert.ok(versions.length >= 2, `the 8443 record was re-emitted (${versions.length} versions)`);
  const [first, ...later] = versions;
  const last = later[later.length - 1];
  assert.equal(last._id, first._id);
  assert.equal(last.initial_record_score, first.initial_record_score);
  assert.ok(last.record_score < first.record_score, `${first.record_score} → ${last.record_score}`);
  const { record_score: _a, ...restFirst } = first;
  const { record_score: _b, ...restLast } = last;
  assert.deepEqual(restLast, restFirst, 'only record_score changes');
  assert.ok(out.records.some((r) => r.over_field_value === '4444' && r.record_score > last.record_score), 'the larger anomaly now leads');
});

test("Elastic's big-change rule decides what is re-emitted", () => {
  assert.equal(isBigUpdate(80, 74), true, 'severity band changes');
  assert.equal(isBigUpdate(60, 58), true, '|Δ| ≥ 1.5');
  assert.equal(isBigUpdate(60, 59), false);
  assert.equal(isBigUpdate(1.2, 0.3), true, 'smaller < 0.33 × larger');
  assert.equal(isBigUpdate(1.2, 0.5), false);
});
