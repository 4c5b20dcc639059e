import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { apiRule, at, HOUR, loadApiRules, MIN, runRules } from './helpers.js';

const rule = apiRule({
  rule_id: 'archive-then-upload',
  name: 'Archive then upload',
  type: 'eql',
  language: 'eql',
  interval: '5m',
  from: 'now-9m',
  query: `sequence by host.name with maxspan=5m
  [process where process.name == "rar.exe"]
  [network where destination.port == 443]
until [process where process.name == "logoff.exe"]`,
  outflow: { meaning: 'data was archived and then sent out over HTTPS' },
});

let seq = 0;
function proc(host: string, atMs: number, name: string): EcsEvent {
  return { '@timestamp': at(atMs), event: { id: `e${++seq}`, category: ['process'] }, host: { name: host }, user: { name: 'alice' }, process: { name, command_line: `${name} a secret.rar C:\\finance` } };
}
function net(host: string, atMs: number, port = 443): EcsEvent {
  return { '@timestamp': at(atMs), event: { id: `e${++seq}`, category: ['network'] }, host: { name: host }, user: { name: 'alice' }, destination: { ip: '198.51.100.7', port } };
}

test('eql sequence: per-key state machine with maxspan and until, one alert per sequence', () => {
  const base = HOUR;
  const events = [
    proc('A', base, 'rar.exe'), net('A', base + 2 * MIN),
    proc('B', base, 'rar.exe'), net('B', base + 7 * MIN), // beyond maxspan
    proc('C', base, 'rar.exe'), proc('C', base + MIN, 'logoff.exe'), net('C', base + 2 * MIN), // until ends it
    net('D', base), proc('D', base + MIN, 'rar.exe'), // wrong order
    proc('E', base, 'rar.exe'), proc('E', base + MIN, 'rar.exe'), net('E', base + 2 * MIN, 80), net('E', base + 3 * MIN), // latest start wins
  ];
  const alerts = runRules(loadApiRules([rule]), events);
  assert.deepEqual(alerts.map((a) => (a.host as { name: string }).name), ['A', 'E']);
  const [a, e] = alerts;
  assert.equal((a['kibana.alert.ancestors'] as unknown[]).length, 2);
  assert.equal(a['kibana.alert.original_time'], at(base));
  assert.deepEqual(a.user, { name: 'alice' }, 'fields common to all events are kept');
  assert.equal((a as { process?: unknown }).process, undefined, 'fields of only one event are not');
  assert.equal((a['outflow.sequence.events'] as unknown[]).length, 2);
  assert.match(String(a['outflow.explanation']), /^2 events in sequence for host\.name A within 2m: rar\.exe on A \(user alice\) ran `.*` → A connected to 198\.51\.100\.7:443, data was archived and then sent out over HTTPS$/);
  assert.equal(e['kibana.alert.original_time'], at(base + MIN), 'the later rar.exe starts the sequence that completes');
});

test('eql sequence: a step with runs=N needs N matching events in a row', () => {
  const runs = apiRule({
    ...rule,
    rule_id: 'three-uploads',
    query: 'sequence by host.name with maxspan=10m [network where destination.port == 443] with runs=3',
  });
  const twice = [net('F', HOUR), net('F', HOUR + MIN)];
  assert.deepEqual(runRules(loadApiRules([runs]), twice), []);
  const thrice = [net('G', HOUR), net('G', HOUR + MIN), net('G', HOUR + 2 * MIN)];
  const alerts = runRules(loadApiRules([runs]), thrice);
  assert.equal(alerts.length, 1);
  assert.equal((alerts[0]['kibana.alert.ancestors'] as unknown[]).length, 3);
});
