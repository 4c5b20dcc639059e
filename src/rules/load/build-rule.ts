/** Validates one API-form rule object and turns it into a LoadedRule (queries parsed), or says why it cannot run. */
import { ConfigError } from '../../errors.js';
import { parseDuration, parseLookback } from '../duration.js';
import type { LoadedRule, RuleType, SuppressionConfig, UnsupportedRule } from '../types.js';
import { parseWithSchema, type RuleSource } from './parse-with-schema.js';
import { buildLogic, type LogicResult } from './rule-logic.js';
import { commonRuleSchema, UNSUPPORTED_TYPES, type CommonRule } from './rule-schema.js';

export type { RuleSource } from './parse-with-schema.js';
export type BuildResult = { rule: LoadedRule } | { unsupported: UnsupportedRule } | { errors: string[] };

function suppressionOf(c: CommonRule): SuppressionConfig | undefined {
  const s = c.alert_suppression;
  if (!s) return undefined;
  const unitMs = { s: 1000, m: 60_000, h: 3_600_000 }[s.duration?.unit ?? 's'];
  return {
    groupBy: s.group_by,
    ...(s.duration ? { durationMs: s.duration.value * unitMs } : {}),
    missingFieldsStrategy: s.missing_fields_strategy,
  };
}

/** Long texts that belong in their own alert fields, not in `kibana.alert.rule.parameters`. */
const NOT_PARAMETERS = new Set(['note', 'setup', 'outflow']);

export function buildRule(raw: Record<string, unknown>, src: RuleSource): BuildResult {
  const ruleId = typeof raw.rule_id === 'string' ? raw.rule_id : undefined;
  const where = `${src.file} rule ${ruleId ?? '(no rule_id)'}`;
  const base = parseWithSchema(commonRuleSchema, raw, where, src);
  if ('errors' in base) return base;
  const c = base.ok;
  const unsupported = (reason: string): BuildResult => ({ unsupported: { file: src.file, ruleId: c.rule_id, name: c.name, type: c.type, reason } });

  if (UNSUPPORTED_TYPES[c.type]) return unsupported(UNSUPPORTED_TYPES[c.type]);
  if (!['query', 'eql', 'threshold', 'new_terms', 'machine_learning'].includes(c.type)) {
    return unsupported(`unknown rule type "${c.type}"`);
  }
  if (!c.enabled) return unsupported('disabled in the file (enabled: false)');
  const type = c.type as RuleType;

  const intervalMs = parseDuration(c.interval);
  const lookbackMs = parseLookback(c.from);
  const errors: string[] = [];
  if (intervalMs === undefined) errors.push(new ConfigError(where, `${src.keyPrefix}interval`, `"${c.interval}" is not a duration`, 'use e.g. "5m" or "1h"').message);
  if (lookbackMs === undefined || lookbackMs === 0) errors.push(new ConfigError(where, `${src.keyPrefix}from`, `"${c.from}" is not date math of the form now-<n><s|m|h|d>`, 'use e.g. "now-6m"').message);
  if (errors.length) return { errors };

  let built: LogicResult;
  try {
    built = buildLogic(type, raw, where, src);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (err instanceof ConfigError) return { errors: [msg] };
    return { errors: [new ConfigError(where, `${src.keyPrefix}query`, msg, 'fix the query text').message] };
  }
  if ('errors' in built) return built;
  if ('unsupported' in built) return unsupported(built.unsupported);

  const warnings: string[] = [];
  if (c.to !== 'now') warnings.push(`to = "${c.to}" is ignored; lookbacks end at the run time`);
  const parameters: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!NOT_PARAMETERS.has(k)) parameters[k] = v;

  const ext = c.outflow ?? {};
  const suppression = suppressionOf(c);
  const rule: LoadedRule = {
    id: c.rule_id,
    name: c.name,
    type,
    file: src.file,
    uuid: c.id ?? c.rule_id,
    version: c.version,
    description: c.description,
    severity: c.severity,
    riskScore: c.risk_score,
    severityMapping: c.severity_mapping.map((m) => ({ field: m.field, operator: m.operator, value: m.value, severity: m.severity })),
    riskScoreMapping: c.risk_score_mapping.map((m) => ({ field: m.field, operator: m.operator, value: m.value, ...(m.risk_score !== undefined ? { risk_score: m.risk_score } : {}) })),
    ...(c.rule_name_override ? { ruleNameOverride: c.rule_name_override } : {}),
    interval: c.interval,
    intervalMs: intervalMs!,
    from: c.from,
    lookbackMs: lookbackMs!,
    maxSignals: c.max_signals,
    tags: c.tags,
    threat: c.threat.map((t) => ({
      framework: t.framework,
      tactic: { id: t.tactic.id, name: t.tactic.name, ...(t.tactic.reference ? { reference: t.tactic.reference } : {}) },
      ...(t.technique ? { technique: t.technique.map((q) => ({ id: q.id, name: q.name, ...(q.reference ? { reference: q.reference } : {}), ...(q.subtechnique ? { subtechnique: q.subtechnique.map((s) => ({ id: s.id, name: s.name, ...(s.reference ? { reference: s.reference } : {}) })) } : {}) })) } : {}),
    })),
    references: c.references,
    ...(c.note ? { note: c.note } : {}),
    ...(c.building_block_type ? { buildingBlockType: c.building_block_type } : {}),
    investigationFields: c.investigation_fields?.field_names ?? [],
    ...(suppression ? { suppression } : {}),
    exceptionsList: c.exceptions_list.map((e) => ({ list_id: e.list_id, ...(e.id ? { id: e.id } : {}), ...(e.namespace_type ? { namespace_type: e.namespace_type } : {}), ...(e.type ? { type: e.type } : {}) })),
    exceptions: [],
    ...(built.queryText !== undefined ? { queryText: built.queryText } : {}),
    ...(built.language ? { language: built.language } : {}),
    logic: built.logic,
    outflow: {
      ...(ext.investigation_guide ? { investigationGuide: ext.investigation_guide } : {}),
      ...(ext.meaning ? { meaning: ext.meaning } : {}),
    },
    parameters,
    warnings,
  };
  return { rule };
}
