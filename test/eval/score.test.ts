// Scoring on a tiny hand-made case: one detected scenario, one missed, one false alert explained by a look-alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAlertsNdjson } from '../../eval/alerts.js';
import { scoreAlerts } from '../../eval/score.js';
import { renderMarkdown } from '../../eval/report.js';
import type { ScenarioLabel } from '../../src/generator/index.js';

const scenarios: ScenarioLabel[] = [
  {
    id: 'exfil-rare-port', kind: 'network-exfiltration', description: 'ws-017 sends 5 GB to port 4444', core: true,
    start: '2026-10-20T20:00:00.000Z', end: '2026-10-20T23:00:00.000Z',
    entity: { 'host.name': 'ws-017', 'destination.port': 4444 }, expect: ['port rule'],
  },
  {
    id: 'usb-rare-process', kind: 'usb-exfiltration', description: 'robocopy to USB on ws-020', core: true,
    start: '2026-10-21T18:00:00.000Z', end: '2026-10-21T19:00:00.000Z',
    entity: { 'host.name': 'ws-020', 'process.name': 'robocopy.exe' }, expect: ['usb rule'],
  },
];
const labels = { hostDays: 500, scenarios, benign: [{ id: 'nightly-backup-upload', description: 'bk-01 backups', entity: { 'host.name': 'bk-01' } }] };

// An ML alert in Kibana's transformed shape: nested rule fields, the port only as the record's over value,
// the host only as an influencer, anomaly time at the 18:00 bucket start (before the 20:00 scenario start).
const mlHit = {
  '@timestamp': '2026-10-20T21:15:00.000Z',
  kibana: { alert: { rule: { name: 'Unusual Destination Port', rule_id: 'ef8c' }, original_time: '2026-10-20T18:00:00.000Z', uuid: 'a1' } },
  job_id: 'ded_high_sent_bytes_destination_port', over_field_name: 'destination.port', over_field_value: '4444',
  influencers: [{ influencer_field_name: 'host.name', influencer_field_values: ['ws-017'] }],
};
// The same alert written again later (an update): must count once.
const mlHitUpdated = { ...mlHit, '@timestamp': '2026-10-20T21:30:00.000Z' };
// A flat-field alert on the backup server: matches no scenario.
const falseAlert = {
  '@timestamp': '2026-10-22T03:10:00.000Z', 'kibana.alert.rule.name': 'Unusual Destination Port', 'kibana.alert.rule.rule_id': 'ef8c',
  'kibana.alert.original_time': '2026-10-22T00:00:00.000Z', 'kibana.alert.uuid': 'b2', 'host.name': ['bk-01'], 'destination.port': 443,
};
// Right host and process as the USB scenario, but two days later: outside the window, so also a false alert.
const lateAlert = {
  '@timestamp': '2026-10-23T19:00:00.000Z', 'kibana.alert.rule.name': 'USB rule', 'kibana.alert.original_time': '2026-10-23T18:00:00.000Z',
  'host.name': 'ws-020', 'process.name': 'robocopy.exe',
};

const ndjson = [mlHit, mlHitUpdated, falseAlert, lateAlert].map((a) => JSON.stringify(a)).join('\n') + '\nnot json\n';

test('alerts file: updates of one alert count once, bad lines are skipped and counted', () => {
  const loaded = parseAlertsNdjson(ndjson);
  assert.equal(loaded.alerts.length, 3);
  assert.equal(loaded.skipped, 1);
});

test('scoring finds the hit through record values and influencers, the miss, and the false alerts', () => {
  const { alerts } = parseAlertsNdjson(ndjson);
  const score = scoreAlerts(labels, alerts);
  const [hit, miss] = score.scenarios;
  assert.equal(hit.detected, true);
  assert.deepEqual(hit.rules, ['Unusual Destination Port']);
  // Raised 21:30 (the latest version of the alert), scenario started 20:00.
  assert.equal(hit.timeToDetectMinutes, 90);
  assert.equal(miss.detected, false);
  assert.equal(miss.timeToDetectMinutes, undefined);
  assert.equal(score.detected, 1);
  assert.equal(score.coreDetected, 1);
  assert.equal(score.falseAlerts, 2);
  assert.equal(score.falseAlertsPer1000HostDays, 4);
  const portRule = score.byRule.find((r) => r.rule === 'Unusual Destination Port');
  assert.deepEqual({ alerts: portRule?.alerts, falseAlerts: portRule?.falseAlerts, causes: portRule?.likelyCauses }, { alerts: 2, falseAlerts: 1, causes: { 'nightly-backup-upload': 1 } });
  assert.deepEqual(score.byRule.find((r) => r.rule === 'USB rule')?.likelyCauses, { unexplained: 1 });
});

test('an alert that lacks one entity field does not count as a detection', () => {
  const partial = { ...falseAlert, 'host.name': 'ws-017', 'destination.port': 443, 'kibana.alert.original_time': '2026-10-20T20:30:00.000Z' };
  const score = scoreAlerts(labels, parseAlertsNdjson(JSON.stringify(partial)).alerts);
  assert.equal(score.scenarios[0].detected, false);
  assert.equal(score.falseAlerts, 1);
});

test('the Markdown report shows detections, misses and false-alert rates', () => {
  const score = scoreAlerts(labels, parseAlertsNdjson(ndjson).alerts);
  const markdown = renderMarkdown({
    generatedAt: '2026-10-31T00:00:00Z', dataset: { dir: 'x', days: 10, hosts: 50, hostDays: 500 },
    replay: { ok: true, message: 'ok' }, score,
  });
  assert.match(markdown, /\| exfil-rare-port \| network-exfiltration \| yes \| yes \| Unusual Destination Port \| 1 \| 90 min \|/);
  assert.match(markdown, /\| usb-rare-process \| usb-exfiltration \| yes \| \*\*no\*\* \|/);
  assert.match(markdown, /Detected 1\/2 scenarios \(core 1\/2\); 2 false alerts of 3 \(4 per 1000 host-days\)/);
});

test('false alerts after the two-week warm-up are counted over the host-days after it', () => {
  // 10 hosts × 28 days from 2026-10-08: the warm-up ends 2026-10-22T00:00Z. The backup-server alert (anomaly at
  // 2026-10-22T00:00) and the late USB alert fall after it; the detection does not count.
  const month = { ...labels, options: { start: '2026-10-08T00:00:00.000Z', days: 28, hosts: 10 } };
  const score = scoreAlerts(month, parseAlertsNdjson(ndjson).alerts);
  assert.deepEqual(score.afterWarmUp, { fromDay: 14, falseAlerts: 2, hostDays: 140, falseAlertsPer1000HostDays: 14.29 });
  const later = scoreAlerts({ ...labels, options: { start: '2026-10-09T00:00:00.000Z', days: 28, hosts: 10 } }, parseAlertsNdjson(ndjson).alerts);
  assert.equal(later.afterWarmUp?.falseAlerts, 1, 'an alert about the last day of the warm-up is not counted');
  assert.equal(scoreAlerts({ ...labels, options: { start: '2026-10-08T00:00:00.000Z', days: 14, hosts: 10 } }, []).afterWarmUp, undefined,
    'a dataset no longer than the warm-up has no such figure');
  const markdown = renderMarkdown({
    generatedAt: '2026-10-31T00:00:00Z', dataset: { dir: 'x', days: 28, hosts: 10, hostDays: 280 }, replay: { ok: true, message: 'ok' }, score,
  });
  assert.match(markdown, /After the models' first 14 days .*: 2 false alerts over 140 host-days \(14\.29 per 1000 host-days\)\./);
});
