/** Elasticsearch `minimum_should_match`: integers, negative integers and (negative) percentages. */
import type { DslReader } from './dsl-reader.js';

/** Number of `should` clauses (out of `optional`) that must match. */
export function minimumShouldMatch(value: unknown, optional: number, reader: DslReader, path: string): number {
  let required: number;
  if (typeof value === 'number' && Number.isInteger(value)) required = value < 0 ? optional + value : value;
  else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const n = Number(value.trim());
    required = n < 0 ? optional + n : n;
  } else if (typeof value === 'string' && /^-?\d+(\.\d+)?%$/.test(value.trim())) {
    const pct = Number(value.trim().slice(0, -1));
    // Elasticsearch rounds the computed clause count down.
    const count = Math.floor((optional * Math.abs(pct)) / 100);
    required = pct < 0 ? optional - count : count;
  } else {
    throw reader.fail(path, `unsupported minimum_should_match ${JSON.stringify(value)}`, 'use an integer such as 1 or -1, or a percentage such as "75%"');
  }
  return Math.max(0, required);
}
