/** Elasticsearch DSL leaf queries (term, terms, exists, range, match, …) → AST nodes, checked key by key. */
import type { QueryNode, RangeNode } from '../ast.js';
import type { DslReader, Json, JsonObject } from './dsl-reader.js';

type Leaf = (body: Json, path: string, r: DslReader) => QueryNode;

/** `{ field: value }` or `{ field: { <valueKey>: value, …options } }`. */
function fieldSpec(body: Json, path: string, r: DslReader, valueKeys: string[], options: string[]) {
  const { field, spec } = r.singleField(body, path);
  const at = `${path}.${field}`;
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    r.onlyKeys(spec, [...valueKeys, ...options, 'boost', '_name'], at);
    const key = valueKeys.find((k) => spec[k] !== undefined);
    if (!key) throw r.fail(at, `missing ${valueKeys.join(' or ')}`, `write {"${field}": {"${valueKeys[0]}": …}}`);
    return { field, value: spec[key], valuePath: `${at}.${key}`, opts: spec };
  }
  return { field, value: spec, valuePath: at, opts: {} as JsonObject };
}

const term: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['value'], ['case_insensitive']);
  return { type: 'term', field, value: r.scalar(value, valuePath), caseInsensitive: r.boolean(opts.case_insensitive, `${path}.${field}.case_insensitive`, false) };
};

const terms: Leaf = (body, path, r) => {
  const { field, spec } = r.singleField(body, path);
  const at = `${path}.${field}`;
  if (!Array.isArray(spec)) throw r.fail(at, 'expected an array of values (terms lookup is not supported)', `write {"${field}": ["a", "b"]}`);
  return { type: 'terms', field, values: spec.map((v, i) => r.scalar(v, `${at}[${i}]`)), caseInsensitive: false };
};

const exists: Leaf = (body, path, r) => {
  const obj = r.object(body, path);
  r.onlyKeys(obj, ['field', 'boost', '_name'], path);
  return { type: 'exists', field: r.string(obj.field, `${path}.field`) };
};

const range: Leaf = (body, path, r) => {
  const { field, spec } = r.singleField(body, path);
  const at = `${path}.${field}`;
  const o = r.object(spec, at);
  r.onlyKeys(o, ['gt', 'gte', 'lt', 'lte', 'from', 'to', 'include_lower', 'include_upper', 'format', 'time_zone', 'boost', '_name', 'relation'], at);
  if (o.time_zone !== undefined && !['UTC', 'Z', '+00:00', 'Etc/UTC'].includes(String(o.time_zone))) {
    throw r.fail(`${at}.time_zone`, `time zone ${JSON.stringify(o.time_zone)} is not supported`, 'write bounds in UTC (ISO-8601 with Z) and remove time_zone');
  }
  const node: RangeNode = { type: 'range', field };
  const bound = (key: string): string | number | undefined => {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return v;
    throw r.fail(`${at}.${key}`, 'expected a number or a string');
  };
  for (const key of ['gt', 'gte', 'lt', 'lte'] as const) {
    const v = bound(key);
    if (v !== undefined) node[key] = v;
  }
  const from = bound('from');
  const to = bound('to');
  if (from !== undefined) node[r.boolean(o.include_lower, `${at}.include_lower`, true) ? 'gte' : 'gt'] = from;
  if (to !== undefined) node[r.boolean(o.include_upper, `${at}.include_upper`, true) ? 'lte' : 'lt'] = to;
  return node;
};

const match: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['query'], ['operator', 'analyzer', 'lenient', 'zero_terms_query', 'auto_generate_synonyms_phrase_query']);
  const op = opts.operator === undefined ? 'or' : String(opts.operator).toLowerCase();
  if (op !== 'or' && op !== 'and') throw r.fail(`${path}.${field}.operator`, `unknown operator ${JSON.stringify(opts.operator)}`, 'use "or" or "and"');
  return { type: 'match', field, query: String(r.scalar(value, valuePath)), operator: op };
};

const matchPhrase: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['query'], ['slop', 'analyzer', 'zero_terms_query']);
  if (opts.slop !== undefined && opts.slop !== 0) throw r.fail(`${path}.${field}.slop`, 'phrase slop is not supported', 'remove slop');
  return { type: 'match_phrase', field, phrase: String(r.scalar(value, valuePath)) };
};

const prefix: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['value'], ['case_insensitive', 'rewrite']);
  return { type: 'prefix', field, prefix: r.string(value, valuePath), caseInsensitive: r.boolean(opts.case_insensitive, `${path}.${field}.case_insensitive`, false) };
};

const wildcard: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['value', 'wildcard'], ['case_insensitive', 'rewrite']);
  return { type: 'wildcard', field, pattern: r.string(value, valuePath), caseInsensitive: r.boolean(opts.case_insensitive, `${path}.${field}.case_insensitive`, false) };
};

const regexp: Leaf = (body, path, r) => {
  const { field, value, valuePath, opts } = fieldSpec(body, path, r, ['value'], ['case_insensitive', 'flags', 'max_determinized_states', 'rewrite']);
  return { type: 'regexp', field, pattern: r.string(value, valuePath), caseInsensitive: r.boolean(opts.case_insensitive, `${path}.${field}.case_insensitive`, false) };
};

const ids: Leaf = (body, path, r) => {
  const obj = r.object(body, path);
  r.onlyKeys(obj, ['values', 'boost', '_name'], path);
  if (!Array.isArray(obj.values)) throw r.fail(`${path}.values`, 'expected an array of ids');
  return { type: 'ids', values: obj.values.map((v, i) => String(r.scalar(v, `${path}.values[${i}]`))) };
};

export const LEAF_QUERIES: Record<string, Leaf> = {
  term, terms, exists, range, match, match_phrase: matchPhrase, prefix, wildcard, regexp, ids,
  match_all: () => ({ type: 'match_all' }),
  match_none: () => ({ type: 'match_none' }),
};
