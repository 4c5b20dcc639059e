/** Evaluates a detector's custom_rules for one series and bucket (§1): skip_result / skip_model_update. */
import type { CustomRule, RuleCondition, RuleScope } from '../config/job-definition.js';

export interface RuleContext {
  actual: number | undefined;
  /** undefined while the model is not informative: typical-based conditions then do not match. */
  typical: number | undefined;
  bucketStartMs: number;
  /** Split field → value (null when the series has no value for it). */
  splits: Record<string, string | null>;
}

export interface RuleOutcome { skipResult: boolean; skipModelUpdate: boolean }

const NO_ACTION: RuleOutcome = { skipResult: false, skipModelUpdate: false };
const matcherCache = new WeakMap<string[], (v: string) => boolean>();

/** Elastic filter items match exactly, or with a leading and/or trailing `*` (we accept `*` anywhere). */
function filterMatcher(items: string[]): (v: string) => boolean {
  let m = matcherCache.get(items);
  if (!m) {
    const exact = new Set(items.filter((i) => !i.includes('*')));
    const patterns = items.filter((i) => i.includes('*'))
      .map((i) => new RegExp(`^${i.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's'));
    m = (v: string) => exact.has(v) || patterns.some((re) => re.test(v));
    matcherCache.set(items, m);
  }
  return m;
}

function scopeMatches(scope: RuleScope, splits: Record<string, string | null>): boolean {
  const value = splits[scope.field];
  if (value === null || value === undefined) return false;
  const inList = filterMatcher(scope.items)(value);
  return scope.filterType === 'include' ? inList : !inList;
}

function conditionHolds(c: RuleCondition, ctx: RuleContext): boolean {
  let x: number | undefined;
  switch (c.appliesTo) {
    case 'actual': x = ctx.actual; break;
    case 'typical': x = ctx.typical; break;
    case 'diff_from_typical': x = ctx.actual === undefined || ctx.typical === undefined ? undefined : Math.abs(ctx.actual - ctx.typical); break;
    case 'time': x = ctx.bucketStartMs / 1000; break;
  }
  if (x === undefined || Number.isNaN(x)) return false;
  switch (c.operator) {
    case 'gt': return x > c.value;
    case 'gte': return x >= c.value;
    case 'lt': return x < c.value;
    case 'lte': return x <= c.value;
  }
}

export function evaluateRules(rules: CustomRule[], ctx: RuleContext): RuleOutcome {
  if (rules.length === 0) return NO_ACTION;
  let skipResult = false;
  let skipModelUpdate = false;
  for (const rule of rules) {
    if (!rule.scope.every((s) => scopeMatches(s, ctx.splits))) continue;
    if (!rule.conditions.every((c) => conditionHolds(c, ctx))) continue;
    if (rule.actions.includes('skip_result')) skipResult = true;
    if (rule.actions.includes('skip_model_update')) skipModelUpdate = true;
  }
  return { skipResult, skipModelUpdate };
}
