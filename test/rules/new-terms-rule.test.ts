import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { apiRule, at, HOUR, loadApiRules, MIN, runRules } from './helpers.js';

const DAY = 24 * HOUR;

const rule = apiRule({
  rule_id: 'new-smb-dest',
  name: 'First SMB connection from a host to a destination',
  type: 'new_terms',
  query: 'event.category: network and destination.port: 445',
  new_terms_fields: ['host.name', 'destination.ip'],
  history_window_start: 'now-7d',
  interval: '5m',
  from: 'now-6m',
});

function smb(offsetMs: number, host: string, ip: string, port = 445): EcsEvent {
  return { '@timestamp': at(offsetMs), event: { category: ['network'] }, host: { name: host }, destination: { ip, port } };
}

test('new_terms: alerts the first event of a value tuple not seen in the history window', () => {
  const report = loadApiRules([rule]);
  const alerts = runRules(report, [
    smb(-7 * DAY, 'ws-0', '198.51.100.200', 80), // input starts a week earlier: the 7-day history is covered
    smb(1 * MIN, 'ws-1', '198.51.100.1'),
    smb(2 * MIN, 'ws-1', '198.51.100.1'), // same tuple in the same lookback: still one alert
    smb(1 * HOUR, 'ws-1', '198.51.100.1'), // seen an hour ago
    smb(1 * HOUR + MIN, 'ws-1', '198.51.100.2'), // new destination for ws-1
    smb(3 * DAY, 'ws-2', '198.51.100.1'), // new host for that destination
    smb(5 * DAY, 'ws-3', '198.51.100.9', 80), // filtered out by the query: not history either
    smb(5 * DAY + HOUR, 'ws-3', '198.51.100.9'),
    smb(6 * DAY, 'ws-1', '198.51.100.2'), // 5 days after last sight: inside 7d, not new
    smb(9 * DAY, 'ws-1', '198.51.100.1'), // last seen 9 days ago: outside the 7d window, new again
  ]);
  assert.deepEqual(
    alerts.map((a) => [a['kibana.alert.original_time'], a['kibana.alert.new_terms']]),
    [
      [at(1 * MIN), ['ws-1', '198.51.100.1']],
      [at(1 * HOUR + MIN), ['ws-1', '198.51.100.2']],
      [at(3 * DAY), ['ws-2', '198.51.100.1']],
      [at(5 * DAY + HOUR), ['ws-3', '198.51.100.9']],
      [at(9 * DAY), ['ws-1', '198.51.100.1']],
    ],
  );
  assert.match(String(alerts[0]['outflow.explanation']), /^ws-1 connected to 198\.51\.100\.1:445 \(first host\.name ws-1, destination\.ip 198\.51\.100\.1 in 7d\)/);
  assert.equal(new Set(alerts.map((a) => a['kibana.alert.uuid'])).size, alerts.length);
});

test('new_terms: terms are not judged until the input covers the history (min(window, 7 days))', () => {
  const report = loadApiRules([rule]);
  const alerts = runRules(report, [
    smb(1 * MIN, 'ws-1', '198.51.100.1'), // first day of input: everything would be "new"
    smb(2 * DAY, 'ws-1', '198.51.100.1'),
    smb(7 * DAY + HOUR, 'ws-3', '198.51.100.1'), // a week of history exists now
    smb(7 * DAY + 2 * HOUR, 'ws-1', '198.51.100.1'), // seen on day 2, inside the window: not new
  ]);
  assert.deepEqual(alerts.map((a) => a['kibana.alert.new_terms']), [['ws-3', '198.51.100.1']]);
});

test('new_terms: events missing one of the fields are ignored', () => {
  const report = loadApiRules([rule]);
  const noHost: EcsEvent = { '@timestamp': at(MIN), event: { category: ['network'] }, destination: { ip: '198.51.100.1', port: 445 } };
  assert.deepEqual(runRules(report, [noHost]), []);
});

test('a touch matters to a new_terms rule only until its history has started; to a sequence always', async () => {
  const { RuleEngine } = await import('../../src/rules/index.js');
  const sequence = apiRule({
    rule_id: 'seq', name: 'Sequence', type: 'eql', language: 'eql',
    query: 'sequence by host.name with maxspan=5m [process where process.name == "a"] [network where true]',
  });
  const engine = new RuleEngine(loadApiRules([rule, sequence]), { jobIds: [] });
  // Time runners in load order: bit 0 is the new_terms rule, bit 1 the sequence.
  assert.equal(engine.touchesMatter(0b01), true, 'before any event the first time is still to come');
  engine.onUnwantedEvent(Date.parse(at(0)), 0b01);
  assert.equal(engine.touchesMatter(0b01), false, 'its first time is known: later touches change nothing');
  assert.equal(engine.touchesMatter(0b11), true, 'a sequence notes the latest time of every event');
  assert.equal(engine.touchesMatter(0), false);
});
