/**
 * EQL functions (Elastic's reference): string, arithmetic, IP and array helpers. Each compiles once from
 * argument evaluators; constant arguments (CIDR blocks, wildcard patterns) are prepared up front.
 * String predicates on multi-valued fields are true when any value satisfies them.
 */
import type { EcsEvent, EcsValue } from '../../ecs/index.js';
import type { Expr } from '../ast.js';
import { eqlWildcardToPattern } from '../text/wildcard-escape.js';
import { compileCidrTest } from './ip.js';
import { firstScalar, someScalar, toNumber } from './scalars.js';
import { compileEquals } from './term-equality.js';
import { compileWildcard } from './wildcard.js';

export type ValueFn = (event: EcsEvent) => EcsValue | undefined;

interface FunctionSpec {
  min: number;
  max: number;
  compile(args: ValueFn[], exprs: Expr[], ci: boolean): ValueFn;
}

function text(v: EcsValue | undefined): string | null {
  const s = firstScalar(v);
  return s === null ? null : String(s);
}

function num(v: EcsValue | undefined): number | null {
  return toNumber(firstScalar(v)) ?? null;
}

function constantStrings(exprs: Expr[], fn: string): string[] {
  return exprs.map((e) => {
    if (e.type !== 'literal' || typeof e.value !== 'string') throw new Error(`${fn}: arguments after the first must be string constants`);
    return e.value;
  });
}

/** `startsWith`, `endsWith`, `stringContains`: any value of the first argument against the second. */
function stringPredicate(test: (s: string, sub: string) => boolean): FunctionSpec {
  return {
    min: 2, max: 2,
    compile: ([source, sub], _e, ci) => (event) => {
      const needle = text(sub(event));
      if (needle === null) return null;
      const n = ci ? needle.toLowerCase() : needle;
      return someScalar(source(event), (v) => test(ci ? String(v).toLowerCase() : String(v), n));
    },
  };
}

function arithmetic(op: (a: number, b: number) => number | null): FunctionSpec {
  return {
    min: 2, max: 2,
    compile: ([a, b]) => (event) => {
      const x = num(a(event));
      const y = num(b(event));
      return x === null || y === null ? null : op(x, y);
    },
  };
}

export const EQL_FUNCTIONS: Record<string, FunctionSpec> = {
  add: arithmetic((a, b) => a + b),
  subtract: arithmetic((a, b) => a - b),
  multiply: arithmetic((a, b) => a * b),
  // EQL: integer operands give an integer quotient (rounded toward zero).
  divide: arithmetic((a, b) => (b === 0 ? null : Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b)),
  modulo: arithmetic((a, b) => (b === 0 ? null : a % b)),
  startswith: stringPredicate((s, sub) => s.startsWith(sub)),
  endswith: stringPredicate((s, sub) => s.endsWith(sub)),
  stringcontains: stringPredicate((s, sub) => s.includes(sub)),
  between: {
    min: 3, max: 4,
    compile: ([source, left, right, greedy], _e, ci) => (event) => {
      const s = text(source(event));
      const l = text(left(event));
      const r = text(right(event));
      if (s === null || l === null || r === null) return null;
      const hay = ci ? s.toLowerCase() : s;
      const from = hay.indexOf(ci ? l.toLowerCase() : l);
      if (from < 0) return '';
      const start = from + l.length;
      const rr = ci ? r.toLowerCase() : r;
      const end = greedy && firstScalar(greedy(event)) === true ? hay.lastIndexOf(rr) : hay.indexOf(rr, start);
      return end < start ? '' : s.slice(start, end);
    },
  },
  cidrmatch: {
    min: 2, max: Infinity,
    compile: ([ip], exprs) => {
      const blocks = constantStrings(exprs.slice(1), 'cidrMatch');
      const test = compileCidrTest(blocks);
      if (!test) throw new Error(`cidrMatch: invalid CIDR block in ${JSON.stringify(blocks)}`);
      return (event) => someScalar(ip(event), (v) => typeof v === 'string' && test(v));
    },
  },
  concat: {
    min: 1, max: Infinity,
    compile: (args) => (event) => {
      let out = '';
      for (const a of args) {
        const s = text(a(event));
        if (s === null) return null;
        out += s;
      }
      return out;
    },
  },
  indexof: {
    min: 2, max: 3,
    compile: ([source, sub, from], _e, ci) => (event) => {
      const s = text(source(event));
      const n = text(sub(event));
      if (s === null || n === null) return null;
      const start = from ? num(from(event)) ?? 0 : 0;
      const i = ci ? s.toLowerCase().indexOf(n.toLowerCase(), start) : s.indexOf(n, start);
      return i < 0 ? null : i;
    },
  },
  length: {
    min: 1, max: 1,
    compile: ([source]) => (event) => {
      const s = text(source(event));
      return s === null ? null : s.length;
    },
  },
  number: {
    min: 1, max: 2,
    compile: ([source, base]) => (event) => {
      const s = text(source(event));
      if (s === null) return null;
      const b = base ? num(base(event)) ?? 10 : 10;
      if (b === 10) return toNumber(s) ?? null;
      const n = parseInt(b === 16 ? s.replace(/^0x/i, '') : s, b);
      return Number.isNaN(n) ? null : n;
    },
  },
  string: {
    min: 1, max: 1,
    compile: ([source]) => (event) => text(source(event)),
  },
  substring: {
    min: 2, max: 3,
    compile: ([source, startArg, endArg]) => (event) => {
      const s = text(source(event));
      const start = num(startArg(event));
      if (s === null || start === null) return null;
      const end = endArg ? num(endArg(event)) : null;
      // Python-style slicing: negative positions count from the end.
      const norm = (i: number): number => (i < 0 ? Math.max(0, s.length + i) : Math.min(i, s.length));
      return s.slice(norm(start), end === null ? s.length : norm(end));
    },
  },
  wildcard: {
    min: 2, max: Infinity,
    compile: ([source], exprs, ci) => {
      const tests = constantStrings(exprs.slice(1), 'wildcard').map((p) => compileWildcard(eqlWildcardToPattern(p, true) ?? p.replace(/\\/g, '\\\\'), ci));
      return (event) => someScalar(source(event), (v) => tests.some((t) => t(String(v))));
    },
  },
  arraycontains: {
    min: 2, max: Infinity,
    compile: ([array, ...values], _e, ci) => (event) => {
      const arr = array(event);
      for (const valueFn of values) {
        const want = firstScalar(valueFn(event));
        if (someScalar(arr, compileEquals(want, ci))) return true;
      }
      return false;
    },
  },
};
