/** Test helpers: temp rule files, a minimal event-time loop like the engine's, fixture paths. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EcsEvent } from '../../src/ecs/index.js';
import { tempDir as sharedTempDir } from '../support/temp-dir.js';
import { loadRules, RuleEngine, type Alert, type RecordDoc, type RuleLoadReport } from '../../src/rules/index.js';

export const FIXTURE_RULES = resolve('..', 'shared', 'fixtures', 'elastic', 'rules');
export const fixturesPresent = existsSync(FIXTURE_RULES);

export function tempDir(): string {
  return sharedTempDir('rules');
}

/** Writes `content` to a fresh temp file with that name and returns its path. */
export function writeTemp(name: string, content: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

/** A Kibana-export style rule (API form) with sensible defaults. */
export function apiRule(over: Record<string, unknown>): Record<string, unknown> {
  return {
    rule_id: 'test-rule',
    name: 'Test rule',
    description: 'test',
    risk_score: 47,
    severity: 'medium',
    type: 'query',
    language: 'kuery',
    query: '*',
    interval: '5m',
    from: 'now-6m',
    ...over,
  };
}

/** Loads rules given as API-form objects (and optional exception docs) through a temp NDJSON file. */
export function loadApiRules(rules: Array<Record<string, unknown>>, extraDocs: unknown[] = []): RuleLoadReport {
  const file = writeTemp('rules.ndjson', [...rules, ...extraDocs].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const report = loadRules([file]);
  if (report.errors.length) throw new Error(report.errors.map((e) => e.message).join('\n'));
  return report;
}

export const T0 = Date.parse('2026-03-02T10:00:00Z');
export const MIN = 60_000;
export const HOUR = 3_600_000;

export function at(offsetMs: number): string {
  return new Date(T0 + offsetMs).toISOString();
}

/** Feeds events in time order (advancing the watermark as time passes, like the engine), then finish(). */
export function runEvents(engine: RuleEngine, events: EcsEvent[], opts: { finish?: boolean } = {}): Alert[] {
  const sorted = events.map((e) => ({ e, t: Date.parse(String(e['@timestamp'])) })).sort((a, b) => a.t - b.t);
  const out: Alert[] = [];
  for (const { e, t } of sorted) {
    out.push(...engine.advanceTo(t - 1));
    engine.onEvent(e, t);
  }
  if (opts.finish !== false) out.push(...engine.finish());
  return out;
}

export function runRules(report: RuleLoadReport, events: EcsEvent[], jobIds: string[] = []): Alert[] {
  return runEvents(new RuleEngine(report, { jobIds }), events);
}

export function record(over: Partial<RecordDoc> & { _id: string; timestamp: number; record_score: number }): RecordDoc {
  return {
    job_id: 'ded_high_sent_bytes_destination_port',
    result_type: 'record',
    bucket_span: 10800,
    initial_record_score: over.record_score,
    probability: 1e-9,
    is_interim: false,
    function: 'high_sum',
    field_name: 'source.bytes',
    over_field_name: 'destination.port',
    over_field_value: '4444',
    'destination.port': ['4444'],
    'host.name': ['ws-017'],
    influencers: [{ influencer_field_name: 'host.name', influencer_field_values: ['ws-017'] }],
    typical: [2_000_000],
    actual: [3_100_000_000],
    explanation: 'ws-017 sent 3.1 GB to destination port 4444 in 3h; ports normally receive under 2 MB.',
    ...over,
  };
}
