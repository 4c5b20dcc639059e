/** The validated, plain-data form of one anomaly detection job plus its datafeed: what AnomalyJob.create takes. */
import type { TimeFormat } from '../../ecs/index.js';
import type { Tail } from '../maths/index.js';
import type { FeatureFamily } from './functions.js';

export type ConditionTarget = 'actual' | 'typical' | 'diff_from_typical' | 'time';
export type ConditionOperator = 'gt' | 'gte' | 'lt' | 'lte';

export interface RuleCondition { appliesTo: ConditionTarget; operator: ConditionOperator; value: number }

/** A scope entry with its filter list resolved at load time (items may hold `*` wildcards, like Elastic filters). */
export interface RuleScope { field: string; filterId: string; filterType: 'include' | 'exclude'; items: string[] }

export interface CustomRule {
  actions: Array<'skip_result' | 'skip_model_update'>;
  conditions: RuleCondition[];
  scope: RuleScope[];
}

export type ExcludeFrequent = 'all' | 'none' | 'by' | 'over';

export interface DetectorDefinition {
  index: number;
  function: string;
  family: FeatureFamily;
  tail: Tail;
  /** detector_description, or Elastic's generated one. */
  description: string;
  fieldName?: string;
  byFieldName?: string;
  overFieldName?: string;
  partitionFieldName?: string;
  useNull: boolean;
  excludeFrequent: ExcludeFrequent;
  customRules: CustomRule[];
}

export interface RuntimeFieldDefinition {
  name: string;
  /** Key into RUNTIME_FIELD_DERIVATIONS. */
  builtin: string;
}

export interface DatafeedDefinition {
  id: string;
  indices: string[];
  /** ES Query DSL as written (compiled by the job at create time). */
  query: unknown;
  runtimeFields: RuntimeFieldDefinition[];
}

export interface ModuleContext {
  id: string;
  title?: string;
  /** Module-level query, ANDed with the datafeed query (Kibana applies it when the module is set up). */
  query?: unknown;
}

export interface JobDefinition {
  id: string;
  /** File (and module) it came from, for messages. */
  source: string;
  description: string;
  groups: string[];
  bucketSpanMs: number;
  detectors: DetectorDefinition[];
  influencers: string[];
  timeField: string;
  timeFormat: TimeFormat;
  modelMemoryLimitBytes: number;
  /** Results within this window are renormalised (default max(30 days, 100 buckets)). */
  renormalizationWindowMs: number;
  /** Series not seen for this long are dropped (model_prune_window; default max(30 days, 20 buckets)). */
  modelPruneWindowMs: number;
  resultsIndexName: string;
  datafeed: DatafeedDefinition;
  module?: ModuleContext;
  customSettings?: unknown;
}
