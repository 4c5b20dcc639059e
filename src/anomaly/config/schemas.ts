/**
 * zod schemas of Elastic's anomaly detection formats (§1): job, detector, custom rule, datafeed, ML module.
 * They check shapes and types only; what we cannot honour and Elastic's cross-field rules are checked in
 * job-config.ts and detector-validation.ts so that those errors can name the fix.
 * Objects are loose: keys that Elastic returns but that do not change analysis (create_time, job_version…) are kept.
 */
import { z } from 'zod';

const timeValue = z.union([z.string(), z.number()]);

export const ruleConditionSchema = z.looseObject({
  applies_to: z.enum(['actual', 'typical', 'diff_from_typical', 'time']),
  operator: z.enum(['gt', 'gte', 'lt', 'lte']),
  value: z.number(),
});

export const ruleScopeEntrySchema = z.looseObject({
  filter_id: z.string().min(1),
  filter_type: z.enum(['include', 'exclude']).optional(),
});

export const customRuleSchema = z.looseObject({
  actions: z.array(z.enum(['skip_result', 'skip_model_update', 'force_time_shift'])).optional(),
  scope: z.record(z.string(), ruleScopeEntrySchema).optional(),
  conditions: z.array(ruleConditionSchema).optional(),
  params: z.looseObject({}).optional(),
});

export const detectorSchema = z.looseObject({
  function: z.string().min(1).optional(),
  field_name: z.string().min(1).optional(),
  by_field_name: z.string().min(1).optional(),
  over_field_name: z.string().min(1).optional(),
  partition_field_name: z.string().min(1).optional(),
  use_null: z.boolean().optional(),
  exclude_frequent: z.enum(['all', 'none', 'by', 'over', 'ALL', 'NONE', 'BY', 'OVER']).optional(),
  detector_description: z.string().optional(),
  detector_index: z.number().int().nonnegative().optional(),
  custom_rules: z.array(customRuleSchema).optional(),
});

export const analysisConfigSchema = z.looseObject({
  bucket_span: timeValue.optional(),
  detectors: z.array(detectorSchema).min(1),
  influencers: z.array(z.string().min(1)).optional(),
  summary_count_field_name: z.string().optional(),
  categorization_field_name: z.string().optional(),
  categorization_filters: z.array(z.string()).optional(),
  categorization_analyzer: z.unknown().optional(),
  per_partition_categorization: z.looseObject({ enabled: z.boolean().optional(), stop_on_warn: z.boolean().optional() }).optional(),
  latency: timeValue.optional(),
  multivariate_by_fields: z.boolean().optional(),
  model_prune_window: timeValue.optional(),
});

export const dataDescriptionSchema = z.looseObject({
  time_field: z.string().min(1).optional(),
  time_format: z.string().min(1).optional(),
  format: z.string().optional(),
  field_delimiter: z.string().optional(),
  quote_character: z.string().optional(),
});

export const datafeedSchema = z.looseObject({
  datafeed_id: z.string().optional(),
  job_id: z.string().optional(),
  indices: z.array(z.string()).optional(),
  indexes: z.array(z.string()).optional(),
  query: z.unknown().optional(),
  query_delay: timeValue.optional(),
  frequency: timeValue.optional(),
  scroll_size: z.number().int().positive().optional(),
  aggregations: z.unknown().optional(),
  aggs: z.unknown().optional(),
  chunking_config: z.looseObject({ mode: z.enum(['auto', 'manual', 'off']).optional(), time_span: timeValue.optional() }).optional(),
  delayed_data_check_config: z.looseObject({ enabled: z.boolean().optional(), check_window: timeValue.optional() }).optional(),
  max_empty_searches: z.number().int().optional(),
  script_fields: z.unknown().optional(),
  runtime_mappings: z.record(z.string(), z.looseObject({
    type: z.string().optional(),
    script: z.union([z.string(), z.looseObject({ source: z.string(), lang: z.string().optional(), params: z.unknown().optional() })]).optional(),
  })).optional(),
  indices_options: z.unknown().optional(),
});

export const jobSchema = z.looseObject({
  job_id: z.string().min(1).optional(),
  description: z.string().optional(),
  groups: z.array(z.string()).optional(),
  analysis_config: analysisConfigSchema,
  analysis_limits: z.looseObject({
    model_memory_limit: timeValue.optional(),
    categorization_examples_limit: z.number().int().nonnegative().optional(),
  }).optional(),
  data_description: dataDescriptionSchema.optional(),
  model_plot_config: z.looseObject({ enabled: z.boolean().optional(), terms: z.string().optional(), annotations_enabled: z.boolean().optional() }).optional(),
  results_index_name: z.string().optional(),
  renormalization_window_days: z.number().nonnegative().optional(),
  results_retention_days: z.number().nonnegative().optional(),
  model_snapshot_retention_days: z.number().nonnegative().optional(),
  daily_model_snapshot_retention_after_days: z.number().nonnegative().optional(),
  background_persist_interval: timeValue.optional(),
  custom_settings: z.unknown().optional(),
  allow_lazy_open: z.boolean().optional(),
  datafeed_config: datafeedSchema.optional(),
});

export type RuleConditionJson = z.infer<typeof ruleConditionSchema>;
export type CustomRuleJson = z.infer<typeof customRuleSchema>;
export type DetectorJson = z.infer<typeof detectorSchema>;
export type DatafeedJson = z.infer<typeof datafeedSchema>;
export type JobJson = z.infer<typeof jobSchema>;

/** First zod issue → the dotted key and the problem, for a ConfigError. */
export function describeZodIssue(error: z.ZodError, prefix: string): { key: string; problem: string } {
  const issue = error.issues[0];
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  const key = [prefix, path].filter(Boolean).join('.').replace(/\.\[/g, '[');
  return { key: key || '(document)', problem: issue.message };
}
