/**
 * Elasticsearch Query DSL (datafeed queries, exception filters) → predicate AST. Compound queries (bool,
 * constant_score, dis_max, nested, query_string) live here; leaves in leaf-queries.ts. Anything we cannot
 * evaluate faithfully is a ConfigError naming `where`, the key path (`query.bool.filter[1].geo_shape`) and a fix.
 */
import { QuerySyntaxError } from '../../errors.js';
import type { QueryNode } from '../ast.js';
import { parseLucene } from '../lucene/parse-lucene.js';
import { DslReader, type Json } from './dsl-reader.js';
import { LEAF_QUERIES } from './leaf-queries.js';
import { minimumShouldMatch } from './minimum-should-match.js';
import { relativeTo } from './relative-fields.js';

const COMPOUND = ['bool', 'constant_score', 'dis_max', 'nested', 'query_string'];
const SUPPORTED = [...COMPOUND, ...Object.keys(LEAF_QUERIES)].sort().join(', ');

export function compileEsDsl(dsl: unknown, where: string): QueryNode {
  return compileClause(dsl as Json, 'query', new DslReader(where));
}

function compileClause(value: Json, path: string, r: DslReader): QueryNode {
  const obj = r.object(value, path, 'a query object such as {"term": {…}}');
  const types = Object.keys(obj);
  if (types.length === 0) return { type: 'match_all' };
  if (types.length > 1) throw r.fail(path, `expected one query type, got ${types.join(', ')}`, 'wrap several queries in {"bool": {"filter": [...]}}');
  const type = types[0];
  const at = `${path}.${type}`;
  const body = obj[type];
  const leaf = LEAF_QUERIES[type];
  if (leaf) return leaf(body, at, r);
  switch (type) {
    case 'bool': return compileBool(body, at, r);
    case 'constant_score': {
      const o = r.object(body, at);
      r.onlyKeys(o, ['filter', 'boost', '_name'], at);
      return compileClause(o.filter, `${at}.filter`, r);
    }
    case 'dis_max': {
      const o = r.object(body, at);
      r.onlyKeys(o, ['queries', 'tie_breaker', 'boost', '_name'], at);
      const children = r.clauses(o.queries, `${at}.queries`).map((c) => compileClause(c.clause, c.path, r));
      return { type: 'or', children };
    }
    case 'nested': {
      const o = r.object(body, at);
      r.onlyKeys(o, ['path', 'query', 'score_mode', 'ignore_unmapped', 'inner_hits', '_name', 'boost'], at);
      const nestedPath = r.string(o.path, `${at}.path`);
      return { type: 'nested', path: nestedPath, query: relativeTo(compileClause(o.query, `${at}.query`, r), nestedPath) };
    }
    case 'query_string': return compileQueryString(body, at, r);
    default:
      throw r.fail(at, `unsupported query type ${type}`, `use one of ${SUPPORTED}`);
  }
}

function compileBool(body: Json, path: string, r: DslReader): QueryNode {
  const o = r.object(body, path);
  r.onlyKeys(o, ['filter', 'must', 'should', 'must_not', 'minimum_should_match', 'boost', '_name', 'adjust_pure_negative'], path);
  const compileAll = (key: string) => r.clauses(o[key], `${path}.${key}`).map((c) => compileClause(c.clause, c.path, r));
  const required = [...compileAll('must'), ...compileAll('filter')];
  const excluded = compileAll('must_not').map((child): QueryNode => ({ type: 'not', child }));
  const should = compileAll('should');
  // Without must/filter, at least one should clause has to match; with them, should only scores.
  const need = o.minimum_should_match === undefined
    ? (required.length === 0 && should.length > 0 ? 1 : 0)
    : minimumShouldMatch(o.minimum_should_match, should.length, r, `${path}.minimum_should_match`);
  const parts = [...required, ...excluded];
  if (need > should.length) return { type: 'match_none' };
  if (need === 1) parts.push(should.length === 1 ? should[0] : { type: 'or', children: should });
  else if (need > 1) parts.push(need === should.length ? { type: 'and', children: should } : { type: 'at_least', count: need, children: should });
  if (parts.length === 0) return { type: 'match_all' };
  return parts.length === 1 ? parts[0] : { type: 'and', children: parts };
}

function compileQueryString(body: Json, path: string, r: DslReader): QueryNode {
  const o = r.object(body, path);
  r.onlyKeys(o, ['query', 'default_field', 'fields', 'default_operator', 'analyze_wildcard', 'allow_leading_wildcard', 'lenient', 'boost', '_name', 'analyzer'], path);
  const text = r.string(o.query, `${path}.query`);
  let defaultField = o.default_field === undefined ? undefined : r.string(o.default_field, `${path}.default_field`);
  if (o.fields !== undefined) {
    if (!Array.isArray(o.fields) || o.fields.length !== 1) throw r.fail(`${path}.fields`, 'only a single field is supported', 'use default_field, or write field:value in the query');
    defaultField = r.string(o.fields[0], `${path}.fields[0]`);
  }
  const op = o.default_operator === undefined ? 'or' : String(o.default_operator).toLowerCase();
  if (op !== 'or' && op !== 'and') throw r.fail(`${path}.default_operator`, `unknown operator ${JSON.stringify(o.default_operator)}`, 'use "OR" or "AND"');
  try {
    return parseLucene(text, { defaultOperator: op, defaultField });
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw r.fail(`${path}.query`, e.message, 'fix the Lucene query text');
    throw e;
  }
}
