/** Turns KQL literals into AST nodes: `*` means exists, unquoted `*` makes a wildcard, else an exact term. */
import type { Loc, QueryNode } from '../ast.js';
import type { KqlLiteral } from './kql-literal.js';

export type RangeOp = '<' | '<=' | '>' | '>=';

const RANGE_KEYS = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const;

export function kqlFieldValueNode(field: string, value: KqlLiteral, loc: Loc): QueryNode {
  if (!value.quoted && value.hasWildcard) {
    if (value.pattern === '*') return { type: 'exists', field, loc };
    return { type: 'wildcard', field, pattern: value.pattern, caseInsensitive: false, loc };
  }
  return { type: 'term', field, value: value.text, caseInsensitive: false, loc };
}

export function kqlRangeNode(field: string, op: RangeOp, bound: KqlLiteral, loc: Loc): QueryNode {
  return { type: 'range', field, [RANGE_KEYS[op]]: bound.text, loc };
}

/** A value without a field searches every field. */
export function kqlFreeTextNode(value: KqlLiteral, loc: Loc): QueryNode {
  if (!value.quoted && value.hasWildcard) {
    if (value.pattern === '*') return { type: 'match_all', loc };
    return { type: 'any_field', value: value.pattern, isPattern: true, loc };
  }
  return { type: 'any_field', value: value.text, isPattern: false, loc };
}
