import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobDef, newJob, run, latestRecords } from './helpers.js';
import { BURST_BUCKET, DED_PORT_JOB, dedFlows } from './ded-traffic.js';

function withRules(rules: unknown[], filters?: Record<string, string[]>) {
  const detector = { ...DED_PORT_JOB.analysis_config.detectors[0], custom_rules: rules };
  return jobDef({ ...DED_PORT_JOB, analysis_config: { ...DED_PORT_JOB.analysis_config, detectors: [detector] }, ...(filters ? { filters } : {}) });
}

const burstRecord = (def: ReturnType<typeof withRules>) =>
  latestRecords(run(newJob(def), dedFlows({ days: 21 })).records).find((r) => r.timestamp === BURST_BUCKET && r.over_field_value === '4444');

test('skip_result with a scope filter silences the listed destination ports only', () => {
  assert.ok(burstRecord(withRules([{ actions: ['skip_result'], scope: { 'destination.port': { filter_id: 'other_ports', filter_type: 'include' } } }], { other_ports: ['22', '3389'] })),
    'ports outside the filter are still reported');
  assert.equal(burstRecord(withRules([{ actions: ['skip_result'], scope: { 'destination.port': { filter_id: 'backup_ports', filter_type: 'include' } } }], { backup_ports: ['44*'] })),
    undefined, 'a wildcard filter item matches 4444');
});

test('conditions on actual decide whether a rule applies', () => {
  assert.equal(burstRecord(withRules([{ actions: ['skip_result'], conditions: [{ applies_to: 'actual', operator: 'gt', value: 1e9 }] }])), undefined);
  assert.ok(burstRecord(withRules([{ actions: ['skip_result'], conditions: [{ applies_to: 'actual', operator: 'lt', value: 1e9 }] }])));
});
