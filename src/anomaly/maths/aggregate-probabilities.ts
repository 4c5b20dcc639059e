/**
 * CAnomalyScore::compute: the weighted combination of the joint (joint-probability.ts) and the calibrated m-of-N
 * extreme probability (extreme-probability.ts) of child probabilities into one probability and a raw score.
 */
import { ascending, calibratedLogExtreme } from './extreme-probability.js';
import { logJointProbability } from './joint-probability.js';
import { isValidProbability } from './pow-one-minus.js';
import { anomalyScore, probabilityFromScore } from './raw-score.js';
import { DBL_MIN } from './types.js';

/** Weights of CAnomalyScore::compute: (w_joint, w_extreme, m_min, m_max). */
export interface AggregationWeights {
  joint: number;
  extreme: number;
  minExtreme: number;
  maxExtreme: number;
}

/** Aggregating across the people (by/over values) of one detector. */
export const PEOPLE_WEIGHTS: AggregationWeights = { joint: 0, extreme: 1, minExtreme: 1, maxExtreme: 1 };
/** Aggregating across the attributes of one person. */
export const ATTRIBUTE_WEIGHTS: AggregationWeights = { joint: 0.5, extreme: 0.5, minExtreme: 1, maxExtreme: 5 };
/** Aggregating across detectors and partitions into the bucket (root). */
export const ROOT_WEIGHTS: AggregationWeights = { joint: 0.5, extreme: 0.5, minExtreme: 1, maxExtreme: 1 };

/** Results with a larger aggregate probability get raw score 0 (ml-cpp DEFAULT_MAXIMUM_ANOMALOUS_PROBABILITY). */
export const MAXIMUM_ANOMALOUS_PROBABILITY = 0.035;

const NORMAL_RANGE_SCORE_FRACTION = 0.8;
const LOG_SMALLEST_PROBABILITY = Math.log(DBL_MIN);
const SMALLEST_PROBABILITY_SCORE = anomalyScore(DBL_MIN);
const SMALLEST_LOG_JOINT_PROBABILITY = -100000;
const SMALLEST_LOG_EXTREME_PROBABILITY = -1500;

/** Score contribution of one aggregate, extending the range linearly below DBL_MIN (CAnomalyScore::compute). */
function scoreContribution(logP: number, weight: number, smallestLog: number): number {
  if (logP < LOG_SMALLEST_PROBABILITY) {
    const interpolate = Math.min((logP - LOG_SMALLEST_PROBABILITY) / (smallestLog - LOG_SMALLEST_PROBABILITY), 1);
    return (NORMAL_RANGE_SCORE_FRACTION + (1 - NORMAL_RANGE_SCORE_FRACTION) * interpolate) * weight * SMALLEST_PROBABILITY_SCORE;
  }
  return NORMAL_RANGE_SCORE_FRACTION * weight * anomalyScore(Math.exp(logP));
}

/**
 * CAnomalyScore::compute: combine child probabilities into one probability and raw score. Invalid entries (NaN, outside
 * [0, 1]) are ignored; no entries give { probability: 1, rawScore: 0 }.
 */
export function aggregateProbabilities(ps: number[], w: AggregationWeights): { probability: number; rawScore: number } {
  const valid = ps.filter(isValidProbability);
  if (valid.length === 0) return { probability: 1, rawScore: 0 };
  const n = Math.min(valid.length, w.maxExtreme);
  const logPJoint = logJointProbability(valid);
  const sorted = valid.sort(ascending);
  let logPExtreme = 0;
  for (let i = Math.min(Math.max(w.minExtreme, 1), n); i <= n; i++) {
    logPExtreme = Math.min(logPExtreme, calibratedLogExtreme(sorted, i));
  }
  const logMax = Math.log(MAXIMUM_ANOMALOUS_PROBABILITY);
  const weighted = Math.exp(w.joint * logPJoint) * Math.exp(w.extreme * logPExtreme);
  if (logPJoint > logMax && logPExtreme > logMax) return { probability: weighted, rawScore: 0 };

  const rawScore =
    scoreContribution(logPJoint, w.joint, SMALLEST_LOG_JOINT_PROBABILITY) + scoreContribution(logPExtreme, w.extreme, SMALLEST_LOG_EXTREME_PROBABILITY);
  const probability = rawScore > 0 ? probabilityFromScore(Math.min(rawScore / NORMAL_RANGE_SCORE_FRACTION, SMALLEST_PROBABILITY_SCORE)) : weighted;
  return { probability, rawScore };
}
