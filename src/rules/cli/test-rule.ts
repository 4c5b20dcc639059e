/**
 * `outflow rules test`: one rule (a file, or a rule_id/name among `ruleFiles`) over a file of NDJSON events, in a
 * plain in-memory loop: events sorted by time, the engine advanced as time passes, then finish(). Lines that are
 * anomaly records (`result_type: "record"`) feed machine_learning rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { EcsEvent } from '../../ecs/index.js';
import { eventTime } from '../../ecs/index.js';
import { ConfigError } from '../../errors.js';
import { loadRules } from '../load/load-rules.js';
import { RuleEngine } from '../run/rule-engine.js';
import type { Alert, RecordDoc, RuleLoadReport } from '../types.js';

function selectRule(rule: string, ruleFiles: string[]): RuleLoadReport {
  if (existsSync(rule)) {
    const report = loadRules([rule]);
    if (report.loaded.length === 0) {
      const why = [...report.unsupported.map((u) => u.reason), ...report.errors.map((e) => e.message)].join('; ') || 'no rule in the file';
      throw new ConfigError(rule, '(rule)', `nothing to run: ${why}`, 'pass a supported rule file');
    }
    return report;
  }
  const all = loadRules(ruleFiles);
  const wanted = rule.toLowerCase();
  const found = all.loaded.filter((r) => r.id === rule || r.name.toLowerCase() === wanted);
  if (found.length === 0) throw new ConfigError(rule, '(rule)', 'no loaded rule has this rule_id or name, and it is not a file', 'pass a rule file or a rule_id from `outflow rules list`');
  return { ...all, loaded: found.slice(0, 1) };
}

function readLines(file: string): string[] {
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text.split(/\r?\n/);
}

export function testRule(rule: string, eventsFile: string, ruleFiles: string[] = []): Alert[] {
  const report = selectRule(rule, ruleFiles);
  const events: Array<{ event: EcsEvent; t: number }> = [];
  const records: RecordDoc[] = [];
  for (const line of readLines(eventsFile)) {
    if (line.trim() === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      continue; // a test helper: unreadable lines are skipped, the replay path dead-letters them
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue;
    const d = doc as Record<string, unknown>;
    if (d.result_type === 'record' && typeof d.job_id === 'string') {
      records.push(d as RecordDoc);
      continue;
    }
    const t = eventTime(d as EcsEvent);
    if (t !== undefined) events.push({ event: d as EcsEvent, t });
  }
  events.sort((a, b) => a.t - b.t);
  const jobIds = [...new Set(records.map((r) => r.job_id))];
  const engine = new RuleEngine(report, { jobIds });
  engine.onRecords(records);
  const alerts: Alert[] = [];
  for (const { event, t } of events) {
    alerts.push(...engine.advanceTo(t - 1));
    engine.onEvent(event, t);
  }
  return [...alerts, ...engine.finish()];
}
