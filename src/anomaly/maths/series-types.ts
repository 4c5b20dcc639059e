/** The public shapes of the per-series model: weighted samples in, probabilities out, and its options. */

export interface WeightedSample {
  value: number;
  weight: number;
}

export interface SeriesProbability {
  /** Combined single+multi bucket probability, in [DBL_MIN, 1]. */
  p: number;
  pSingle: number;
  pMulti: number;
  /** §3.1 step 8, in [−5, 5]; −5 = purely single-bucket. */
  multiBucketImpact: number;
  /** The model's expected value for this bucket (median of the predictive distribution). */
  typical: number;
  /** 95% interval of the predictive distribution. */
  lower: number;
  upper: number;
  anomalyType: 'spike' | 'dip';
  /** False during warm-up; then p is 1. */
  informative: boolean;
  /** True when a daily or weekday/weekend profile is in use. */
  seasonal: boolean;
}

export interface TimeSeriesModelOptions {
  bucketSpanMs: number;
  kind: 'count' | 'metric' | 'time_of_day' | 'time_of_week';
  /** Warm-up in buckets; default max(20 buckets, 2 days of buckets), i.e. 48 at 1h, 20 at 3h, 192 at 15m. */
  minBucketsBeforeScoring?: number;
}
