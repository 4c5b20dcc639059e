import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadRules, RuleEngine, validateRules } from '../../src/rules/index.js';
import { FIXTURE_RULES, fixturesPresent, runEvents, at } from './helpers.js';

test('every Elastic fixture rule loads; only the ES|QL ones are unsupported', (t) => {
  if (!fixturesPresent) return t.skip('../shared not present');
  const report = loadRules([FIXTURE_RULES]);
  assert.deepEqual(report.errors, []);
  const files = readdirSync(FIXTURE_RULES).flatMap((d) => readdirSync(join(FIXTURE_RULES, d)));
  assert.equal(report.loaded.length + report.unsupported.length, files.length);
  assert.ok(report.unsupported.length > 0);
  for (const u of report.unsupported) assert.equal(u.type, 'esql', `${u.name} is unsupported: ${u.reason}`);
  const types = new Set(report.loaded.map((r) => r.type));
  for (const t of ['query', 'eql', 'new_terms', 'machine_learning']) assert.ok(types.has(t as never), `no ${t} rule loaded`);
});

test('TOML details are read: threat with subtechniques, new_terms window, interval/from, ML job id', (t) => {
  if (!fixturesPresent) return t.skip('../shared not present');
  const { loaded } = loadRules([FIXTURE_RULES]);
  const usb = loaded.find((r) => r.id === '483832a8-ffdd-4e11-8e96-e0224f7bda9b')!;
  assert.equal(usb.type, 'new_terms');
  assert.deepEqual(usb.logic.type === 'new_terms' && usb.logic.fields, ['device.serial_number', 'host.id']);
  assert.equal(usb.logic.type === 'new_terms' && usb.logic.historyWindowMs, 7 * 86_400_000);
  assert.equal(usb.lookbackMs, 9 * 60_000);
  assert.equal(usb.intervalMs, 5 * 60_000);
  const exfil = usb.threat.find((th) => th.tactic.id === 'TA0010')!;
  assert.equal(exfil.technique?.[0].subtechnique?.[0].id, 'T1052.001');
  const port = loaded.find((r) => r.id === 'ef8cc01c-fc49-4954-a175-98569c646740')!;
  assert.deepEqual(port.logic, { type: 'machine_learning', jobIds: ['ded_high_sent_bytes_destination_port_ea'], anomalyThreshold: 75 });
  assert.equal(port.intervalMs, 15 * 60_000);
  assert.equal(port.lookbackMs, 6 * 3_600_000);
});

test('all fixture rules run together in one engine over unrelated events without alerting', (t) => {
  if (!fixturesPresent) return t.skip('../shared not present');
  const report = loadRules([FIXTURE_RULES]);
  const engine = new RuleEngine(report, { jobIds: [] });
  const events = Array.from({ length: 50 }, (_, i) => ({ '@timestamp': at(i * 60_000), event: { category: ['network'] }, host: { name: 'ws-1' } }));
  assert.deepEqual(runEvents(engine, events), []);
  const stats = engine.stats();
  assert.equal(stats.length, report.loaded.length);
  assert.ok(stats.every((s) => s.runs > 0));
  const ml = stats.find((s) => s.ruleId === 'ef8cc01c-fc49-4954-a175-98569c646740')!;
  assert.match(ml.warnings.join(' '), /ded_high_sent_bytes_destination_port_ea is not loaded/);
});

test('validateRules prints a per-type report with the unsupported reasons', (t) => {
  if (!fixturesPresent) return t.skip('../shared not present');
  const v = validateRules([FIXTURE_RULES]);
  assert.equal(v.ok, true);
  assert.equal(v.byType.machine_learning, 18);
  assert.match(v.text, /^machine_learning: 18 loaded$/m);
  assert.match(v.text, /not supported: 5/);
  assert.match(v.text, /\(esql\): ES\|QL rules are not supported/);
});
