/** Prints a whole EQL query (event, sequence or sample) back as EQL text. */
import type { QueryNode } from '../ast.js';
import type { EqlQuery } from '../eql/types.js';
import { eqlField, eqlString, formatEqlCondition } from './format-eql.js';

const IDENT = /^[A-Za-z_@][A-Za-z0-9_@]*$/;

function filter(category: string, condition: QueryNode): string {
  return `${IDENT.test(category) ? category : eqlString(category)} where ${formatEqlCondition(condition)}`;
}

function by(keys: string[]): string {
  return keys.length ? ` by ${keys.map(eqlField).join(', ')}` : '';
}

function duration(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms % size === 0 && ms >= size) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

export function formatEql(query: EqlQuery): string {
  if (query.kind === 'event') return filter(query.category, query.condition);
  if (query.kind === 'sample') {
    return `sample${by(query.by)}\n` + query.steps.map((s) => `  [${filter(s.category, s.condition)}]${by(s.by)}`).join('\n');
  }
  let head = `sequence${by(query.by)}`;
  if (query.maxspanMs !== undefined) head += ` with maxspan=${duration(query.maxspanMs)}`;
  const steps = query.steps.map((s) => `  ${s.missing ? '!' : ''}[${filter(s.category, s.condition)}]${by(s.by)}${s.runs !== undefined ? ` with runs=${s.runs}` : ''}`);
  const until = query.until ? [`until [${filter(query.until.category, query.until.condition)}]${by(query.until.by)}`] : [];
  return [head, ...steps, ...until].join('\n');
}
