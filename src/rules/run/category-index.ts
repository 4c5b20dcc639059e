/**
 * Offers each event only to the rules that could match it. Most rules insist on a value of a field that sorts events
 * by kind — `event.category: process and …`, EQL's `process where …`, `event.provider: s3.amazonaws.com and …` — and
 * an event without that value never needs to reach them. Each rule is indexed under the first such field its query
 * requires (INDEX_FIELDS first, then any field the query compares with constants, e.g. a list of file-sharing
 * domains in `dns.question.registered_domain`), or, for rules without time effects, under the most specific terms its
 * query requires (`offerTerms`); rules that require none see every event. Lookups are case-insensitive
 * and numbers are looked up by value, which can only offer more events than needed, never fewer.
 */
import type { EcsEvent } from '../../ecs/index.js';
import { fieldReader, type FieldReader } from '../../ecs/index.js';
import { requiredValues, type QueryNode } from '../../query/index.js';
import { toNumber } from '../../query/eval/scalars.js';
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

/** A rule's queries an event is tested against (an EQL sequence has one per step), with their EQL event category. */
export function queryParts(rule: LoadedRule): Array<{ query: QueryNode; category?: string; categoryField?: string }> {
  const logic = rule.logic;
  switch (logic.type) {
    case 'query':
    case 'threshold':
    case 'new_terms':
      return [{ query: logic.query }];
    case 'eql': {
      const q = logic.eql;
      const parts = q.kind === 'event' ? [q] : [...q.steps, ...(q.until ? [q.until] : [])];
      return parts.map((p) => ({ query: p.condition, category: p.category, categoryField: logic.categoryField }));
    }
    case 'machine_learning':
      return [];
  }
}

/** The field value a rule's events must have, or undefined when any event may matter to it. */
export function requiredTerm(rule: LoadedRule): RequiredTerm | undefined {
  const logic = rule.logic;
  if (logic.type === 'machine_learning') return undefined;
  const parts = queryParts(rule);
  if (logic.type === 'eql' && !logic.categoryField && parts.every((p) => p.category !== 'any')) {
    return { field: 'event.category', values: [...new Set(parts.map((p) => p.category!))] };
  }
  return firstRequired(parts.map((p) => p.query));
}

/**
 * Fields whose values sort events only coarsely (kind, OS, outcome, direction): a rule indexed under one of them is
 * still offered most events of its kind.
 */
const COARSE_FIELDS = new Set<string>([
  ...INDEX_FIELDS, 'event.kind', 'event.type', 'event.outcome', 'event.agent_id_status', 'host.os.type', 'host.os.family',
  'host.os.platform', 'host.os.name', 'network.direction', 'network.transport', 'network.type', 'network.protocol',
  'agent.type', 'cloud.provider', 'ecs.version',
]);

/** How many lookups a cover lists: fewer values usually means fewer events offered. */
const coverSize = (cover: RequiredTerm[]): number => cover.reduce((n, t) => n + t.values.length, 0);

/** Adds `more` to `cover`, merging the values of terms on the same field. */
function mergeCovers(cover: RequiredTerm[], more: RequiredTerm[]): RequiredTerm[] {
  const byField = new Map(cover.map((t) => [t.field, new Set(t.values)]));
  for (const t of more) {
    const set = byField.get(t.field) ?? new Set<string>();
    for (const v of t.values) set.add(v);
    byField.set(t.field, set);
  }
  return [...byField].map(([field, values]) => ({ field, values: [...values] }));
}

/**
 * Terms on fields that are not coarse such that every event the query matches has at least one of them, e.g.
 * `process.name: (curl, curl.exe)`, or for `process.name : "nslookup.exe" or process.pe.original_name :
 * "nslookup.exe"` one term per field; undefined when the query has no such cover.
 */
function specificCover(node: QueryNode): RequiredTerm[] | undefined {
  switch (node.type) {
    case 'term':
    case 'terms': {
      if (COARSE_FIELDS.has(node.field)) return undefined;
      const values = (node.type === 'term' ? [node.value] : node.values).map(String);
      return values.length && values.every(isPlainValue) ? [{ field: node.field, values: [...new Set(values)] }] : undefined;
    }
    case 'and': {
      // Every child must match: the smallest cover among them holds for the whole.
      let best: RequiredTerm[] | undefined;
      for (const child of node.children) {
        const c = specificCover(child);
        if (c && (!best || coverSize(c) < coverSize(best))) best = c;
      }
      return best;
    }
    case 'or':
    case 'at_least': {
      // Some child must match: the union of their covers holds only if every child has one.
      let union: RequiredTerm[] = [];
      for (const child of node.children) {
        const c = specificCover(child);
        if (!c) return undefined;
        union = mergeCovers(union, c);
      }
      return union.length ? union : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The terms to offer a rule events by (an event with any of them is offered). Which events a rule with time effects
 * is offered is part of what it does (a new_terms rule's history starts at the first, a sequence's clock follows
 * them), so those keep `requiredTerm`. The others can only keep events their query matches: they are offered events
 * by the most specific cover the query has, when it has one, so that a process start is tested only by the rules
 * that name its process.
 */
export function offerTerms(rule: LoadedRule, timeEffects: boolean): RequiredTerm[] | undefined {
  const logic = rule.logic;
  const coarse = (): RequiredTerm[] | undefined => {
    const t = requiredTerm(rule);
    return t && [t];
  };
  if (timeEffects || logic.type === 'machine_learning') return coarse();
  let cover: RequiredTerm[] = [];
  for (const { query } of queryParts(rule)) {
    const c = specificCover(query);
    if (!c) return coarse();
    cover = mergeCovers(cover, c);
  }
  return cover.length ? cover : coarse();
}

export class CategoryIndex<T> {
  private readonly always: T[] = [];
  /** field → its reader and lower-cased value → items */
  private readonly byField = new Map<string, { read: FieldReader; byValue: Map<string, T[]> }>();

  /** `required`: the item is offered the events that have any of these terms; none: every event. */
  add(item: T, required: RequiredTerm | RequiredTerm[] | undefined): void {
    const terms = required === undefined ? [] : Array.isArray(required) ? required : [required];
    if (terms.length === 0) {
      this.always.push(item);
      return;
    }
    for (const term of terms) {
      let indexed = this.byField.get(term.field);
      if (!indexed) this.byField.set(term.field, (indexed = { read: fieldReader(term.field), byValue: new Map() }));
      const byValue = indexed.byValue;
      for (const v of new Set(term.values.flatMap(keysOf))) {
        const list = byValue.get(v) ?? [];
        list.push(item);
        byValue.set(v, list);
      }
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
        for (const v of value) if (v !== null && typeof v !== 'object') offerValue(walk, byValue, v);
      } else if (typeof value !== 'object') offerValue(walk, byValue, value);
    }
  }
}

/**
 * The keys a term value is listed under: its lower-cased text, and for numeric text also the number's own spelling,
 * because terms compare numbers by value (a term 445 matches "445.0", a term "1e3" matches 1000).
 */
function keysOf(value: string): string[] {
  const lower = value.toLowerCase();
  const n = toNumber(value);
  return n === undefined || String(n) === lower ? [lower] : [lower, String(n)];
}

/** Offers the items listed under a scalar value of the event (both keys of numeric text, see keysOf). */
function offerValue<T>(walk: IndexWalk<T>, byValue: Map<string, T[]>, value: string | number | boolean): void {
  if (typeof value !== 'string') {
    offerList(walk, byValue.get(String(value)));
    return;
  }
  const lower = value.toLowerCase();
  offerList(walk, byValue.get(lower));
  const n = toNumber(value);
  if (n !== undefined && String(n) !== lower) offerList(walk, byValue.get(String(n)));
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
