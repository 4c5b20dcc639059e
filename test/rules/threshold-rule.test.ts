import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { loadRules } from '../../src/rules/index.js';
import { at, MIN, runRules, writeTemp } from './helpers.js';

function thresholdToml(extra = ''): string {
  return `[metadata]
creation_date = "2026/01/01"
maturity = "production"

[rule]
author = ["Outflow"]
description = "Many lookups of one suspicious domain from one host"
name = "DNS burst to xyz.example"
risk_score = 47
rule_id = "dns-burst"
severity = "medium"
type = "threshold"
language = "kuery"
interval = "5m"
from = "now-10m"
query = '''
dns.question.name : *.xyz.example
'''

[rule.threshold]
field = ["host.name"]
value = 5
${extra}
`;
}

function dns(host: string, minute: number, user = 'alice', name = `c${minute}.xyz.example`): EcsEvent {
  return { '@timestamp': at(minute * MIN + 1000), host: { name: host }, user: { name: user }, dns: { question: { name } }, event: { category: ['network'] } };
}

test('threshold: a group reaching the count alerts once across overlapping runs; smaller groups do not', () => {
  const report = loadRules([writeTemp('dns.toml', thresholdToml())]);
  assert.deepEqual(report.errors, []);
  const events = [
    ...[0, 1, 1, 2, 3, 3].map((m) => dns('ws-017', m)),
    ...[0, 1, 2, 3].map((m) => dns('ws-018', m)),
    dns('ws-019', 1, 'alice', 'www.example.com'),
    ...[40, 41, 42, 43, 44].map((m) => dns('ws-017', m)),
  ];
  const alerts = runRules(report, events);
  assert.equal(alerts.length, 2);
  const [first, second] = alerts;
  assert.deepEqual(first['host'], { name: 'ws-017' });
  assert.deepEqual((first['kibana.alert.threshold_result'] as { count: number }).count, 6);
  assert.deepEqual((first['kibana.alert.threshold_result'] as { terms: unknown }).terms, [{ field: 'host.name', value: 'ws-017' }]);
  assert.equal(first['@timestamp'], at(5 * MIN));
  assert.equal(first['kibana.alert.original_time'], at(3 * MIN + 1000));
  assert.match(String(first['outflow.explanation']), /^ws-017 made 6 events matching `.*xyz\.example.*` in 10m \(threshold 5\)/);
  assert.equal((second['kibana.alert.threshold_result'] as { count: number }).count, 5);
  assert.notEqual(first['kibana.alert.uuid'], second['kibana.alert.uuid']);
});

test('threshold cardinality: the distinct count of a field must reach its value too', () => {
  const report = loadRules([writeTemp('dns.toml', thresholdToml('[[rule.threshold.cardinality]]\nfield = "user.name"\nvalue = 2\n'))]);
  assert.deepEqual(report.errors, []);
  const oneUser = [0, 1, 2, 3, 4].map((m) => dns('ws-017', m));
  assert.deepEqual(runRules(report, oneUser), []);
  const twoUsers = [0, 1, 2, 3].map((m) => dns('ws-017', m)).concat(dns('ws-017', 4, 'bob'));
  const alerts = runRules(report, twoUsers);
  assert.equal(alerts.length, 1);
  assert.deepEqual((alerts[0]['kibana.alert.threshold_result'] as { cardinality: unknown }).cardinality, [{ field: 'user.name', value: 2 }]);
  assert.match(String(alerts[0]['outflow.explanation']), /across 2 distinct user\.name/);
});
