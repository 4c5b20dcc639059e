/** A scored series in one bucket: the leaves of the §3.3 results tree, before aggregation and normalisation. */

/** ml-cpp writes results only for nodes less likely than this (or within tolerance of such a node). */
export const WRITE_PROBABILITY_THRESHOLD = 0.035;
/** Influences below this are not reported (§3.5). */
export const MIN_INFLUENCE = 0.4;

export interface LeafInfluence { field: string; value: string; influence: number }

/** One attribute (by value) of a population person: the `causes[]` entries of a population record. */
export interface Cause {
  by: string | null;
  p: number;
  actual: number[];
  typical: number[];
  lower: number;
  upper: number;
}

export interface RarityDetail {
  firstOccurrence: boolean;
  relativeRarity: number;
  bucketsWithCategory: number;
  /** Buckets (or person-buckets) the partition's rarity model has learned. */
  observations: number;
}

export interface ScoredLeaf {
  detectorIndex: number;
  partition: string;
  by: string | null;
  over: string | null;
  p: number;
  informative: boolean;
  actual: number[];
  typical: number[];
  lower: number;
  upper: number;
  pSingle: number;
  pMulti: number;
  multiBucketImpact: number;
  anomalyType: 'spike' | 'dip';
  /** Events of the series in the bucket (0 for a zero-filled bucket). */
  eventCount: number;
  /** How long the series (or its partition, for rare) has been modelled, for explanations. */
  historyMs: number;
  rarity?: RarityDetail;
  causes?: Cause[];
  /** Filled only for leaves that will be written (p < WRITE_PROBABILITY_THRESHOLD). */
  influences: LeafInfluence[];
}
