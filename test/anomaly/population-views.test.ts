import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordResult } from '../../src/anomaly/index.js';
import { DAY, HOUR, jobDef, latestRecords, newJob, run, T0 } from './helpers.js';
import { BACKUP_IP, HEAVY_IP, IP_JOB, MB, nightOf, populationTraffic } from './population-traffic.js';

const dayOf = (r: RecordResult): number => Math.floor((r.timestamp - T0) / DAY);

test('a nightly backup target is flagged while new, quiet once established, and flagged again when it takes 10× its usual', () => {
  const SPIKE_DAY = 18;
  const out = run(newJob(jobDef(IP_JOB)), populationTraffic({ days: 24, backup: true, backupSpikeDay: SPIKE_DAY }));
  const backup = latestRecords(out.records).filter((r) => r.over_field_value === BACKUP_IP);
  const describe = backup.map((r) => `day ${dayOf(r)}: ${r.record_score.toFixed(0)}`).join(', ');

  // Against the population alone (its first nights) 20 GB is far in the tail: this is what Elastic reports every night.
  const early = backup.filter((r) => dayOf(r) <= 6 && r.record_score >= 75);
  assert.ok(early.length >= 2, `flagged while only the population judges it; got ${describe}`);
  assert.match(early[0].explanation, /destination IPs normally receive under .+ in 3 hours — [\d,]+× the usual\.$/);

  // After a week of nightly history its own model says 20 GB is normal for it.
  const established = backup.filter((r) => dayOf(r) >= 10 && dayOf(r) !== SPIKE_DAY);
  assert.deepEqual(established.map((r) => `day ${dayOf(r)}: ${r.record_score.toFixed(0)}`).filter((_, i) => established[i].record_score >= 25), [],
    'an ordinary night of an established backup target is not reported (above 25)');

  const spike = backup.find((r) => r.timestamp === nightOf(SPIKE_DAY));
  assert.ok(spike, `the 10× night is reported; got ${describe}`);
  assert.ok(spike.record_score >= 75, `10× its own usual scores ≥ 75, got ${spike.record_score}`);
  assert.match(spike.explanation, /^bk-01 sent [\d.]+ GB to destination IP 203\.0\.113\.50 in the 3h from 00:00 UTC; destination IPs normally receive under [\d.]+ MB in 3 hours, and this is unusual for this destination IP too: it normally receives [\d.]+–[\d.]+ GB in 3 hours — \d+× its usual\.$/);
});

test('a new destination taking 1000× what newcomers take is flagged even next to a heavy member; ordinary newcomers are not', () => {
  const exfilTime = T0 + 12 * DAY + 21 * HOUR + 10 * 60_000;
  const exfilIp = '185.220.101.9';
  const events = populationTraffic({ days: 16, heavy: true, newcomers: true, extra: [[exfilTime, exfilIp, 40 * MB]] });
  const records = latestRecords(run(newJob(jobDef(IP_JOB)), events).records);

  const exfil = records.find((r) => r.over_field_value === exfilIp);
  assert.ok(exfil, 'the new destination is reported');
  assert.ok(exfil.record_score >= 75, `record_score ${exfil.record_score}`);
  assert.match(exfil.explanation, /^ws-041 sent 40 MB to destination IP 185\.220\.101\.9 in the 3h from 21:00 UTC; this destination IP never received data before, and new destination IPs typically receive under \d+ KB in their first 3 hours — [\d,]+× the usual\.$/);
  assert.ok((exfil.typical?.[0] ?? Infinity) < MB, `typical is the newcomers' (tens of KB), got ${exfil.typical}`);

  // The heavy member receives 2–21 GB every office bucket: 40 MB is nothing next to it, which is why the
  // population view alone misses this; and the heavy member itself, established, is not reported.
  const heavy = records.filter((r) => r.over_field_value === HEAVY_IP && r.record_score >= 25);
  assert.deepEqual(heavy.map((r) => r.record_score), []);
  const newcomers = records.filter((r) => r.over_field_value?.startsWith('100.64.'));
  const alerting = newcomers.filter((r) => r.record_score >= 75);
  assert.deepEqual(alerting.map((r) => `${r.over_field_value}: ${r.record_score.toFixed(0)}`), [], 'ordinary newcomers stay below the alert threshold');
});
