/** zod schemas of a detection rule in Elastic's API form (what Kibana exports and what TOML `[rule]` becomes). */
import { z } from 'zod';

const threatRef = z.looseObject({ id: z.string(), name: z.string(), reference: z.string().optional() });
const technique = threatRef.extend({ subtechnique: z.array(threatRef).optional() });
const threat = z.looseObject({
  framework: z.string().default('MITRE ATT&CK'),
  tactic: threatRef,
  technique: z.array(technique).optional(),
});

const severity = z.enum(['low', 'medium', 'high', 'critical']);
const stringList = z.array(z.string());

/** Keys every rule type shares. Unknown keys are kept (Elastic adds new ones every release). */
export const commonRuleSchema = z.looseObject({
  rule_id: z.string().min(1),
  id: z.string().optional(),
  name: z.string().min(1),
  type: z.string().min(1),
  description: z.string().default(''),
  risk_score: z.number().int().min(0).max(100),
  severity,
  interval: z.string().default('5m'),
  from: z.string().default('now-6m'),
  to: z.string().default('now'),
  max_signals: z.number().int().positive().default(100),
  version: z.number().int().positive().default(1),
  enabled: z.boolean().default(true),
  tags: stringList.default([]),
  references: stringList.default([]),
  threat: z.array(threat).default([]),
  note: z.string().optional(),
  building_block_type: z.string().optional(),
  severity_mapping: z
    .array(z.looseObject({ field: z.string(), operator: z.literal('equals'), value: z.string(), severity }))
    .default([]),
  risk_score_mapping: z
    .array(
      z.looseObject({
        field: z.string(),
        operator: z.literal('equals'),
        value: z.string().default(''),
        risk_score: z.number().optional(),
      }),
    )
    .default([]),
  rule_name_override: z.string().optional(),
  timestamp_override: z.string().optional(),
  exceptions_list: z
    .array(
      z.looseObject({
        list_id: z.string(),
        id: z.string().optional(),
        namespace_type: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .default([]),
  alert_suppression: z
    .looseObject({
      group_by: stringList.min(1).max(3),
      duration: z.looseObject({ value: z.number().int().positive(), unit: z.enum(['s', 'm', 'h']) }).optional(),
      missing_fields_strategy: z.enum(['suppress', 'doNotSuppress']).default('suppress'),
    })
    .optional(),
  investigation_fields: z.looseObject({ field_names: stringList.default([]) }).optional(),
  outflow: z
    .looseObject({
      investigation_guide: z.string().optional(),
      meaning: z.string().optional(),
    })
    .optional(),
});

const kueryOrLucene = z.enum(['kuery', 'lucene']).default('kuery');
const filtersSchema = z.array(z.unknown()).default([]);

export const queryRuleSchema = commonRuleSchema.extend({
  query: z.string().default(''),
  language: kueryOrLucene,
  filters: filtersSchema,
});

export const eqlRuleSchema = commonRuleSchema.extend({
  query: z.string().min(1),
  language: z.literal('eql').default('eql'),
  event_category_override: z.string().optional(),
  tiebreaker_field: z.string().optional(),
  filters: filtersSchema,
});

export const thresholdRuleSchema = queryRuleSchema.extend({
  threshold: z.looseObject({
    field: z.union([z.string(), stringList]).default([]),
    value: z.number().int().min(1),
    cardinality: z.array(z.looseObject({ field: z.string().min(1), value: z.number().int().min(1) })).default([]),
  }),
});

export const newTermsRuleSchema = queryRuleSchema.extend({
  new_terms_fields: stringList.min(1).max(3),
  history_window_start: z.string(),
});

export const mlRuleSchema = commonRuleSchema.extend({
  machine_learning_job_id: z.union([z.string().min(1), stringList.min(1)]),
  anomaly_threshold: z.number().min(0).max(100),
});

export type CommonRule = z.infer<typeof commonRuleSchema>;
export type QueryRuleConfig = z.infer<typeof queryRuleSchema>;
export type EqlRuleConfig = z.infer<typeof eqlRuleSchema>;
export type ThresholdRuleConfig = z.infer<typeof thresholdRuleSchema>;
export type NewTermsRuleConfig = z.infer<typeof newTermsRuleSchema>;
export type MlRuleConfig = z.infer<typeof mlRuleSchema>;

/** Rule types Elastic has that we cannot run, with the reason shown in `unsupported`. */
export const UNSUPPORTED_TYPES: Record<string, string> = {
  esql: 'ES|QL rules are not supported (no ES|QL engine); rewrite as query, eql, threshold or new_terms',
  threat_match: 'indicator match (threat_match) rules need threat-intel indices, which Outflow does not have',
  saved_query: 'saved_query rules reference a Kibana saved query that is not part of the file',
};

export const SUPPORTED_TYPES = ['query', 'eql', 'threshold', 'new_terms', 'machine_learning'] as const;
