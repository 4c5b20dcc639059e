/**
 * Which events the rules want, decided without the rules' state, so that parser threads can decide it: an event no
 * rule's query (EQL category and steps included) matches can never be kept by any rule. Such an event still has
 * time-only effects on the rules it would be offered to (see `hasTimeEffects`); `touchMask` names those rules, and
 * `RuleEngine.onUnwantedEvent` applies the effects.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { queryWithCategory, type EventPredicate } from '../executors/event-matcher.js';
import type { LoadedRule } from '../types.js';
import { CategoryIndex, offerTerms, queryParts, requiredTerm } from './category-index.js';
import { necessaryConditions, type FieldCondition, type QueryNode } from '../../query/index.js';

/**
 * Rules with time-only effects that one touch mask can name: bits of a non-negative int32, one bit short of 31 so
 * that a mask also fits in a "wanted, with a note" verdict (-2 - mask, see EventJudge).
 */
export const MAX_TOUCH_RULES = 30;

/**
 * new_terms rules start their history at the first event offered to them, and EQL sequences track the latest event
 * offered to them (to prune partial sequences): both even for events they do not keep.
 */
export function hasTimeEffects(rule: LoadedRule): boolean {
  return rule.logic.type === 'new_terms' || (rule.logic.type === 'eql' && rule.logic.eql.kind === 'sequence');
}

/** Rules the engine offers events to (the others read anomaly records). */
export function readsEvents(rule: LoadedRule): boolean {
  return rule.logic.type !== 'machine_learning';
}

/**
 * What a rule can keep, at least: the query tests its executor applies before anything else (exceptions, term
 * fields and join keys only remove more). An event failing every test is left alone by the executor.
 */
function keepTests(rule: LoadedRule): Array<{ test: EventPredicate; fields: string[] }> {
  return queryParts(rule).map((p) => queryWithCategory(p.query, p.category, p.categoryField));
}

export interface RuleInterest {
  /**
   * -1 when some rule may keep the event (or a test throws: the engine then reports it as the rule does); otherwise
   * the touch mask: bit i set when the i-th event-reading rule with time effects would be offered the event.
   */
  judge(event: EcsEvent): number;
  /** Fields the tests read (whoever judges must add the enriched ones among them first). */
  fieldsRead: string[];
  /**
   * Conditions on an event's fields without which `judge` says 0 (unwanted, no touches): one list per way of being
   * kept or offered (any list whose conditions all hold may mean more). See EventJudge.wantedIf.
   */
  wantedIf: FieldCondition[][];
}

/**
 * The ways an event can matter to a rule, each as conditions it must meet: a rule with time effects is touched by
 * every event it is offered (its indexed term only); the others keep an event only if one of their tests passes.
 */
function ruleConditions(rule: LoadedRule): FieldCondition[][] {
  if (hasTimeEffects(rule)) {
    const term = requiredTerm(rule);
    return [term ? [{ field: term.field, values: term.values, caseInsensitive: true }] : []];
  }
  return queryParts(rule).map((p) => {
    const out = necessaryConditions(p.query);
    if (p.category !== undefined && p.category !== 'any') out.push({ field: p.categoryField ?? 'event.category', values: [p.category], caseInsensitive: true });
    return out;
  });
}

/** One event-reading rule in the interest's index: its keep tests, and its bit in touch masks (-1: none). */
interface InterestEntry {
  tests: EventPredicate[];
  touchBit: number;
}

export function ruleInterest(rules: LoadedRule[]): RuleInterest {
  const index = new CategoryIndex<InterestEntry>();
  const fields = new Set<string>();
  let timeRules = 0;
  const wantedIf: FieldCondition[][] = [];
  for (const rule of rules) {
    if (!readsEvents(rule)) continue;
    wantedIf.push(...ruleConditions(rule));
    const compiled = keepTests(rule);
    for (const c of compiled) for (const f of c.fields) fields.add(f);
    // The engine offers events through the same index (rule-engine.ts): a rule it would not offer an event to cannot keep it.
    const required = offerTerms(rule, hasTimeEffects(rule));
    for (const t of required ?? []) fields.add(t.field); // the index reads them to offer the event
    index.add({ tests: compiled.map((c) => c.test), touchBit: hasTimeEffects(rule) ? timeRules++ : -1 }, required);
  }
  let wanted = false;
  let mask = 0;
  let current: EcsEvent | undefined;
  const visit = (entry: InterestEntry): void => {
    if (wanted) return;
    try {
      for (const t of entry.tests) if (t(current!)) wanted = true;
    } catch {
      wanted = true; // the engine reports the failure, as the rule does
    }
    // Past the bits of one mask an offered rule cannot be named: the event is delivered whole.
    if (entry.touchBit >= MAX_TOUCH_RULES) wanted = true;
    else if (entry.touchBit >= 0) mask |= 1 << entry.touchBit;
  };
  return {
    fieldsRead: [...fields],
    wantedIf,
    judge(event) {
      wanted = false;
      mask = 0;
      current = event;
      index.forEvent(event, visit);
      current = undefined;
      return wanted ? -1 : mask;
    },
  };
}
