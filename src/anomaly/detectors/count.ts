/** Event-rate families: count / high_count / low_count, non_zero_count, and the presence feature behind rare. */
import type { FamilyBehaviour } from './family.js';

/** count: number of events; after a series is first seen an empty bucket is a 0 (that is what makes low_count work). */
export const COUNT: FamilyBehaviour = {
  modelKind: 'count',
  input: 'none',
  zeroFill: true,
  keepValues: false,
  influence: 'complement',
  features: [{ name: 'count' }],
  extract: (acc) => [acc.n],
  without: (acc, part) => [Math.max(acc.n - part.n, 0)],
};

/** non_zero_count: like count, but empty buckets are skipped rather than modelled as 0. */
export const NON_ZERO_COUNT: FamilyBehaviour = {
  ...COUNT,
  zeroFill: false,
  features: [{ name: 'non_zero_count' }],
  extract: (acc) => (acc.n > 0 ? [acc.n] : undefined),
};

/**
 * rare / freq_rare: the feature is "the by value occurred in the bucket"; rarity comes from the RarityModel, not
 * from a time series. Every influencer value seen with the category shares in it.
 */
export const RARE: FamilyBehaviour = {
  modelKind: 'rarity',
  input: 'none',
  zeroFill: false,
  keepValues: false,
  influence: 'presence',
  features: [{ name: 'rare' }],
  extract: (acc) => (acc.n > 0 ? [1] : undefined),
};
