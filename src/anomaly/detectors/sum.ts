/** sum / non_null_sum of a numeric field. */
import type { FamilyBehaviour } from './family.js';

/**
 * sum: empty buckets after first sight are 0, which is why Elastic warns it is "strongly affected by empty buckets";
 * for a high_sum of bytes that is what we want (a quiet host suddenly sending GBs).
 */
export const SUM: FamilyBehaviour = {
  modelKind: 'metric',
  input: 'number',
  zeroFill: true,
  keepValues: false,
  influence: 'complement',
  features: [{ name: 'sum' }],
  extract: (acc) => [acc.sum],
  without: (acc, part) => [acc.sum - part.sum],
};

/** non_null_sum: buckets without values are skipped; zero values are analysed. */
export const NON_NULL_SUM: FamilyBehaviour = {
  ...SUM,
  zeroFill: false,
  features: [{ name: 'non_null_sum' }],
  extract: (acc) => (acc.count > 0 ? [acc.sum] : undefined),
  without: (acc, part) => (acc.count - part.count > 0 ? [acc.sum - part.sum] : undefined),
};
