/**
 * Rules judged where events are parsed (rule-interest.ts): an engine fed only the wanted events whole, and the others
 * as time and touch mask, raises the same alerts and ends in the same state as one fed every event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EcsEvent } from '../../src/ecs/index.js';
import { eventTime } from '../../src/ecs/index.js';
import { RuleEngine, type Alert } from '../../src/rules/index.js';
import { hasTimeEffects, ruleInterest } from '../../src/rules/run/rule-interest.js';
import { createExecutor } from '../../src/rules/executors/create-executor.js';
import { apiRule, at, HOUR, loadApiRules, MIN } from '../rules/helpers.js';

const DAY = 24 * HOUR;

const rules = [
  apiRule({ rule_id: 'smb', name: 'New SMB destination', type: 'new_terms', query: 'event.category: network and destination.port: 445', new_terms_fields: ['host.name', 'destination.ip'], history_window_start: 'now-7d' }),
  apiRule({ rule_id: 'seq', name: 'Zip then curl', type: 'eql', language: 'eql', query: 'sequence by host.name with maxspan=10m [process where process.name == "zip"] [process where process.name == "curl"]' }),
  apiRule({ rule_id: 'nslookup', name: 'nslookup', type: 'query', query: 'event.category: process and process.name: nslookup' }),
];

function flow(offsetMs: number, host: string, port: number): EcsEvent {
  return { '@timestamp': at(offsetMs), event: { category: ['network'] }, host: { name: host }, destination: { ip: '198.51.100.7', port } };
}
function proc(offsetMs: number, host: string, name: string): EcsEvent {
  return { '@timestamp': at(offsetMs), event: { category: ['process'] }, host: { name: host }, process: { name } };
}

/** Week-long input where most events are offered to the new_terms and sequence rules but kept by none. */
function stream(): EcsEvent[] {
  const events: EcsEvent[] = [];
  for (let m = 0; m < 8 * DAY; m += 37 * MIN) {
    events.push(flow(m, 'ws-1', 443)); // offered to the new_terms rule (network), never kept
    events.push(proc(m + MIN, 'ws-2', 'bash')); // offered to the sequence and query rules, never kept
  }
  events.push(proc(8 * DAY + MIN, 'ws-2', 'zip'), proc(8 * DAY + 3 * MIN, 'ws-2', 'bash'), proc(8 * DAY + 4 * MIN, 'ws-2', 'curl'));
  events.push(flow(8 * DAY + 5 * MIN, 'ws-1', 445), proc(8 * DAY + 6 * MIN, 'ws-3', 'nslookup'));
  return events.sort((a, b) => eventTime(a)! - eventTime(b)!);
}

function run(engine: RuleEngine, events: EcsEvent[], judge?: (e: EcsEvent) => number): { alerts: Alert[]; unwanted: number } {
  const alerts: Alert[] = [];
  let unwanted = 0;
  for (const e of events) {
    const t = eventTime(e)!;
    alerts.push(...engine.advanceTo(t - 1));
    const verdict = judge ? judge({ ...e }) : -1;
    if (verdict < 0) engine.onEvent(e, t);
    else {
      unwanted++;
      engine.onUnwantedEvent(t, verdict);
    }
  }
  alerts.push(...engine.finish());
  return { alerts, unwanted };
}

test('rules see unwanted events only by time and touch mask, with the same alerts and state', () => {
  const report = loadApiRules(rules);
  const interest = ruleInterest(report.loaded);
  const events = stream();
  const every = run(new RuleEngine(report, { jobIds: [] }), events);
  const judgedEngine = new RuleEngine(report, { jobIds: [] });
  const judged = run(judgedEngine, events, (e) => interest.judge(e));
  assert.ok(judged.unwanted > events.length * 0.9, 'most events are judged unwanted');
  assert.deepEqual(every.alerts.map((a) => a['kibana.alert.rule.rule_id']).sort(), ['nslookup', 'seq', 'smb']);
  assert.deepEqual(judged.alerts, every.alerts);
  const reference = new RuleEngine(report, { jobIds: [] });
  run(reference, events);
  assert.deepEqual(judgedEngine.snapshot(), reference.snapshot());
});

test('an event some rule keeps is always judged wanted; the others name the time-effect rules offered them', () => {
  const interest = ruleInterest(loadApiRules(rules).loaded);
  assert.equal(interest.judge(proc(0, 'h', 'nslookup')), -1);
  assert.equal(interest.judge(proc(0, 'h', 'zip')), -1);
  assert.equal(interest.judge(flow(0, 'h', 445)), -1);
  assert.equal(interest.judge(flow(0, 'h', 443)), 0b01, 'offered to the new_terms rule only');
  assert.equal(interest.judge(proc(0, 'h', 'bash')), 0b10, 'offered to the sequence rule only');
  assert.equal(interest.judge({ '@timestamp': at(0), event: { category: ['file'] } }), 0);
});

test('the rules judged to have time-only effects are exactly those whose executors observe time', () => {
  const report = loadApiRules([
    ...rules,
    apiRule({ rule_id: 'eql-event', name: 'curl', type: 'eql', language: 'eql', query: 'process where process.name == "curl"' }),
    apiRule({ rule_id: 'thr', name: 'many', type: 'threshold', query: 'event.category: network', threshold: { field: ['host.name'], value: 10 } }),
    apiRule({ rule_id: 'ml', name: 'ml', type: 'machine_learning', machine_learning_job_id: 'some_job', anomaly_threshold: 75 }),
  ]);
  assert.equal(report.loaded.length, 6);
  for (const rule of report.loaded) {
    const observes = typeof createExecutor(rule, ['some_job']).observeTime === 'function';
    assert.equal(hasTimeEffects(rule), observes, `${rule.name}: judged time effects and the executor's agree`);
  }
});
