/** Families over the distribution of a numeric field's values in the bucket: mean, varp, and Elastic's `metric`. */
import type { FamilyBehaviour } from './family.js';

export const MEAN: FamilyBehaviour = {
  modelKind: 'metric',
  input: 'number',
  zeroFill: false,
  keepValues: false,
  influence: 'restrict',
  features: [{ name: 'mean' }],
  extract: (acc) => (acc.count > 0 ? [acc.mean] : undefined),
};

/** Population variance of the bucket's values (one value → 0). */
export const VARP: FamilyBehaviour = {
  ...MEAN,
  features: [{ name: 'varp' }],
  extract: (acc) => (acc.count > 0 ? [acc.m2 / acc.count] : undefined),
};

/** metric = mean, min and max modelled side by side; min is judged on its low side and max on its high side. */
export const METRIC: FamilyBehaviour = {
  ...MEAN,
  features: [{ name: 'mean' }, { name: 'min', tail: 'low' }, { name: 'max', tail: 'high' }],
  extract: (acc) => (acc.count > 0 ? [acc.mean, acc.min, acc.max] : undefined),
};
