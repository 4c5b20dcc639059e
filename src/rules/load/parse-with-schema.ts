/** zod validation whose errors are ConfigError messages naming the file, the rule and the key as written. */
import type { z } from 'zod';
import { ConfigError } from '../../errors.js';

export interface RuleSource {
  file: string;
  /** Prefix that makes zod paths name the key as written in the file (`rule.` for TOML). */
  keyPrefix: string;
}

const FIXES: Record<string, string> = {
  rule_id: 'give the rule a unique rule_id string',
  name: 'give the rule a name',
  risk_score: 'use an integer from 0 to 100',
  severity: 'use one of low, medium, high, critical',
  max_signals: 'use a positive integer (Elastic default 100)',
  anomaly_threshold: 'use a number from 0 to 100',
  machine_learning_job_id: 'name the anomaly job id (string or array of strings)',
  new_terms_fields: 'list 1 to 3 field names',
  alert_suppression: 'group_by takes 1 to 3 fields; duration {value, unit: s|m|h}',
};

export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  where: string,
  src: RuleSource,
): { ok: z.infer<S> } | { errors: string[] } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: result.data };
  return {
    errors: result.error.issues.map((issue) => {
      const key = src.keyPrefix + issue.path.map(String).join('.');
      return new ConfigError(where, key, issue.message, FIXES[String(issue.path[0])]).message;
    }),
  };
}

