/** Families over the set of distinct strings of a field: distinct_count and info_content. */
import { deflateRawSync } from 'node:zlib';
import type { Accumulator } from './accumulator.js';
import type { FamilyBehaviour } from './family.js';

/**
 * info_content as ml-cpp computes it: the length of the deflate-compressed concatenation of the bucket's sorted
 * distinct strings. Random-looking strings (DNS tunnelling labels) compress badly and score high.
 */
export function informationContent(strings: Iterable<string>): number {
  const sorted = [...strings].sort();
  if (sorted.length === 0) return 0;
  return deflateRawSync(Buffer.from(sorted.join(''), 'utf8')).length;
}

function setWithout(acc: Accumulator, part: Accumulator): string[] {
  const remove = part.distinct ?? new Set<string>();
  return [...(acc.distinct ?? [])].filter((s) => !remove.has(s));
}

/**
 * distinct_count: number of distinct values. Complement influence removes the values seen with the influencer
 * value; a value another influencer value also produced is removed too, so influence is slightly overstated.
 */
export const DISTINCT_COUNT: FamilyBehaviour = {
  modelKind: 'metric',
  input: 'string',
  zeroFill: false,
  keepValues: false,
  influence: 'complement',
  features: [{ name: 'distinct_count' }],
  extract: (acc) => (acc.distinct && acc.distinct.size > 0 ? [acc.distinct.size] : undefined),
  without: (acc, part) => [setWithout(acc, part).length],
};

export const INFO_CONTENT: FamilyBehaviour = {
  ...DISTINCT_COUNT,
  features: [{ name: 'info_content' }],
  extract: (acc) => (acc.distinct && acc.distinct.size > 0 ? [informationContent(acc.distinct)] : undefined),
  without: (acc, part) => [informationContent(setWithout(acc, part))],
};
