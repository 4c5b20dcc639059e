/**
 * The catalogue of Elastic anomaly detection functions (§1.1): which feature family computes each one, which side is
 * anomalous, and what the function needs (field_name, by, over). Config validation and the detector runtime both read it.
 */
import type { Tail } from '../maths/index.js';

/** A family = one way of turning a bucket's events into a number; see src/anomaly/detectors/. */
export type FeatureFamily =
  | 'count' | 'non_zero_count' | 'distinct_count' | 'sum' | 'non_null_sum' | 'mean' | 'median' | 'min' | 'max'
  | 'varp' | 'metric' | 'info_content' | 'time_of_day' | 'time_of_week' | 'rare' | 'freq_rare' | 'lat_long';

export interface FunctionSpec {
  /** The function name as written in the job (`high_sum`). */
  name: string;
  family: FeatureFamily;
  tail: Tail;
  /** field_name must be given (metric functions) or must be absent (count, rare, time_of_*). */
  field: 'required' | 'forbidden';
  /** Words an analyst reads in Elastic's function_description. */
  description: string;
}

const SIDED: Array<[FeatureFamily, 'required' | 'forbidden']> = [
  ['count', 'forbidden'], ['non_zero_count', 'forbidden'], ['distinct_count', 'required'], ['sum', 'required'],
  ['non_null_sum', 'required'], ['mean', 'required'], ['median', 'required'], ['varp', 'required'],
  ['info_content', 'required'],
];

function buildCatalogue(): Map<string, FunctionSpec> {
  const out = new Map<string, FunctionSpec>();
  const add = (name: string, family: FeatureFamily, tail: Tail, field: 'required' | 'forbidden', description = family): void => {
    out.set(name, { name, family, tail, field, description });
  };
  for (const [family, field] of SIDED) {
    add(family, family, 'two_sided', field);
    add(`high_${family}`, family, 'high', field);
    add(`low_${family}`, family, 'low', field);
  }
  // Elastic's short aliases.
  add('nzc', 'non_zero_count', 'two_sided', 'forbidden', 'non_zero_count');
  add('high_nzc', 'non_zero_count', 'high', 'forbidden', 'non_zero_count');
  add('low_nzc', 'non_zero_count', 'low', 'forbidden', 'non_zero_count');
  add('dc', 'distinct_count', 'two_sided', 'required', 'distinct_count');
  add('high_dc', 'distinct_count', 'high', 'required', 'distinct_count');
  add('low_dc', 'distinct_count', 'low', 'required', 'distinct_count');
  add('nns', 'non_null_sum', 'two_sided', 'required', 'non_null_sum');
  add('high_nns', 'non_null_sum', 'high', 'required', 'non_null_sum');
  add('low_nns', 'non_null_sum', 'low', 'required', 'non_null_sum');
  add('avg', 'mean', 'two_sided', 'required', 'mean');
  add('high_avg', 'mean', 'high', 'required', 'mean');
  add('low_avg', 'mean', 'low', 'required', 'mean');
  // ml-cpp models min as a low-side and max as a high-side feature (model_t::probabilityCalculation).
  add('min', 'min', 'low', 'required');
  add('max', 'max', 'high', 'required');
  add('metric', 'metric', 'two_sided', 'required');
  add('time_of_day', 'time_of_day', 'two_sided', 'forbidden');
  add('time_of_week', 'time_of_week', 'two_sided', 'forbidden');
  add('rare', 'rare', 'high', 'forbidden');
  add('freq_rare', 'freq_rare', 'high', 'forbidden');
  add('lat_long', 'lat_long', 'two_sided', 'required');
  return out;
}

export const FUNCTION_CATALOGUE: ReadonlyMap<string, FunctionSpec> = buildCatalogue();

export function functionSpec(name: string): FunctionSpec | undefined {
  return FUNCTION_CATALOGUE.get(name);
}

/** Families whose models see only the event count (ml-cpp's event-rate models), not a field value. */
export function isCountFamily(family: FeatureFamily): boolean {
  return family === 'count' || family === 'non_zero_count' || family === 'rare' || family === 'freq_rare';
}
