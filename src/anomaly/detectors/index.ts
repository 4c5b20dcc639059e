/** Detector function families: one behaviour per family (feature per bucket, zero-filling, influence style). */
import type { FeatureFamily } from '../config/functions.js';
import type { FamilyBehaviour } from './family.js';
import { COUNT, NON_ZERO_COUNT, RARE } from './count.js';
import { SUM, NON_NULL_SUM } from './sum.js';
import { MEAN, VARP, METRIC } from './moments.js';
import { MIN, MAX, MEDIAN } from './order-statistics.js';
import { DISTINCT_COUNT, INFO_CONTENT } from './distinct.js';
import { TIME_OF_DAY, TIME_OF_WEEK } from './time-of.js';

export type { FamilyBehaviour, FeatureDef, ModelKind, InfluenceStyle, FamilyInput } from './family.js';
export { informationContent } from './distinct.js';
export { median } from './order-statistics.js';
export { timeInPeriod, SECONDS_PER_DAY, SECONDS_PER_WEEK } from './time-of.js';
export * from './accumulator.js';

const BEHAVIOURS: Record<Exclude<FeatureFamily, 'lat_long'>, FamilyBehaviour> = {
  count: COUNT,
  non_zero_count: NON_ZERO_COUNT,
  rare: RARE,
  freq_rare: RARE,
  sum: SUM,
  non_null_sum: NON_NULL_SUM,
  mean: MEAN,
  varp: VARP,
  metric: METRIC,
  min: MIN,
  max: MAX,
  median: MEDIAN,
  distinct_count: DISTINCT_COUNT,
  info_content: INFO_CONTENT,
  time_of_day: TIME_OF_DAY,
  time_of_week: TIME_OF_WEEK,
};

export function familyBehaviour(family: FeatureFamily): FamilyBehaviour {
  if (family === 'lat_long') throw new Error('lat_long is rejected at load time');
  return BEHAVIOURS[family];
}
