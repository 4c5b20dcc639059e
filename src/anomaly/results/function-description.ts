/** Elastic's `function_description` of a record: the family without the high_/low_ side ("sum", "count", "rare", "time"). */
import type { FeatureFamily } from '../config/functions.js';

export function functionDescription(family: FeatureFamily): string {
  switch (family) {
    case 'time_of_day':
    case 'time_of_week':
      return 'time';
    case 'non_zero_count':
      return 'count';
    case 'non_null_sum':
      return 'sum';
    default:
      return family;
  }
}
