import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnomalyJob, loadJobs } from '../../src/anomaly/index.js';
import { DAY, HOUR, LMD_MODULE, T0, haveFixtures, rng, run, latestRecords } from './helpers.js';

test('LMD RDP: a session starting at 03:12 from an office-hours admin is unusual (time_of_day, session.start_time)', (t) => {
  if (!haveFixtures) return t.skip('../shared not present');
  const def = loadJobs(LMD_MODULE).find((j) => j.id === 'lmd_unusual_time_weekday_rdp_session_start')!;
  const random = rng(5);
  const session = (start: number) => ({
    '@timestamp': start + 3_600_000, session: { start_time: new Date(start).toISOString(), duration: 1800 },
    source: { ip: '10.0.4.7' }, destination: { ip: '10.0.9.20' }, host: { name: 'srv-09' }, user: { name: 'admin1' },
  });
  const events: Array<Record<string, unknown>> = [];
  for (let day = 0; day < 28; day++) {
    const weekday = (day + 4) % 7; // T0 is a Thursday
    if (weekday === 0 || weekday === 6) continue;
    for (let k = 0; k < 4; k++) events.push(session(T0 + day * DAY + (8 + Math.floor(random() * 10)) * HOUR + Math.floor(random() * 60) * 60_000));
  }
  const odd = T0 + 27 * DAY + 3 * HOUR + 12 * 60_000;
  events.push(session(odd));
  events.sort((a, b) => Date.parse((a.session as { start_time: string }).start_time) - Date.parse((b.session as { start_time: string }).start_time));
  for (const e of events) e['@timestamp'] = Date.parse((e.session as { start_time: string }).start_time);
  const out = run(AnomalyJob.create(def, { onBadValue() {} }), events);
  const records = latestRecords(out.records);
  const rec = records.find((r) => r.timestamp === T0 + 27 * DAY && r.detector_index === 0);
  assert.ok(rec, `the 03:12 session is reported; got ${records.map((r) => `${new Date(r.timestamp).toISOString()} d${r.detector_index} ${r.record_score.toFixed(0)}`).join(', ')}`);
  assert.equal(rec.function, 'time_of_day');
  assert.equal(rec.function_description, 'time');
  assert.equal(rec.partition_field_value, '10.0.4.7');
  assert.equal(rec.actual?.[0], 3 * 3600 + 12 * 60);
  assert.ok(rec.record_score >= 50, `record_score ${rec.record_score}`);
  assert.match(rec.explanation, /^Session from 10\.0\.4\.7 started at 03:12 UTC; sessions from this source normally start \d\d:\d\d–\d\d:\d\d\.$/);
});
