/** EQL value expressions (fields, literals, arithmetic, function calls) and the conditions built on them. */
import { fieldReader, type EcsEvent } from '../../ecs/index.js';
import type { CompareNode, CompareOp, Expr, InListNode, StringMatchNode } from '../ast.js';
import { eqlWildcardToPattern } from '../text/wildcard-escape.js';
import { EQL_FUNCTIONS, type ValueFn } from './eql-functions.js';
import { luceneRegexpToJs } from './lucene-regexp.js';
import { firstScalar, someScalar, toNumber, type FieldScalar } from './scalars.js';
import { compileWildcard, type StringTest } from './wildcard.js';
import { OutflowError } from '../../errors.js';

export function compileExpr(expr: Expr): ValueFn {
  switch (expr.type) {
    case 'field': {
      const field = expr.field;
      return fieldReader(field);
    }
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'arith': {
      const left = compileExpr(expr.left);
      const right = compileExpr(expr.right);
      const op = expr.op;
      return (event) => {
        const a = toNumber(firstScalar(left(event)));
        const b = toNumber(firstScalar(right(event)));
        if (a === undefined || b === undefined) return null;
        return arithmetic(op, a, b);
      };
    }
    case 'call': {
      const spec = EQL_FUNCTIONS[expr.name.toLowerCase()];
      if (!spec) throw new OutflowError(`unknown EQL function ${expr.name}`, 'query');
      try {
        return spec.compile(expr.args.map(compileExpr), expr.args, expr.caseInsensitive);
      } catch (e) {
        throw new OutflowError((e as Error).message, 'query');
      }
    }
  }
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%', a: number, b: number): number | null {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? null : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b;
    case '%': return b === 0 ? null : a % b;
  }
}

/** Compares two scalars: numerically when both read as numbers, as strings when both are strings. */
export function compareScalars(op: CompareOp, a: FieldScalar, b: FieldScalar, caseInsensitive = false): boolean {
  let cmp: number;
  const x = typeof a === 'number' || typeof b === 'number' ? toNumber(a) : undefined;
  const y = x !== undefined ? toNumber(b) : undefined;
  if (x !== undefined && y !== undefined) cmp = x < y ? -1 : x > y ? 1 : 0;
  else if (typeof a === 'string' && typeof b === 'string') {
    const s = caseInsensitive ? a.toLowerCase() : a;
    const t = caseInsensitive ? b.toLowerCase() : b;
    cmp = s < t ? -1 : s > t ? 1 : 0;
  } else if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op !== '==' && op !== '!=') return false;
    cmp = a === b ? 0 : 1;
  } else {
    return op === '!=';
  }
  switch (op) {
    case '==': return cmp === 0;
    case '!=': return cmp !== 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
  }
}

function isNull(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.every((x) => x === null));
}

export function compileCompare(node: CompareNode): (event: EcsEvent) => boolean {
  const left = compileExpr(node.left);
  const right = compileExpr(node.right);
  const op = node.op;
  return (event) => {
    const a = left(event);
    const b = right(event);
    if (isNull(a) || isNull(b)) {
      if (op === '==') return isNull(a) && isNull(b);
      if (op === '!=') return isNull(a) !== isNull(b);
      return false;
    }
    return someScalar(a, (x) => someScalar(b, (y) => compareScalars(op, x, y)));
  };
}

export function compileInList(node: InListNode): (event: EcsEvent) => boolean {
  const left = compileExpr(node.left);
  const values = node.values.map(compileExpr);
  const ci = node.caseInsensitive;
  return (event) => {
    const a = left(event);
    for (const v of values) {
      const b = v(event);
      if (someScalar(a, (x) => someScalar(b, (y) => compareScalars('==', x, y, ci)))) return true;
    }
    return false;
  };
}

export function compileStringMatch(node: StringMatchNode): (event: EcsEvent) => boolean {
  const left = compileExpr(node.left);
  const tests: StringTest[] = node.patterns.map((p) => {
    if (node.op === 'regex') {
      const re = luceneRegexpToJs(p, node.caseInsensitive);
      return (s) => re.test(s);
    }
    const pattern = eqlWildcardToPattern(p, node.op === 'like') ?? p.replace(/[\\*?]/g, '\\$&');
    return compileWildcard(pattern, node.caseInsensitive);
  });
  return (event) => someScalar(left(event), (v) => {
    const s = String(v);
    for (const t of tests) if (t(s)) return true;
    return false;
  });
}
