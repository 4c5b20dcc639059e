/**
 * EQL conditions (`… where <condition>`) by precedence climbing: or < and < not < comparison/predicate
 * < additive < multiplicative < unary. Field-vs-constant forms are lowered to field nodes in eql-lower.ts.
 */
import type { Expr, QueryNode, Scalar } from '../ast.js';
import { EqlCursor } from './eql-cursor.js';
import { checkFunctionCall } from './eql-function-check.js';
import { lowerCompare, lowerExprTest, lowerIn, lowerStringMatch, type StringOp } from './eql-lower.js';

/** A parsed operand: either already a condition, or a value expression. */
type Parsed = { cond: QueryNode; expr?: undefined } | { expr: Expr; cond?: undefined };

const COMPARE_OPS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const RESERVED = new Set(['and', 'or', 'not', 'in', 'like', 'regex', 'where', 'by', 'with', 'until', 'sequence', 'sample', 'join', 'of']);

export function parseCondition(cur: EqlCursor): QueryNode {
  return toCondition(parseOr(cur));
}

function parseOr(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  const first = parseAnd(cur);
  if (!cur.isKeyword('or')) return first;
  const children = [toCondition(first)];
  while (cur.acceptKeyword('or')) children.push(toCondition(parseAnd(cur)));
  return { cond: { type: 'or', children, loc: cur.loc(start) } };
}

function parseAnd(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  const first = parseNot(cur);
  if (!cur.isKeyword('and')) return first;
  const children = [toCondition(first)];
  while (cur.acceptKeyword('and')) children.push(toCondition(parseNot(cur)));
  return { cond: { type: 'and', children, loc: cur.loc(start) } };
}

function parseNot(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  if (cur.acceptKeyword('not')) {
    const child = toCondition(parseNot(cur));
    return { cond: { type: 'not', child, loc: cur.loc(start) } };
  }
  return parsePredicate(cur);
}

function parsePredicate(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  const left = parseAdditive(cur);
  const tok = cur.peek();
  if (tok.kind === 'punct' && COMPARE_OPS.has(tok.text)) {
    cur.next();
    const right = toExpr(cur, parseAdditive(cur), cur.peek().start);
    return { cond: lowerCompare(tok.text as '==', toExpr(cur, left, start), right, cur.loc(start)) };
  }
  if (tok.kind === 'punct' && tok.text === '=') {
    throw cur.src.error('"=" is not a comparison; use "==" (or ":" for case-insensitive matching)', tok.start);
  }
  if (tok.kind === 'punct' && tok.text === ':') {
    cur.next();
    return { cond: stringMatch(cur, ':', false, toExpr(cur, left, start), start) };
  }
  if (tok.kind === 'ident' && (tok.text === 'like' || tok.text === 'regex')) {
    cur.next();
    return { cond: stringMatch(cur, tok.text, tok.tilde, toExpr(cur, left, start), start) };
  }
  const negated = cur.isKeyword('not') && cur.peek(1).kind === 'ident' && cur.peek(1).text === 'in';
  if (negated) cur.next();
  if (cur.peek().kind === 'ident' && cur.peek().text === 'in') {
    const inTok = cur.next();
    const values = parseList(cur, () => toExpr(cur, parseAdditive(cur), cur.peek().start));
    return { cond: lowerIn(toExpr(cur, left, start), values, inTok.tilde, negated, cur.loc(start)) };
  }
  return left;
}

function stringMatch(cur: EqlCursor, op: StringOp, caseInsensitive: boolean, left: Expr, start: number): QueryNode {
  const patterns = cur.isPunct('(') ? parseList(cur, () => parseConstant(cur)) : [parseConstant(cur)];
  return lowerStringMatch(cur.src, op, caseInsensitive, left, patterns, cur.loc(start));
}

function parseList<T>(cur: EqlCursor, item: () => T): T[] {
  cur.expectPunct('(', 'to start the list');
  const out = [item()];
  while (cur.acceptPunct(',')) out.push(item());
  cur.expectPunct(')', 'to close the list');
  return out;
}

function parseConstant(cur: EqlCursor): { value: Scalar; start: number } {
  const tok = cur.peek();
  const start = tok.start;
  if (tok.kind === 'string') { cur.next(); return { value: tok.text, start }; }
  if (tok.kind === 'number') { cur.next(); return { value: tok.value!, start }; }
  if (cur.isPunct('-') && cur.peek(1).kind === 'number') { cur.next(); return { value: -cur.next().value!, start }; }
  if (cur.isKeyword('true') || cur.isKeyword('false')) { cur.next(); return { value: tok.text === 'true', start }; }
  if (cur.isKeyword('null')) { cur.next(); return { value: null, start }; }
  throw cur.unexpected('a constant (string, number, boolean or null)');
}

function parseAdditive(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  let left = parseMultiplicative(cur);
  while (cur.isPunct('+') || cur.isPunct('-')) {
    const op = cur.next().text as '+' | '-';
    const right = toExpr(cur, parseMultiplicative(cur), cur.peek().start);
    left = { expr: { type: 'arith', op, left: toExpr(cur, left, start), right, loc: cur.loc(start) } };
  }
  return left;
}

function parseMultiplicative(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  let left = parseUnary(cur);
  while (cur.isPunct('*') || cur.isPunct('/') || cur.isPunct('%')) {
    const op = cur.next().text as '*' | '/' | '%';
    const right = toExpr(cur, parseUnary(cur), cur.peek().start);
    left = { expr: { type: 'arith', op, left: toExpr(cur, left, start), right, loc: cur.loc(start) } };
  }
  return left;
}

function parseUnary(cur: EqlCursor): Parsed {
  const start = cur.peek().start;
  if (cur.isPunct('-')) {
    cur.next();
    if (cur.peek().kind === 'number') return { expr: { type: 'literal', value: -cur.next().value!, loc: cur.loc(start) } };
    const operand = toExpr(cur, parseUnary(cur), cur.peek().start);
    return { expr: { type: 'arith', op: '-', left: { type: 'literal', value: 0 }, right: operand, loc: cur.loc(start) } };
  }
  if (cur.acceptPunct('+')) return parseUnary(cur);
  return parsePrimary(cur);
}

function parsePrimary(cur: EqlCursor): Parsed {
  const tok = cur.peek();
  const start = tok.start;
  if (cur.acceptPunct('(')) {
    const inner = parseOr(cur);
    cur.expectPunct(')', 'to close "("');
    return inner;
  }
  if (tok.kind === 'string' || tok.kind === 'number') {
    cur.next();
    return { expr: { type: 'literal', value: tok.kind === 'string' ? tok.text : tok.value!, loc: cur.loc(start) } };
  }
  if (cur.isKeyword('true') || cur.isKeyword('false') || cur.isKeyword('null')) {
    cur.next();
    const value = tok.text === 'null' ? null : tok.text === 'true';
    return { expr: { type: 'literal', value, loc: cur.loc(start) } };
  }
  if (tok.kind === 'ident' && cur.isPunct('(', 1)) return { expr: parseCall(cur) };
  if (tok.kind === 'ident' && ['descendant', 'child', 'event'].includes(tok.text) && cur.isKeyword('of', 1)) {
    throw cur.src.error(`"${tok.text} of" (process lineage) is not supported`, tok.start);
  }
  if (cur.isPunct('?') || tok.kind === 'quoted_ident' || (tok.kind === 'ident' && !RESERVED.has(tok.text) && !tok.tilde)) {
    return { expr: parseField(cur) };
  }
  throw cur.unexpected('a field, value or "("');
}

function parseCall(cur: EqlCursor): Expr {
  const nameTok = cur.next();
  const start = nameTok.start;
  cur.expectPunct('(');
  const args: Expr[] = [];
  if (!cur.isPunct(')')) {
    do args.push(toExpr(cur, parseOr(cur), cur.peek().start));
    while (cur.acceptPunct(','));
  }
  cur.expectPunct(')', `to close the arguments of ${nameTok.text}`);
  const problem = checkFunctionCall(nameTok.text, args);
  if (problem) throw cur.src.error(problem, start);
  return { type: 'call', name: nameTok.text, caseInsensitive: nameTok.tilde, args, loc: cur.loc(start) };
}

/** `a.b.c`, `?a.b`, `` `odd name`.x ``; array indexes (`a[0]`) are rejected. */
export function parseFieldName(cur: EqlCursor): { field: string; optional: boolean; start: number } {
  const start = cur.peek().start;
  const optional = cur.acceptPunct('?');
  const parts: string[] = [];
  for (;;) {
    const tok = cur.peek();
    if (tok.kind !== 'ident' && tok.kind !== 'quoted_ident') throw cur.unexpected('a field name');
    if (tok.tilde) throw cur.src.error('"~" is only allowed after a function name or like/regex/in', tok.end - 1);
    cur.next();
    parts.push(tok.text);
    if (cur.isPunct('[') && cur.peek(1).kind === 'number') throw cur.src.error('array indexes in field names are not supported', cur.peek().start);
    if (!cur.acceptPunct('.')) break;
  }
  return { field: parts.join('.'), optional, start };
}

function parseField(cur: EqlCursor): Expr {
  const { field, optional, start } = parseFieldName(cur);
  return { type: 'field', field, optional, loc: cur.loc(start) };
}

function toCondition(p: Parsed): QueryNode {
  if (p.cond) return p.cond;
  return lowerExprTest(p.expr, p.expr.loc);
}

function toExpr(cur: EqlCursor, p: Parsed, at: number): Expr {
  if (p.expr) return p.expr;
  throw cur.src.error('expected a value but found a condition', p.cond.loc?.start.offset ?? at);
}
