import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { RuleEngine } from '../../src/rules/index.js';
import { apiRule, at, loadApiRules, MIN, runEvents } from './helpers.js';

function upload(minute: number, host: string | undefined, n: number): EcsEvent {
  return { '@timestamp': at(minute * MIN + n * 1000), event: { id: `u${minute}-${n}-${host}` }, process: { name: 'rclone.exe' }, ...(host ? { host: { name: host } } : {}) };
}

const base = { rule_id: 'rclone', query: 'process.name: "rclone.exe"', interval: '5m', from: 'now-6m' };

test('suppression with a duration: later alerts of a group update the first one (same uuid, docs_count)', () => {
  const rule = apiRule({ ...base, alert_suppression: { group_by: ['host.name'], duration: { value: 30, unit: 'm' }, missing_fields_strategy: 'suppress' } });
  const engine = new RuleEngine(loadApiRules([rule]), { jobIds: [] });
  const alerts = runEvents(engine, [upload(1, 'ws-1', 1), upload(1, 'ws-1', 2), upload(7, 'ws-1', 1), upload(7, 'ws-2', 1), upload(50, 'ws-1', 1)]);
  const ws1 = alerts.filter((a) => (a.host as { name: string }).name === 'ws-1');
  const firstUuid = ws1[0]['kibana.alert.uuid'];
  // tick 10:05: new ws-1 alert with 1 suppressed; tick 10:10: re-emitted with 2; tick 10:55: a new group.
  assert.deepEqual(ws1.map((a) => [a['kibana.alert.uuid'] === firstUuid, a['kibana.alert.suppression.docs_count']]), [[true, 1], [true, 2], [false, 0]]);
  assert.deepEqual(ws1[1]['kibana.alert.suppression.terms'], [{ field: 'host.name', value: 'ws-1' }]);
  assert.equal(ws1[1]['kibana.alert.suppression.start'], at(MIN + 1000));
  assert.equal(ws1[1]['kibana.alert.suppression.end'], at(7 * MIN + 1000));
  assert.equal(ws1[1]['@timestamp'], ws1[0]['@timestamp'], 'the updated alert keeps its creation time');
  const stats = engine.stats()[0];
  assert.equal(stats.alerts, 3);
  assert.equal(stats.suppressed, 2);
});

test('suppression per run (no duration) and missing_fields_strategy', () => {
  const perRun = apiRule({ ...base, alert_suppression: { group_by: ['host.name'], missing_fields_strategy: 'suppress' } });
  const events = [upload(1, 'ws-1', 1), upload(1, 'ws-1', 2), upload(7, 'ws-1', 1), upload(1, undefined, 1), upload(1, undefined, 2)];
  const alerts = runEvents(new RuleEngine(loadApiRules([perRun]), { jobIds: [] }), events);
  assert.deepEqual(alerts.map((a) => [(a.host as { name?: string } | undefined)?.name ?? null, a['kibana.alert.suppression.docs_count']]), [
    ['ws-1', 1],
    [null, 1],
    ['ws-1', 0],
  ]);
  const doNot = apiRule({ ...base, alert_suppression: { group_by: ['host.name'], missing_fields_strategy: 'doNotSuppress' } });
  const alerts2 = runEvents(new RuleEngine(loadApiRules([doNot]), { jobIds: [] }), events);
  assert.equal(alerts2.filter((a) => a.host === undefined).length, 2, 'alerts without host.name are not grouped');
});
