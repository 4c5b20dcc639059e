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

/** A person in its first buckets: when it first had data, and which of its first buckets this is (1-based). */
export interface NewcomerPhase {
  firstSeenMs: number;
  newcomerBucket: number;
  /** Judged against the first contacts of sibling jobs (their over fields), not this job's own newcomers. */
  firstContactOf?: string[];
}

/** What an established person's own history expects (95% interval), for the explanation. */
export interface OwnExpectation { typical: number; lower: number; upper: number; seasonal: boolean; p: number }

/**
 * Which view judged a population person (Outflow's extension of §1.2, see population-views.ts): the pooled
 * population (Elastic's only view), the newcomers' model, or population AND own history for an established person.
 */
export type PopulationView =
  /** `newcomer` is set for a newcomer judged by the population because the newcomers' model is not trusted yet. */
  | { kind: 'population'; newcomer?: NewcomerPhase }
  | ({ kind: 'newcomer' } & NewcomerPhase)
  | { kind: 'established'; population: { typical: number; upper: number; p: number }; own: OwnExpectation };

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
  /** Start of the series' previous bucket with data (null: none before this one; absent: not tracked), for "first activity in N days". */
  lastActiveMs?: number | null;
  rarity?: RarityDetail;
  causes?: Cause[];
  /** Population detectors only. */
  view?: PopulationView;
  /** Filled only for leaves that will be written (p < WRITE_PROBABILITY_THRESHOLD). */
  influences: LeafInfluence[];
}
