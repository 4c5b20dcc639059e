import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetLabels, ScenarioLabel } from '../../src/generator/index.js';
import { generateDataset } from '../../src/generator/index.js';
import { readNdjson, run, tmp } from './replay-helpers.js';

/**
 * The four rules users ask for first, on a generated month of a small organisation with the core attacks injected:
 * each must raise an alert for its own attack, on the attack's entity, with an explanation that names what was unusual.
 * A month, not the two weeks of the other replay tests: "a process this host never used for USB writes" needs the
 * host's habit to be learned first, and the rule's threshold (75) is meant for jobs with weeks of history.
 */
const SEEDS: Array<{ rule: string; scenario: string; explanation: RegExp }> = [
  {
    rule: 'Potential Data Exfiltration Activity to an Unusual Destination Port', scenario: 'exfil-rare-port',
    explanation: /sent [\d.]+ GB to destination port 4444 .*this destination port never received data before/,
  },
  {
    rule: 'Potential Data Exfiltration Activity to an Unusual ISO Code', scenario: 'exfil-new-country',
    explanation: /sent [\d.]+ GB to destination country RU .*this destination country never received data before/,
  },
  {
    rule: 'Unusual Process Writing Data to an External Device', scenario: 'usb-rare-process-habitual-host',
    explanation: /7z\.exe/,
  },
  {
    rule: 'Spike in Remote File Transfers', scenario: 'remote-file-spike',
    explanation: /saw [\d,]+ creation events in the hour/,
  },
];

type Alert = Record<string, unknown>;

function field(alert: Alert, name: string): unknown {
  if (name in alert) return alert[name];
  let cur: unknown = alert;
  for (const part of name.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  return cur;
}

/** Every field of the scenario's entity is on the alert (as a value or in an array of values). */
function onEntity(alert: Alert, scenario: ScenarioLabel): boolean {
  return Object.entries(scenario.entity).every(([k, v]) => {
    const got = field(alert, k);
    return Array.isArray(got) ? got.map(String).includes(String(v)) : String(got) === String(v);
  });
}

test('each seed rule alerts on its own injected attack, naming the entity', async () => {
  const dataset = await generateDataset({ seed: 11, days: 28, hosts: 12, outDir: join(tmp('seed-org'), 'data'), scenarios: 'core' });
  const labels = JSON.parse(readFileSync(dataset.labelsFile, 'utf8')) as DatasetLabels;
  const dir = tmp('seed');
  await run(dataset.files, dir);
  const alerts = readNdjson(join(dir, 'alerts.ndjson'));
  for (const seed of SEEDS) {
    const scenario = labels.scenarios.find((s) => s.id === seed.scenario);
    assert.ok(scenario, `the generated organisation has scenario ${seed.scenario}`);
    const start = Date.parse(scenario.start) - 3 * 3_600_000;
    const end = Date.parse(scenario.end) + 3_600_000;
    const fired = alerts.filter((a) => a['kibana.alert.rule.name'] === seed.rule);
    const onAttack = fired.filter((a) => {
      const t = Date.parse(String(a['kibana.alert.original_time']));
      return t >= start && t <= end && onEntity(a, scenario);
    });
    const seen = fired.map((a) => `${String(a['kibana.alert.original_time'])} ${String(a['outflow.explanation']).slice(0, 120)}`);
    assert.ok(onAttack.length >= 1, `${seed.rule} alerts on ${seed.scenario} (${JSON.stringify(scenario.entity)}); its alerts: ${JSON.stringify(seen)}`);
    assert.match(String(onAttack[0]['outflow.explanation']), seed.explanation);
  }
});
