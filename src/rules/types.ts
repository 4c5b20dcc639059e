/** Shared shapes of the rules stage: loaded rules, the load report, alerts and the anomaly records ML rules read. */
import type { EqlEventQuery, EqlSequenceQuery, QueryNode } from '../query/index.js';
import type { ExceptionItem, ExceptionList } from './exceptions/types.js';

export type RuleType = 'query' | 'eql' | 'threshold' | 'new_terms' | 'machine_learning';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface ThreatRef {
  id: string;
  name: string;
  reference?: string;
}
export interface ThreatTechnique extends ThreatRef {
  subtechnique?: ThreatRef[];
}
/** One `[[rule.threat]]` entry: an ATT&CK tactic and the techniques under it. */
export interface ThreatEntry {
  framework: string;
  tactic: ThreatRef;
  technique?: ThreatTechnique[];
}

export interface SeverityMappingEntry {
  field: string;
  operator: 'equals';
  value: string;
  severity: Severity;
}
export interface RiskScoreMappingEntry {
  field: string;
  operator: 'equals';
  value: string;
  risk_score?: number;
}

/** `alert_suppression`; `durationMs` absent means "within one rule run". */
export interface SuppressionConfig {
  groupBy: string[];
  durationMs?: number;
  missingFieldsStrategy: 'suppress' | 'doNotSuppress';
}

export interface ExceptionListRef {
  list_id: string;
  id?: string;
  namespace_type?: string;
  type?: string;
}

/** What a rule evaluates, parsed at load time (plain data; compiled to closures by the engine). */
export type RuleLogic =
  | { type: 'query'; language: 'kuery' | 'lucene'; query: QueryNode }
  | { type: 'eql'; eql: EqlEventQuery | EqlSequenceQuery; categoryField?: string }
  | {
      type: 'threshold';
      language: 'kuery' | 'lucene';
      query: QueryNode;
      fields: string[];
      value: number;
      cardinality: Array<{ field: string; value: number }>;
    }
  | { type: 'new_terms'; language: 'kuery' | 'lucene'; query: QueryNode; fields: string[]; historyWindowStart: string; historyWindowMs: number }
  | { type: 'machine_learning'; jobIds: string[]; anomalyThreshold: number };

/** Our own additions to a rule, read from `[rule.outflow]` (TOML) or `outflow` (JSON); Elastic ignores them. */
export interface OutflowRuleExtension {
  /** Markdown investigation guide; falls back to the rule's `note`. */
  investigationGuide?: string;
  /** What a match means, in a few plain words ("a cloud sync tool used to upload data outside the company"). */
  meaning?: string;
}

export interface LoadedRule {
  /** `rule_id` */
  id: string;
  name: string;
  type: RuleType;
  file: string;
  /** Kibana saved-object id when the rule came from an export, else the rule_id. */
  uuid: string;
  version: number;
  description: string;
  severity: Severity;
  riskScore: number;
  severityMapping: SeverityMappingEntry[];
  riskScoreMapping: RiskScoreMappingEntry[];
  ruleNameOverride?: string;
  interval: string;
  intervalMs: number;
  from: string;
  lookbackMs: number;
  maxSignals: number;
  tags: string[];
  threat: ThreatEntry[];
  references: string[];
  note?: string;
  buildingBlockType?: string;
  investigationFields: string[];
  suppression?: SuppressionConfig;
  exceptionsList: ExceptionListRef[];
  /** Exception items attached at load (referenced lists and `outflow.applies_to` lists). */
  exceptions: ExceptionItem[];
  /** The query text as written (for `kibana.alert.rule.parameters` and explanations). */
  queryText?: string;
  language?: string;
  logic: RuleLogic;
  outflow: OutflowRuleExtension;
  /** Elastic's rule params as loaded (API form, long texts removed): `kibana.alert.rule.parameters`. */
  parameters: Record<string, unknown>;
  /** Load-time remarks (missing exception lists, unsupported exception entries, ignored keys). */
  warnings: string[];
}

export interface UnsupportedRule {
  file: string;
  ruleId?: string;
  name?: string;
  type?: string;
  reason: string;
}

export interface RuleLoadError {
  file: string;
  message: string;
}

export interface RuleLoadReport {
  loaded: LoadedRule[];
  unsupported: UnsupportedRule[];
  errors: RuleLoadError[];
  /** Exception lists found in the given paths (already attached to the rules they apply to). */
  exceptionLists: ExceptionList[];
  /** Bundled rules replaced by a user's rule with the same rule_id (see LoadRulesOptions.overridableDir). */
  overridden?: Array<{ ruleId: string; name: string; bundled: string; by: string }>;
}

/**
 * An Elastic-like alert document. Choice: `kibana.alert.*`, `kibana.space_ids` and `outflow.*` are flat dotted
 * keys (as Elastic stores them in `.alerts-security.alerts-*`); ECS entity fields (host, user, process, …) and
 * anomaly record fields are nested objects, as in the source documents. Always has `kibana.alert.uuid`.
 */
export interface Alert {
  [field: string]: unknown;
}

/** An anomaly record result (Elastic `.ml-anomalies-*` record doc) as the anomaly stage emits it. */
export interface RecordDoc {
  _id: string;
  job_id: string;
  result_type: string;
  /** Epoch ms, bucket start. */
  timestamp: number;
  bucket_span?: number;
  record_score: number;
  initial_record_score?: number;
  probability?: number;
  is_interim?: boolean;
  function?: string;
  field_name?: string;
  by_field_name?: string;
  by_field_value?: string;
  over_field_name?: string;
  over_field_value?: string;
  partition_field_name?: string;
  partition_field_value?: string;
  typical?: number[];
  actual?: number[];
  influencers?: Array<{ influencer_field_name: string; influencer_field_values: unknown[] }>;
  explanation?: string;
  [field: string]: unknown;
}
