import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleEngine, type Alert, type RecordDoc } from '../../src/rules/index.js';
import { apiRule, HOUR, loadApiRules, MIN, record, T0 } from './helpers.js';

const mlRule = apiRule({
  rule_id: 'ml-port',
  name: 'Potential Data Exfiltration Activity to an Unusual Destination Port',
  type: 'machine_learning',
  machine_learning_job_id: 'ded_high_sent_bytes_destination_port_ea',
  anomaly_threshold: 75,
  interval: '15m',
  from: 'now-6h',
  severity: 'low',
  risk_score: 21,
  outflow: { meaning: 'Unusually large upload to one destination port' },
});
delete mlRule.query;
delete mlRule.language;

/** Drives the engine in 15-minute steps for `hours`, delivering each record when its 3h bucket closes. */
function drive(engine: RuleEngine, deliveries: Array<{ atMs: number; records: RecordDoc[] }>, hours: number): Alert[] {
  const out: Alert[] = [];
  for (let t = T0; t <= T0 + hours * HOUR; t += 15 * MIN) {
    for (const d of deliveries) if (d.atMs === t) engine.onRecords(d.records);
    out.push(...engine.advanceTo(t));
  }
  return out;
}

test('overlapping 15m runs with a 6h lookback raise exactly one alert per record at or above the threshold', () => {
  const engine = new RuleEngine(loadApiRules([mlRule]), { jobIds: ['ded_high_sent_bytes_destination_port'] });
  const recs = [
    record({ _id: 'r-high', timestamp: T0, record_score: 91 }),
    record({ _id: 'r-edge', timestamp: T0, record_score: 75, over_field_value: '8443', 'destination.port': ['8443'] }),
    record({ _id: 'r-low', timestamp: T0, record_score: 74.9, over_field_value: '9001' }),
    record({ _id: 'r-interim', timestamp: T0 + 3 * HOUR, record_score: 99, is_interim: true }),
    record({ _id: 'r-other-job', job_id: 'some_other_job', timestamp: T0, record_score: 99 }),
  ];
  const alerts = drive(engine, [{ atMs: T0 + 3 * HOUR, records: recs }], 24);
  assert.deepEqual(alerts.map((a) => a['record_score']), [91, 75]);
  const [a] = alerts;
  assert.equal(a['kibana.alert.rule.type'], 'machine_learning');
  assert.equal(a['kibana.alert.original_time'], new Date(T0).toISOString());
  assert.equal(a['@timestamp'], new Date(T0 + 3 * HOUR).toISOString(), 'alert time is the first run after the record arrived');
  assert.deepEqual((a.host as { name: string[] }).name, ['ws-017']);
  assert.deepEqual((a.destination as { port: string[] }).port, ['4444']);
  assert.equal(a['job_id'], 'ded_high_sent_bytes_destination_port');
  assert.equal(a['kibana.alert.severity'], 'low');
  assert.equal(a['kibana.alert.risk_score'], 21);
  assert.match(String(a['outflow.explanation']), /^Unusually large upload to one destination port: ws-017 sent 3\.1 GB/);
  assert.match(String(a['kibana.alert.reason']), /created at .* with a low severity and risk score of 21 on ws-017\.$/);
  assert.deepEqual(a['kibana.alert.ancestors'], [{ id: 'r-high', type: 'event', index: '.ml-anomalies-shared', depth: 0 }]);
  const stats = engine.stats()[0];
  assert.equal(stats.runs, 21 * 4 + 1, "runs every 15m from the first record delivery (13:00) to 24h later");
  assert.equal(stats.alerts, 2);
  assert.deepEqual(stats.warnings, []);
});

test('a renormalised record (same _id, lower score) does not alert again; one rising above the threshold alerts once', () => {
  const engine = new RuleEngine(loadApiRules([mlRule]), { jobIds: ['ded_high_sent_bytes_destination_port'] });
  const alerts = drive(
    engine,
    [
      { atMs: T0 + 3 * HOUR, records: [record({ _id: 'a', timestamp: T0, record_score: 88 }), record({ _id: 'b', timestamp: T0, record_score: 60, over_field_value: '53' })] },
      { atMs: T0 + 4 * HOUR, records: [record({ _id: 'a', timestamp: T0, record_score: 80 }), record({ _id: 'b', timestamp: T0, record_score: 82, over_field_value: '53' })] },
      { atMs: T0 + 5 * HOUR, records: [record({ _id: 'a', timestamp: T0, record_score: 90 })] },
    ],
    12,
  );
  assert.deepEqual(alerts.map((a) => [a['kibana.alert.ancestors'], a['record_score']]), [
    [[{ id: 'a', type: 'event', index: '.ml-anomalies-shared', depth: 0 }], 88],
    [[{ id: 'b', type: 'event', index: '.ml-anomalies-shared', depth: 0 }], 82],
  ]);
});

test('job ids resolve with and without the _ea suffix; an unknown job is a warning, not an error', () => {
  const exact = apiRule({ ...mlRule, rule_id: 'exact', machine_learning_job_id: ['ded_high_sent_bytes_destination_port'] });
  const missing = apiRule({ ...mlRule, rule_id: 'missing', machine_learning_job_id: 'no_such_job_ea' });
  const engine = new RuleEngine(loadApiRules([mlRule, exact, missing]), { jobIds: ['ded_high_sent_bytes_destination_port'] });
  const alerts = drive(engine, [{ atMs: T0, records: [record({ _id: 'x', timestamp: T0, record_score: 99 })] }], 1);
  assert.deepEqual(alerts.map((a) => a['kibana.alert.rule.rule_id']).sort(), ['exact', 'ml-port']);
  const warn = engine.stats().find((s) => s.ruleId === 'missing')!.warnings;
  assert.match(warn.join(), /anomaly job no_such_job_ea is not loaded/);
});

test('max_signals keeps the highest scores and warns', () => {
  const rule = apiRule({ ...mlRule, max_signals: 2 });
  const engine = new RuleEngine(loadApiRules([rule]), { jobIds: ['ded_high_sent_bytes_destination_port'] });
  const recs = [80, 95, 77, 99].map((s, i) => record({ _id: `r${i}`, timestamp: T0, record_score: s, over_field_value: String(i) }));
  const alerts = drive(engine, [{ atMs: T0, records: recs }], 0);
  assert.deepEqual(alerts.map((a) => a['record_score']), [99, 95]);
  assert.match(engine.stats()[0].warnings.join(), /max_signals \(2\)/);
});
