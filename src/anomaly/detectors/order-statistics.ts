/** min, max and median of a numeric field in the bucket. */
import type { FamilyBehaviour } from './family.js';

export const MIN: FamilyBehaviour = {
  modelKind: 'metric',
  input: 'number',
  zeroFill: false,
  keepValues: false,
  influence: 'restrict',
  features: [{ name: 'min' }],
  extract: (acc) => (acc.count > 0 ? [acc.min] : undefined),
};

export const MAX: FamilyBehaviour = {
  ...MIN,
  features: [{ name: 'max' }],
  extract: (acc) => (acc.count > 0 ? [acc.max] : undefined),
};

/** Median (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const MEDIAN: FamilyBehaviour = {
  ...MIN,
  keepValues: true,
  features: [{ name: 'median' }],
  extract: (acc) => (acc.values && acc.values.length > 0 ? [median(acc.values)] : undefined),
};
