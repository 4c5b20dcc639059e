/**
 * Range tests. Each bound is compared as a number when it is numeric, as a date when it looks like one
 * (the event value is then read as a timestamp), else as a string; array fields match if any value is in range.
 */
import type { RangeNode } from '../ast.js';
import { parseTimestamp } from '../../ecs/index.js';
import { parseDateBound } from './date-math.js';
import { toNumber, type FieldScalar } from './scalars.js';

type Check = (v: FieldScalar) => boolean;

function boundCheck(bound: string | number, accept: (cmp: number) => boolean): Check {
  const n = typeof bound === 'number' ? bound : toNumber(bound);
  if (n !== undefined) {
    return (v) => {
      const x = toNumber(v);
      return x !== undefined && accept(x < n ? -1 : x > n ? 1 : 0);
    };
  }
  const date = parseDateBound(String(bound));
  if (date !== undefined) {
    return (v) => {
      if (typeof v === 'boolean') return false;
      const t = parseTimestamp(v);
      return t !== undefined && accept(t < date ? -1 : t > date ? 1 : 0);
    };
  }
  const s = String(bound);
  return (v) => {
    if (typeof v !== 'string') return false;
    return accept(v < s ? -1 : v > s ? 1 : 0);
  };
}

export function compileRange(node: RangeNode): Check {
  const checks: Check[] = [];
  if (node.gt !== undefined) checks.push(boundCheck(node.gt, (c) => c > 0));
  if (node.gte !== undefined) checks.push(boundCheck(node.gte, (c) => c >= 0));
  if (node.lt !== undefined) checks.push(boundCheck(node.lt, (c) => c < 0));
  if (node.lte !== undefined) checks.push(boundCheck(node.lte, (c) => c <= 0));
  if (checks.length === 1) return checks[0];
  return (v) => {
    for (const c of checks) if (!c(v)) return false;
    return true;
  };
}
