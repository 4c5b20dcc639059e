/** The type-specific part of a rule: queries parsed (KQL, Lucene, EQL, Kibana filters) into RuleLogic. */
import { ConfigError } from '../../errors.js';
import { compileEsDsl, parseEql, parseKql, parseLucene, type QueryNode } from '../../query/index.js';
import { parseLookback } from '../duration.js';
import type { RuleLogic, RuleType } from '../types.js';
import { parseWithSchema, type RuleSource } from './parse-with-schema.js';
import { eqlRuleSchema, mlRuleSchema, newTermsRuleSchema, queryRuleSchema, thresholdRuleSchema } from './rule-schema.js';

export type LogicResult = { logic: RuleLogic; queryText?: string; language?: string } | { errors: string[] } | { unsupported: string };

function parseQueryText(text: string, language: 'kuery' | 'lucene'): QueryNode {
  if (text.trim() === '') return { type: 'match_all' };
  return language === 'lucene' ? parseLucene(text) : parseKql(text);
}

/** Kibana `filters` (pills): `{meta:{negate,disabled}, query:{…DSL…}}` ANDed with the query. */
function withFilters(query: QueryNode, filters: unknown[], where: string): QueryNode {
  const parts: QueryNode[] = [query];
  filters.forEach((f, i) => {
    if (typeof f !== 'object' || f === null) return;
    const { meta, query: dsl, $state: _state, ...rest } = f as Record<string, unknown>;
    const m = (meta ?? {}) as { negate?: boolean; disabled?: boolean };
    if (m.disabled) return;
    const node = compileEsDsl(dsl ?? rest, `${where} filters[${i}]`);
    parts.push(m.negate ? { type: 'not', child: node } : node);
  });
  return parts.length === 1 ? query : { type: 'and', children: parts };
}

function toArray(v: string | string[]): string[] {
  return (Array.isArray(v) ? v : [v]).filter((s) => s !== '');
}

/** Throws QuerySyntaxError / ConfigError on bad query text; the caller turns them into load errors. */
export function buildLogic(type: RuleType, raw: Record<string, unknown>, where: string, src: RuleSource): LogicResult {
  switch (type) {
    case 'query': {
      const r = parseWithSchema(queryRuleSchema, raw, where, src);
      if ('errors' in r) return r;
      const query = withFilters(parseQueryText(r.ok.query, r.ok.language), r.ok.filters, where);
      return { logic: { type, language: r.ok.language, query }, queryText: r.ok.query, language: r.ok.language };
    }
    case 'eql': {
      const r = parseWithSchema(eqlRuleSchema, raw, where, src);
      if ('errors' in r) return r;
      const eql = parseEql(r.ok.query);
      if (eql.kind === 'sample') return { unsupported: 'EQL sample queries are not supported; use a sequence' };
      if (eql.kind === 'sequence' && eql.steps.some((s) => s.missing)) {
        return { unsupported: 'EQL sequences with missing-event steps (![…]) are not supported' };
      }
      if (r.ok.filters.length > 0) {
        const extra = withFilters({ type: 'match_all' }, r.ok.filters, where);
        if (eql.kind === 'event') eql.condition = { type: 'and', children: [eql.condition, extra] };
        else for (const step of eql.steps) step.condition = { type: 'and', children: [step.condition, extra] };
      }
      return {
        logic: { type, eql, ...(r.ok.event_category_override ? { categoryField: r.ok.event_category_override } : {}) },
        queryText: r.ok.query,
        language: 'eql',
      };
    }
    case 'threshold': {
      const r = parseWithSchema(thresholdRuleSchema, raw, where, src);
      if ('errors' in r) return r;
      const query = withFilters(parseQueryText(r.ok.query, r.ok.language), r.ok.filters, where);
      const t = r.ok.threshold;
      return {
        logic: { type, language: r.ok.language, query, fields: toArray(t.field), value: t.value, cardinality: t.cardinality.map((c) => ({ field: c.field, value: c.value })) },
        queryText: r.ok.query,
        language: r.ok.language,
      };
    }
    case 'new_terms': {
      const r = parseWithSchema(newTermsRuleSchema, raw, where, src);
      if ('errors' in r) return r;
      const historyWindowMs = parseLookback(r.ok.history_window_start);
      const lookbackMs = parseLookback(r.ok.from) ?? 0;
      if (historyWindowMs === undefined || historyWindowMs <= lookbackMs) {
        return {
          errors: [new ConfigError(where, `${src.keyPrefix}history_window_start`, `"${r.ok.history_window_start}" must be date math earlier than from ("${r.ok.from}")`, 'use e.g. "now-7d"').message],
        };
      }
      const query = withFilters(parseQueryText(r.ok.query, r.ok.language), r.ok.filters, where);
      return {
        logic: { type, language: r.ok.language, query, fields: r.ok.new_terms_fields, historyWindowStart: r.ok.history_window_start, historyWindowMs },
        queryText: r.ok.query,
        language: r.ok.language,
      };
    }
    case 'machine_learning': {
      const r = parseWithSchema(mlRuleSchema, raw, where, src);
      if ('errors' in r) return r;
      return { logic: { type, jobIds: toArray(r.ok.machine_learning_job_id), anomalyThreshold: r.ok.anomaly_threshold } };
    }
  }
}

