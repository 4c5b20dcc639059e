import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { applyExceptionToStoredAlerts, closableAlertUuids, compileExceptionItems, loadRules, RuleEngine, type ExceptionItem } from '../../src/rules/index.js';
import { apiRule, at, loadApiRules, MIN, record, runRules, T0, writeTemp } from './helpers.js';

const item = (entries: ExceptionItem['entries'], over: Partial<ExceptionItem> = {}): ExceptionItem => ({ list_id: 'l', item_id: 'i', entries, ...over });

const proc: EcsEvent = {
  '@timestamp': at(MIN),
  host: { name: 'build-01', os: { type: 'windows' } },
  user: { name: 'svc_backup' },
  process: { name: 'rclone.exe', executable: 'C:\\Tools\\rclone.exe', args: ['copy', 'C:\\finance', 'remote:x'] },
  file: { Ext: { code_signature: [{ trusted: true, subject_name: 'Rclone' }, { trusted: false, subject_name: 'Other' }] } },
};

test('exception entries: match, match_any, wildcard, exists, nested, excluded (entries ANDed, items ORed)', () => {
  const cases: Array<[string, ExceptionItem[], boolean]> = [
    ['match', [item([{ field: 'user.name', operator: 'included', type: 'match', value: 'svc_backup' }])], true],
    ['match is exact', [item([{ field: 'user.name', operator: 'included', type: 'match', value: 'SVC_BACKUP' }])], false],
    ['match_any', [item([{ field: 'host.name', operator: 'included', type: 'match_any', value: ['ws-1', 'build-01'] }])], true],
    ['match_any miss', [item([{ field: 'host.name', operator: 'included', type: 'match_any', value: ['ws-1', 'ws-2'] }])], false],
    ['wildcard', [item([{ field: 'process.executable', operator: 'included', type: 'wildcard', value: 'C:\\\\Tools\\\\*' }])], true],
    ['wildcard miss', [item([{ field: 'process.executable', operator: 'included', type: 'wildcard', value: 'D:\\\\*' }])], false],
    ['exists', [item([{ field: 'user.name', operator: 'included', type: 'exists' }])], true],
    ['excluded exists', [item([{ field: 'user.name', operator: 'excluded', type: 'exists' }])], false],
    ['excluded match (is not)', [item([{ field: 'host.os.type', operator: 'excluded', type: 'match', value: 'linux' }])], true],
    ['entries are ANDed', [item([
      { field: 'user.name', operator: 'included', type: 'match', value: 'svc_backup' },
      { field: 'host.name', operator: 'included', type: 'match', value: 'other' },
    ])], false],
    ['items are ORed', [
      item([{ field: 'host.name', operator: 'included', type: 'match', value: 'other' }]),
      item([{ field: 'process.name', operator: 'included', type: 'match', value: 'rclone.exe' }]),
    ], true],
    ['nested: one element matches all sub-entries', [item([{ field: 'file.Ext.code_signature', type: 'nested', entries: [
      { field: 'trusted', operator: 'included', type: 'match', value: 'true' },
      { field: 'subject_name', operator: 'included', type: 'match', value: 'Rclone' },
    ] }])], true],
    ['nested: sub-entries split across elements do not match', [item([{ field: 'file.Ext.code_signature', type: 'nested', entries: [
      { field: 'trusted', operator: 'included', type: 'match', value: 'false' },
      { field: 'subject_name', operator: 'included', type: 'match', value: 'Rclone' },
    ] }])], false],
    ['value lists cannot match', [item([{ field: 'host.name', operator: 'included', type: 'list', list: { id: 'hosts.txt', type: 'keyword' } }])], false],
  ];
  for (const [name, items, expected] of cases) assert.equal(compileExceptionItems(items)(proc), expected, name);
});

const rcloneRule = apiRule({ rule_id: 'rclone', name: 'Rclone run', query: 'process.name: "rclone.exe"', exceptions_list: [{ list_id: 'trusted-backup', namespace_type: 'single', type: 'detection' }] });

test('exception lists from an _export NDJSON attach by exceptions_list and by outflow.applies_to, and stop alerts', () => {
  const exportFile = writeTemp(
    'exceptions.ndjson',
    [
      { list_id: 'trusted-backup', name: 'Trusted backup', type: 'detection', namespace_type: 'single', description: 'x' },
      { list_id: 'trusted-backup', item_id: 'svc', type: 'simple', namespace_type: 'single', entries: [{ field: 'user.name', operator: 'included', type: 'match', value: 'svc_backup' }] },
      { list_id: 'everywhere', name: 'Lab hosts', type: 'detection', outflow: { applies_to: ['*'] } },
      { list_id: 'everywhere', item_id: 'lab', entries: [{ field: 'host.name', operator: 'included', type: 'wildcard', value: 'lab-*' }] },
      { list_id: 'values', item_id: 'v', entries: [{ field: 'host.name', operator: 'included', type: 'list', list: { id: 'h', type: 'keyword' } }], outflow: { applies_to: ['rclone'] } },
      { exported_exception_list_count: 3, exported_exception_list_item_count: 3, missing_exception_lists: [] },
    ].map((d) => JSON.stringify(d)).join('\n'),
  );
  const ruleFile = writeTemp('rules.ndjson', JSON.stringify(rcloneRule) + '\n');
  const report = loadRules([ruleFile, exportFile]);
  assert.deepEqual(report.errors, []);
  const rule = report.loaded[0];
  assert.deepEqual(rule.exceptions.map((i) => i.item_id).sort(), ['lab', 'svc', 'v']);
  assert.match(rule.warnings.join(), /value-list entry on host\.name/);

  const alerts = runRules(report, [
    proc,
    { ...proc, '@timestamp': at(2 * MIN), user: { name: 'alice' } },
    { ...proc, '@timestamp': at(3 * MIN), user: { name: 'alice' }, host: { name: 'lab-7' } },
  ]);
  assert.deepEqual(alerts.map((a) => (a.user as { name: string }).name), ['alice']);
});

test('a referenced list that is not loaded is a warning on the rule', () => {
  const report = loadApiRules([rcloneRule]);
  assert.match(report.loaded[0].warnings.join(), /exception list trusted-backup is referenced but was not loaded/);
});

test('ML rule exceptions match the record split fields and influencer values', () => {
  const ml = apiRule({ rule_id: 'ml', type: 'machine_learning', machine_learning_job_id: 'ded_high_sent_bytes_destination_port', anomaly_threshold: 50, interval: '15m', from: 'now-6h', query: undefined, language: undefined });
  const exceptionFile = writeTemp('ml-exceptions.json', JSON.stringify([
    { list_id: 'ml-ex', item_id: 'proc', entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'backup.exe' }], outflow: { applies_to: ['ml'] } },
    { list_id: 'ml-ex', item_id: 'port', entries: [{ field: 'destination.port', operator: 'included', type: 'match_any', value: ['22', '873'] }], outflow: { applies_to: ['ml'] } },
  ]));
  const report = loadRules([writeTemp('r.ndjson', JSON.stringify(ml)), exceptionFile]);
  assert.deepEqual(report.errors, []);
  const engine = new RuleEngine(report, { jobIds: ['ded_high_sent_bytes_destination_port'] });
  engine.onRecords([
    record({ _id: 'keep', timestamp: T0, record_score: 90 }),
    record({ _id: 'by-influencer', timestamp: T0, record_score: 90, over_field_value: '9', influencers: [{ influencer_field_name: 'process.name', influencer_field_values: ['rclone.exe', 'backup.exe'] }] }),
    record({ _id: 'by-split', timestamp: T0, record_score: 90, over_field_value: '873', 'destination.port': ['873'] }),
  ]);
  const alerts = engine.advanceTo(T0 + 15 * MIN);
  assert.deepEqual(alerts.map((a) => (a['kibana.alert.ancestors'] as Array<{ id: string }>)[0].id), ['keep']);
});

test('applyExceptionToStoredAlerts / closableAlertUuids: open alerts a new exception matches', () => {
  const report = loadApiRules([apiRule({ rule_id: 'rclone', query: 'process.name: "rclone.exe"' })]);
  const alerts = runRules(report, [proc, { ...proc, '@timestamp': at(2 * MIN), user: { name: 'alice' } }]);
  assert.equal(alerts.length, 2);
  const closed = { ...alerts[1], 'kibana.alert.workflow_status': 'closed' };
  const items = [item([{ field: 'process.name', operator: 'included', type: 'match', value: 'rclone.exe' }])];
  assert.deepEqual(applyExceptionToStoredAlerts([alerts[0], closed], items), [alerts[0]['kibana.alert.uuid']]);
  assert.deepEqual(applyExceptionToStoredAlerts(alerts, items, { ruleIds: ['another-rule'] }), []);
  const onlyAlice = [item([{ field: 'user.name', operator: 'included', type: 'match', value: 'alice' }])];
  report.loaded[0].exceptions = onlyAlice;
  assert.deepEqual(closableAlertUuids(report, alerts), [alerts[1]['kibana.alert.uuid']]);
});
