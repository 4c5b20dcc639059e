/** The fields every alert shares: rule description (`kibana.alert.rule.*`), severity/risk (with mappings), status. */
import type { EcsEvent } from '../../ecs/index.js';
import { getNumber, getString, isoTime, setField } from '../../ecs/index.js';
import type { Alert, LoadedRule, Severity } from '../types.js';

const SEVERITY_ORDER: Severity[] = ['low', 'medium', 'high', 'critical'];

const RULE_TYPE_IDS: Record<LoadedRule['type'], string> = {
  query: 'siem.queryRule',
  eql: 'siem.eqlRule',
  threshold: 'siem.thresholdRule',
  new_terms: 'siem.newTermsRule',
  machine_learning: 'siem.mlRule',
};

/** `severity_mapping`: the highest severity whose field equals its value in the source document. */
export function mappedSeverity(rule: LoadedRule, doc: EcsEvent): Severity {
  let best: Severity | undefined;
  for (const m of rule.severityMapping) {
    if (getString(doc, m.field) !== m.value) continue;
    if (!best || SEVERITY_ORDER.indexOf(m.severity) > SEVERITY_ORDER.indexOf(best)) best = m.severity;
  }
  return best ?? rule.severity;
}

/** `risk_score_mapping`: the source field's numeric value (0–100) overrides the rule's risk score. */
export function mappedRiskScore(rule: LoadedRule, doc: EcsEvent): number {
  for (const m of rule.riskScoreMapping) {
    const v = getNumber(doc, m.field);
    if (v !== undefined && Number.isFinite(v) && v >= 0 && v <= 100) return v;
  }
  return rule.riskScore;
}

export interface AlertBasis {
  uuid: string;
  tickMs: number;
  originalTimeMs: number;
  /** The document mappings and overrides read (source event, anomaly view, or threshold terms). */
  mappingDoc: EcsEvent;
  ancestors: Array<{ id: string; type: string; index?: string; depth: number }>;
  reason: (ruleName: string, severity: Severity, riskScore: number) => string;
  explanation: string;
}

/** Adds the shared kibana.* and outflow.* fields to an alert whose entity fields are already set. */
export function finishAlert(alert: Alert, rule: LoadedRule, b: AlertBasis): Alert {
  const severity = mappedSeverity(rule, b.mappingDoc);
  const riskScore = mappedRiskScore(rule, b.mappingDoc);
  const name = (rule.ruleNameOverride && getString(b.mappingDoc, rule.ruleNameOverride)) || rule.name;
  setField(alert as EcsEvent, 'event.kind', 'signal');

  alert['kibana.alert.uuid'] = b.uuid;
  alert['kibana.alert.start'] = isoTime(b.tickMs);
  alert['kibana.alert.original_time'] = isoTime(b.originalTimeMs);
  alert['kibana.alert.severity'] = severity;
  alert['kibana.alert.risk_score'] = riskScore;
  alert['kibana.alert.reason'] = b.reason(name, severity, riskScore);
  alert['kibana.alert.workflow_status'] = 'open';
  alert['kibana.alert.status'] = 'active';
  alert['kibana.alert.depth'] = 1;
  alert['kibana.alert.ancestors'] = b.ancestors;
  if (rule.buildingBlockType) alert['kibana.alert.building_block_type'] = rule.buildingBlockType;
  alert['kibana.alert.rule.name'] = name;
  alert['kibana.alert.rule.rule_id'] = rule.id;
  alert['kibana.alert.rule.uuid'] = rule.uuid;
  alert['kibana.alert.rule.type'] = rule.type;
  alert['kibana.alert.rule.rule_type_id'] = RULE_TYPE_IDS[rule.type];
  alert['kibana.alert.rule.description'] = rule.description;
  alert['kibana.alert.rule.threat'] = rule.threat;
  alert['kibana.alert.rule.tags'] = rule.tags;
  alert['kibana.alert.rule.references'] = rule.references;
  alert['kibana.alert.rule.interval'] = rule.interval;
  alert['kibana.alert.rule.from'] = rule.from;
  alert['kibana.alert.rule.to'] = 'now';
  alert['kibana.alert.rule.max_signals'] = rule.maxSignals;
  alert['kibana.alert.rule.risk_score'] = rule.riskScore;
  alert['kibana.alert.rule.severity'] = rule.severity;
  alert['kibana.alert.rule.version'] = rule.version;
  alert['kibana.alert.rule.exceptions_list'] = rule.exceptionsList;
  alert['kibana.alert.rule.parameters'] = rule.parameters;
  if (rule.note) alert['kibana.alert.rule.note'] = rule.note;
  alert['kibana.space_ids'] = ['default'];
  alert['outflow.explanation'] = b.explanation;
  const guide = rule.outflow.investigationGuide ?? rule.note;
  if (guide) alert['outflow.investigation_guide'] = guide;
  return alert;
}
