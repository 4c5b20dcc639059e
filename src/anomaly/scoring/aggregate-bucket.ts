/**
 * §3.3 results tree of one bucket: leaves (series / persons) → detector × partition nodes (people weights) →
 * bucket root (root weights); influencer nodes aggregate p^influence of the leaves they influenced.
 */
import { aggregateProbabilities, ATTRIBUTE_WEIGHTS, DBL_MIN, PEOPLE_WEIGHTS, ROOT_WEIGHTS } from '../maths/index.js';
import { WRITE_PROBABILITY_THRESHOLD, type ScoredLeaf } from './leaf.js';

export interface Aggregate { probability: number; rawScore: number }

const clampP = (p: number): number => (p < DBL_MIN ? DBL_MIN : p > 1 ? 1 : p);

/** A leaf's own raw score: the aggregation of its single probability (ml-cpp scores leaves the same way). */
export function leafAggregate(p: number): Aggregate {
  return aggregateProbabilities([clampP(p)], PEOPLE_WEIGHTS);
}

export function bucketRoot(leaves: ScoredLeaf[]): Aggregate {
  if (leaves.length === 0) return { probability: 1, rawScore: 0 };
  const groups = new Map<string, number[]>();
  for (const l of leaves) {
    const k = `${l.detectorIndex}\u0000${l.partition}`;
    let ps = groups.get(k);
    if (!ps) groups.set(k, (ps = []));
    ps.push(clampP(l.p));
  }
  const partitionPs = [...groups.values()].map((ps) => aggregateProbabilities(ps, PEOPLE_WEIGHTS).probability);
  return aggregateProbabilities(partitionPs.map(clampP), ROOT_WEIGHTS);
}

export interface InfluencerAggregate extends Aggregate { field: string; value: string }

/** Influencer values of the written leaves, each scored from p^influence of the leaves it influenced. */
export function aggregateInfluencers(leaves: ScoredLeaf[]): InfluencerAggregate[] {
  const byValue = new Map<string, { field: string; value: string; ps: number[] }>();
  for (const l of leaves) {
    if (l.p >= WRITE_PROBABILITY_THRESHOLD) continue;
    for (const i of l.influences) {
      const k = `${i.field}\u0000${i.value}`;
      let e = byValue.get(k);
      if (!e) byValue.set(k, (e = { field: i.field, value: i.value, ps: [] }));
      e.ps.push(clampP(Math.pow(clampP(l.p), i.influence)));
    }
  }
  return [...byValue.values()].map((e) => ({ field: e.field, value: e.value, ...aggregateProbabilities(e.ps, ATTRIBUTE_WEIGHTS) }));
}
