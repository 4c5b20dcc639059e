import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { RuleEngine, type Alert, type RecordDoc, type RuleLoadReport } from '../../src/rules/index.js';
import { apiRule, HOUR, loadApiRules, MIN, record, T0 } from './helpers.js';

function rules(): RuleLoadReport {
  return loadApiRules([
    apiRule({ rule_id: 'q', query: 'process.name: rclone.exe', alert_suppression: { group_by: ['host.name'], duration: { value: 20, unit: 'm' } } }),
    apiRule({ rule_id: 't', type: 'threshold', query: 'event.category: network', threshold: { field: ['host.name'], value: 6 }, from: 'now-10m' }),
    apiRule({ rule_id: 'n', type: 'new_terms', query: 'event.category: network', new_terms_fields: ['destination.ip'], history_window_start: 'now-2h' }),
    apiRule({ rule_id: 's', type: 'eql', language: 'eql', from: 'now-9m', query: 'sequence by host.name with maxspan=4m [process where process.name == "rclone.exe"] [network where true]' }),
    apiRule({ rule_id: 'm', type: 'machine_learning', machine_learning_job_id: 'ded_high_sent_bytes_destination_port_ea', anomaly_threshold: 75, interval: '15m', from: 'now-6h', query: undefined, language: undefined }),
  ]);
}

/** A deterministic pseudo-random stream of process and network events over six hours. */
function stream(): EcsEvent[] {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const out: EcsEvent[] = [];
  for (let i = 0; i < 600; i++) {
    const t = T0 + i * 36_000;
    const host = `ws-${rand(4)}`;
    if (rand(5) === 0) out.push({ '@timestamp': new Date(t).toISOString(), host: { name: host }, event: { category: ['process'] }, process: { name: 'rclone.exe' } });
    else out.push({ '@timestamp': new Date(t).toISOString(), host: { name: host }, event: { category: ['network'] }, destination: { ip: `198.51.100.${rand(30)}`, port: 443 } });
  }
  return out;
}

function deliveries(): Map<number, RecordDoc[]> {
  const m = new Map<number, RecordDoc[]>();
  m.set(T0 + 3 * HOUR, [record({ _id: 'r1', timestamp: T0, record_score: 80 }), record({ _id: 'r2', timestamp: T0, record_score: 40 })]);
  m.set(T0 + 4 * HOUR, [record({ _id: 'r2', timestamp: T0, record_score: 85 })]);
  return m;
}

/** Runs the stream; with `snapshotAt`, stops after that many events, snapshots through JSON and continues restored. */
function run(snapshotAt?: number): Alert[] {
  const report = rules();
  const opts = { jobIds: ['ded_high_sent_bytes_destination_port'] };
  let engine = new RuleEngine(report, opts);
  const recs = deliveries();
  const out: Alert[] = [];
  let nextStep = T0;
  stream().forEach((e, i) => {
    if (i === snapshotAt) engine = RuleEngine.restore(report, opts, JSON.parse(JSON.stringify(engine.snapshot())));
    const t = Date.parse(String(e['@timestamp']));
    while (nextStep < t) {
      out.push(...engine.advanceTo(nextStep));
      const r = recs.get(nextStep);
      if (r) engine.onRecords(r);
      nextStep += MIN;
    }
    engine.onEvent(e, t);
  });
  out.push(...engine.finish());
  return out;
}

test('the same input twice gives identical alerts, and every rule type fires', () => {
  const a = run();
  const b = run();
  assert.deepEqual(a, b);
  const byRule = new Map<string, number>();
  for (const x of a) byRule.set(String(x['kibana.alert.rule.rule_id']), (byRule.get(String(x['kibana.alert.rule.rule_id'])) ?? 0) + 1);
  for (const id of ['q', 't', 'n', 's', 'm']) assert.ok((byRule.get(id) ?? 0) > 0, `rule ${id} raised no alert`);
  assert.equal(byRule.get('m'), 2);
});

test('snapshot/restore at any point gives the same alerts as an uninterrupted run', () => {
  const whole = run();
  for (const at of [1, 137, 300, 451, 599]) assert.deepEqual(run(at), whole, `snapshot after ${at} events`);
});
