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

/**
 * A leaf with every property present, in one order: leaves come from individual, population and rare scoring, and
 * the code that aggregates and writes them (scoreBucket, bucketRoot) then sees one object shape instead of a dozen —
 * with many shapes V8 kept throwing away and recompiling that code (a month's replay recompiled scoreBucket 16 times).
 */
export function leafOf(l: ScoredLeaf): ScoredLeaf {
  return {
    detectorIndex: l.detectorIndex, partition: l.partition, by: l.by, over: l.over, p: l.p, informative: l.informative,
    actual: l.actual, typical: l.typical, lower: l.lower, upper: l.upper, pSingle: l.pSingle, pMulti: l.pMulti,
    multiBucketImpact: l.multiBucketImpact, anomalyType: l.anomalyType, eventCount: l.eventCount, historyMs: l.historyMs,
    lastActiveMs: l.lastActiveMs, rarity: l.rarity, causes: l.causes, view: l.view, influences: l.influences,
  };
}
