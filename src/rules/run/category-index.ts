/**
 * Offers each event only to the rules that could match it. Most rules insist on a value of a field that sorts events
 * by kind — `event.category: process and …`, EQL's `process where …`, `event.provider: s3.amazonaws.com and …` — and
 * an event without that value never needs to reach them. Each rule is indexed under the first such field its query
 * requires (INDEX_FIELDS first, then any field the query compares with constants, e.g. a list of file-sharing
 * domains in `dns.question.registered_domain`); rules that require none see every event. Lookups are case-insensitive,
 * which can only offer more events than needed, never fewer.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { fieldReader, type FieldReader } from '../../ecs/index.js';
import { requiredValues, type QueryNode } from '../../query/index.js';
import type { LoadedRule } from '../types.js';

/** Fields that sort events by kind, most selective for indexing first. */
export const INDEX_FIELDS = ['event.category', 'event.provider', 'event.dataset', 'data_stream.dataset', 'event.module', 'event.action'] as const;

export interface RequiredTerm {
  field: string;
  values: string[];
}

/** Fields compared with constants anywhere in the query (candidates when none of INDEX_FIELDS is required). */
function termFields(node: QueryNode, out: Set<string>): Set<string> {
  if (node.type === 'term' || node.type === 'terms') out.add(node.field);
  else if (node.type === 'and' || node.type === 'or' || node.type === 'at_least') for (const c of node.children) termFields(c, out);
  return out;
}

/**
 * Values the index can look up by their text. Addresses and CIDR blocks are matched by meaning, not spelling (a term
 * `10.0.0.0/8` matches 10.1.2.3; IPv6 has many spellings), so a rule constrained only by them sees every event.
 */
function isPlainValue(v: string): boolean {
  return !v.includes('/') && !v.includes(':') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(v);
}

function firstRequired(nodes: QueryNode[]): RequiredTerm | undefined {
  const candidates = new Set<string>(INDEX_FIELDS);
  for (const node of nodes) termFields(node, candidates);
  for (const field of candidates) {
    const union = new Set<string>();
    let all = true;
    for (const node of nodes) {
      const r = requiredValues(node, field);
      if (!r) {
        all = false;
        break;
      }
      for (const v of r) union.add(v);
    }
    if (all && union.size && [...union].every(isPlainValue)) return { field, values: [...union] };
  }
  return undefined;
}

/** The field value a rule's events must have, or undefined when any event may matter to it. */
export function requiredTerm(rule: LoadedRule): RequiredTerm | undefined {
  const logic = rule.logic;
  switch (logic.type) {
    case 'query':
    case 'threshold':
    case 'new_terms':
      return firstRequired([logic.query]);
    case 'eql': {
      const q = logic.eql;
      const parts = q.kind === 'event' ? [q] : [...q.steps, ...(q.until ? [q.until] : [])];
      if (!logic.categoryField && parts.every((p) => p.category !== 'any')) {
        return { field: 'event.category', values: [...new Set(parts.map((p) => p.category))] };
      }
      return firstRequired(parts.map((p) => p.condition));
    }
    case 'machine_learning':
      return undefined;
  }
}

export class CategoryIndex<T> {
  private readonly always: T[] = [];
  /** field → its reader and lower-cased value → items */
  private readonly byField = new Map<string, { read: FieldReader; byValue: Map<string, T[]> }>();

  add(item: T, required: RequiredTerm | undefined): void {
    if (!required) {
      this.always.push(item);
      return;
    }
    let indexed = this.byField.get(required.field);
    if (!indexed) this.byField.set(required.field, (indexed = { read: fieldReader(required.field), byValue: new Map() }));
    const byValue = indexed.byValue;
    for (const v of new Set(required.values.map((x) => x.toLowerCase()))) {
      const list = byValue.get(v) ?? [];
      list.push(item);
      byValue.set(v, list);
    }
  }

  /** Calls `visit` once for every item the event may concern. */
  forEvent(event: EcsEvent, visit: (item: T) => void): void {
    for (const item of this.always) visit(item);
    const walk: IndexWalk<T> = { visit, seen: undefined, firstList: undefined };
    for (const { read, byValue } of this.byField.values()) {
      // The scalar values `getValues` would list, read in place: this runs for every event and every indexed field.
      const value = read(event);
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const v of value) if (v !== null && typeof v !== 'object') offerList(walk, byValue.get(String(v).toLowerCase()));
      } else if (typeof value !== 'object') offerList(walk, byValue.get(String(value).toLowerCase()));
    }
  }
}

/** One `forEvent` call's progress: the lists offered so far, to dedupe items listed under several values. */
interface IndexWalk<T> {
  visit: (item: T) => void;
  seen: Set<T> | undefined;
  firstList: T[] | undefined;
}

function offerList<T>(walk: IndexWalk<T>, list: T[] | undefined): void {
  if (!list) return;
  // The same item can sit under two values (or fields) the event has: dedupe once a second list shows up.
  if (walk.firstList === undefined) walk.firstList = list;
  else if (walk.seen === undefined) walk.seen = new Set(walk.firstList);
  const seen = walk.seen;
  for (const item of list) {
    if (seen) {
      if (seen.has(item)) continue;
      seen.add(item);
    }
    walk.visit(item);
  }
}
