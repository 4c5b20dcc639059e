/**
 * Lowers EQL comparisons on a plain field against constants to field nodes (term, terms, range, wildcard,
 * regexp, cidr), which evaluate with Elasticsearch's any-element semantics; other shapes stay expression nodes.
 */
import type { CompareOp, Expr, Loc, QueryNode, Scalar } from '../ast.js';
import { luceneRegexpToJs } from '../eval/lucene-regexp.js';
import type { SourceText } from '../text/source-text.js';
import { eqlWildcardToPattern } from '../text/wildcard-escape.js';

export type StringOp = ':' | 'like' | 'regex';

const FLIPPED: Record<CompareOp, CompareOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const RANGE_KEY = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const;

export function lowerCompare(op: CompareOp, left: Expr, right: Expr, loc: Loc): QueryNode {
  if (left.type === 'field' && right.type === 'literal') return fieldCompare(left.field, op, right.value, loc);
  if (left.type === 'literal' && right.type === 'field') return fieldCompare(right.field, FLIPPED[op], left.value, loc);
  return { type: 'compare', op, left, right, loc };
}

function fieldCompare(field: string, op: CompareOp, value: Scalar, loc: Loc): QueryNode {
  if (value === null) {
    if (op === '==') return { type: 'not', child: { type: 'exists', field, loc }, loc };
    if (op === '!=') return { type: 'exists', field, loc };
    return { type: 'match_none', loc };
  }
  if (op === '==') return { type: 'term', field, value, caseInsensitive: false, loc };
  if (op === '!=') return { type: 'not', child: { type: 'term', field, value, caseInsensitive: false, loc }, loc };
  if (typeof value === 'boolean') {
    return { type: 'compare', op, left: { type: 'field', field, optional: false }, right: { type: 'literal', value }, loc };
  }
  return { type: 'range', field, [RANGE_KEY[op]]: value, loc };
}

/** `x : "a*"`, `x like~ ("a?", "b*")`, `x regex "…"`; a list means any pattern. */
export function lowerStringMatch(
  src: SourceText, op: StringOp, caseInsensitive: boolean, left: Expr,
  patterns: Array<{ value: Scalar; start: number }>, loc: Loc,
): QueryNode {
  for (const p of patterns) {
    if (op !== ':' && typeof p.value !== 'string') throw src.error(`${op} needs string patterns`, p.start);
    if (op === 'regex') {
      try { luceneRegexpToJs(p.value as string, caseInsensitive); } catch (e) {
        throw src.error(`invalid regular expression: ${(e as Error).message}`, p.start);
      }
    }
  }
  const ci = op === ':' || caseInsensitive;
  if (left.type !== 'field') {
    return { type: 'string_match', op, caseInsensitive: ci, left, patterns: patterns.map((p) => String(p.value)), loc };
  }
  const nodes = patterns.map((p) => fieldPattern(left.field, op, ci, p.value, loc));
  return nodes.length === 1 ? nodes[0] : { type: 'or', children: nodes, loc };
}

function fieldPattern(field: string, op: StringOp, ci: boolean, value: Scalar, loc: Loc): QueryNode {
  if (value === null) return { type: 'not', child: { type: 'exists', field, loc }, loc };
  if (typeof value !== 'string') return { type: 'term', field, value, caseInsensitive: false, loc };
  if (op === 'regex') return { type: 'regexp', field, pattern: value, caseInsensitive: ci, loc };
  const pattern = eqlWildcardToPattern(value, op === 'like');
  if (pattern === undefined) return { type: 'term', field, value, caseInsensitive: ci, loc };
  return { type: 'wildcard', field, pattern, caseInsensitive: ci, loc };
}

export function lowerIn(left: Expr, values: Expr[], caseInsensitive: boolean, negated: boolean, loc: Loc): QueryNode {
  let node: QueryNode;
  if (left.type === 'field' && values.every((v) => v.type === 'literal')) {
    const scalars = values.map((v) => (v as { value: Scalar }).value);
    const nonNull = scalars.filter((v) => v !== null);
    node = { type: 'terms', field: left.field, values: nonNull, caseInsensitive, loc };
    if (nonNull.length < scalars.length) {
      node = { type: 'or', children: [node, { type: 'not', child: { type: 'exists', field: left.field, loc }, loc }], loc };
    }
  } else {
    node = { type: 'in_list', left, values, caseInsensitive, loc };
  }
  return negated ? { type: 'not', child: node, loc } : node;
}

/** A boolean expression as a condition; `cidrMatch(field, "cidr", …)` becomes a cidr node. */
export function lowerExprTest(expr: Expr, loc: Loc | undefined): QueryNode {
  if (expr.type === 'literal' && expr.value === true) return { type: 'match_all', loc };
  if (expr.type === 'literal' && (expr.value === false || expr.value === null)) return { type: 'match_none', loc };
  if (expr.type === 'call' && expr.name.toLowerCase() === 'cidrmatch' && expr.args.length >= 2) {
    const [target, ...blocks] = expr.args;
    if (target.type === 'field' && blocks.every((b) => b.type === 'literal' && typeof b.value === 'string')) {
      return { type: 'cidr', field: target.field, cidrs: blocks.map((b) => (b as { value: string }).value), loc };
    }
  }
  return { type: 'expr_test', expr, loc };
}
