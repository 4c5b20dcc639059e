import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRules, testRule } from '../../src/rules/index.js';
import { apiRule, at, MIN, runRules, writeTemp } from './helpers.js';

const toml = (rule: string, extra = ''): string => `[metadata]
creation_date = "2026/01/01"

[rule]
author = ["Outflow"]
description = "Rclone started"
name = "Rclone upload"
rule_id = "rclone-upload"
type = "query"
language = "kuery"
query = 'process.name : "rclone.exe" and process.args : "copy"'
${rule}

[[rule.threat]]
framework = "MITRE ATT&CK"
[rule.threat.tactic]
id = "TA0010"
name = "Exfiltration"
reference = "https://attack.mitre.org/tactics/TA0010/"
[[rule.threat.technique]]
id = "T1567"
name = "Exfiltration Over Web Service"
reference = "https://attack.mitre.org/techniques/T1567/"
[[rule.threat.technique.subtechnique]]
id = "T1567.002"
name = "Exfiltration to Cloud Storage"
reference = "https://attack.mitre.org/techniques/T1567/002/"
${extra}`;

const rclone = {
  '@timestamp': at(MIN),
  host: { name: 'ws-017' },
  user: { name: 'alice' },
  event: { category: ['process'], id: 'evt-1' },
  process: { name: 'rclone.exe', args: ['rclone', 'copy', 'C:\\finance', 'remote:x'], command_line: 'rclone copy C:\\finance remote:x' },
};

test('TOML rule with our [rule.outflow] extension: alert fields, reason and explanation', () => {
  const file = writeTemp('rclone.toml', toml('risk_score = 47\nseverity = "medium"\nnote = "## Triage"', '\n[rule.outflow]\nmeaning = "a cloud sync tool used to upload data outside the company"\ninvestigation_guide = "Ask alice why."\n'));
  const report = loadRules([file]);
  assert.deepEqual(report.errors, []);
  const [a] = runRules(report, [rclone]);
  assert.equal(a['outflow.explanation'], 'rclone.exe on ws-017 (user alice) ran `rclone copy C:\\finance remote:x`, a cloud sync tool used to upload data outside the company');
  assert.equal(a['kibana.alert.reason'], 'process event with process rclone.exe, by alice on ws-017 created medium alert Rclone upload.');
  assert.equal(a['outflow.investigation_guide'], 'Ask alice why.');
  assert.equal(a['kibana.alert.rule.note'], '## Triage');
  assert.equal(a['kibana.alert.workflow_status'], 'open');
  assert.equal(a['kibana.alert.rule.interval'], '5m');
  assert.equal(a['kibana.alert.rule.from'], 'now-6m');
  assert.equal(a['kibana.alert.rule.max_signals'], 100);
  assert.equal(a['@timestamp'], at(MIN), 'input ends before the first tick: the tail run at the last event time finds it');
  assert.match(String(a['kibana.alert.uuid']), /^[0-9a-f]{64}$/);
  assert.deepEqual((a.event as { kind: string }).kind, 'signal');
  const threat = a['kibana.alert.rule.threat'] as Array<{ technique: Array<{ subtechnique: Array<{ id: string }> }> }>;
  assert.equal(threat[0].technique[0].subtechnique[0].id, 'T1567.002');
  assert.equal((a['kibana.alert.rule.parameters'] as { query: string }).query, 'process.name : "rclone.exe" and process.args : "copy"');
});

test('validation errors name the file, the rule_id and the key; other rules still load', () => {
  const bad = writeTemp('bad.toml', toml('risk_score = 300\nseverity = "medium"'));
  const badQuery = writeTemp('bad-query.toml', toml('risk_score = 47\nseverity = "medium"').replace(`query = 'process.name : "rclone.exe" and process.args : "copy"'`, "query = 'process.name : (rclone.exe or'"));
  const good = writeTemp('good.toml', toml('risk_score = 47\nseverity = "medium"').replace('rclone-upload', 'other-id'));
  const report = loadRules([bad, badQuery, good]);
  assert.equal(report.loaded.length, 1);
  assert.equal(report.errors.length, 2);
  assert.ok(report.errors[0].message.startsWith(`${bad} rule rclone-upload: rule.risk_score: `), report.errors[0].message);
  assert.match(report.errors[1].message, new RegExp(`^${badQuery.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} rule rclone-upload: rule\\.query: .*line 1, column \\d+`));
});

test('Kibana export NDJSON: rules, the summary line skipped, unsupported types reported, duplicates rejected', () => {
  const lines = [
    apiRule({ rule_id: 'a', id: 'so-123', query: 'process.name: rclone.exe', severity_mapping: [{ field: 'user.name', operator: 'equals', value: 'alice', severity: 'critical' }], risk_score_mapping: [{ field: 'event.risk_score', operator: 'equals', value: '' }], rule_name_override: 'process.name' }),
    apiRule({ rule_id: 'tm', type: 'threat_match', query: '*' }),
    apiRule({ rule_id: 'sq', type: 'saved_query', saved_id: 'x' }),
    apiRule({ rule_id: 'es', type: 'esql', language: 'esql', query: 'from logs-*' }),
    apiRule({ rule_id: 'sample', type: 'eql', language: 'eql', query: 'sample by host.name [process where true] [network where true]' }),
    apiRule({ rule_id: 'off', enabled: false }),
    apiRule({ rule_id: 'a', name: 'duplicate' }),
    apiRule({ rule_id: 'bad-interval', interval: 'soon' }),
    { exported_count: 8, exported_rules_count: 8, missing_rules: [], missing_rules_count: 0 },
  ];
  const report = loadRules([writeTemp('export.ndjson', lines.map((l) => JSON.stringify(l)).join('\n'))]);
  assert.deepEqual(report.loaded.map((r) => r.id), ['a']);
  assert.deepEqual(report.unsupported.map((u) => [u.ruleId, u.type]), [['tm', 'threat_match'], ['sq', 'saved_query'], ['es', 'esql'], ['sample', 'eql'], ['off', 'query']]);
  assert.equal(report.errors.length, 2);
  assert.match(report.errors[0].message, /export\.ndjson:7 rule a: rule_id: duplicate/);
  assert.match(report.errors[1].message, /export\.ndjson:8 rule bad-interval: interval: "soon" is not a duration/);

  const [alert] = runRules(report, [{ ...rclone, event: { ...rclone.event, risk_score: 88 } }]);
  assert.equal(alert['kibana.alert.rule.uuid'], 'so-123');
  assert.equal(alert['kibana.alert.severity'], 'critical', 'severity_mapping');
  assert.equal(alert['kibana.alert.risk_score'], 88, 'risk_score_mapping');
  assert.equal(alert['kibana.alert.rule.name'], 'rclone.exe', 'rule_name_override');
});

test('testRule runs one rule file over an NDJSON events file', () => {
  const ruleFile = writeTemp('rclone.toml', toml('risk_score = 47\nseverity = "medium"'));
  const events = writeTemp('events.ndjson', [rclone, { ...rclone, '@timestamp': at(20 * MIN), process: { name: 'notepad.exe' } }, 'not json'].map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n'));
  const alerts = testRule(ruleFile, events);
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]['kibana.alert.rule.rule_id'], 'rclone-upload');
  assert.throws(() => testRule('no-such-rule-id', events, [ruleFile]), /no loaded rule has this rule_id or name/);
  assert.equal(testRule('Rclone upload', events, [ruleFile]).length, 1, 'found by name among the rule files');
});
