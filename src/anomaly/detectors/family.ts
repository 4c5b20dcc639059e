/**
 * How a function family turns a bucket's events into model input (§1.1): what it reads from an event, the feature
 * value(s) per bucket, whether empty buckets count as zero, and how influencer values are credited (§3.5).
 */
import type { Tail } from '../maths/index.js';
import type { Accumulator } from './accumulator.js';

export type ModelKind = 'count' | 'metric' | 'time_of_day' | 'time_of_week' | 'rarity';

/** What ingest must read from each event for the family. */
export type FamilyInput = 'none' | 'number' | 'string' | 'time';

/**
 * complement: the feature recomputed without the value's events (sum-like; §3.5 "A∖B").
 * restrict:   the feature of the value's events alone (min/max/mean-like).
 * presence:   every value seen with the category shares in it (rare).
 */
export type InfluenceStyle = 'complement' | 'restrict' | 'presence';

export interface FeatureDef {
  /** Name in records (`actual` of a metric detector has one entry per feature). */
  name: string;
  /** Overrides the detector's tail (metric: min is low-side, max high-side). */
  tail?: Tail;
}

export interface FamilyBehaviour {
  modelKind: ModelKind;
  input: FamilyInput;
  /** An empty bucket after the series was first seen is a 0 (count, sum); otherwise the bucket is skipped. */
  zeroFill: boolean;
  /** Keep individual values (median). */
  keepValues: boolean;
  influence: InfluenceStyle;
  features: FeatureDef[];
  /** time_of_day / time_of_week: the period the event time is reduced modulo (seconds). */
  periodSeconds?: number;
  /** Feature values for the bucket, or undefined when the bucket has nothing to analyse. */
  extract(acc: Accumulator): number[] | undefined;
  /** Feature of the bucket without `part` (complement influence). */
  without?(acc: Accumulator, part: Accumulator): number[] | undefined;
}
