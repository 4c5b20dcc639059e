/** The raw anomaly score S(p) of Elastic's CTools::anomalyScore (0..100, piecewise in 1/p and ln p) and its inverse. */
import { DBL_MIN } from './types.js';

/** Probabilities at or above this give score 0. */
export const LARGEST_SIGNIFICANT_PROBABILITY = 0.05;
/** Knot between the 1/p segment (scores 0..1) and the first ln p segment (1..50). */
export const SMALL_PROBABILITY = 1e-4;
/** Knot between the two ln p segments (score 50). */
export const MINUSCULE_PROBABILITY = 1e-50;

const SMALL_SCORE = 1;
const MINUSCULE_SCORE = 50;
const MAX_SCORE = 100;
const INV_LARGEST = 1 / LARGEST_SIGNIFICANT_PROBABILITY;
const INV_SMALL = 1 / SMALL_PROBABILITY;
const MINUS_LOG_SMALL = -Math.log(SMALL_PROBABILITY);
const MINUS_LOG_MINUSCULE = -Math.log(MINUSCULE_PROBABILITY);
const MINUS_LOG_SMALLEST = -Math.log(DBL_MIN);

/** S(p): 0 for p ≥ 0.05, 1 at p = 1e−4, 50 at p = 1e−50, 100 at p ≤ DBL_MIN. */
export function anomalyScore(p: number): number {
  if (Number.isNaN(p)) return 0;
  const adjP = Math.max(p, DBL_MIN);
  if (adjP >= LARGEST_SIGNIFICANT_PROBABILITY) return 0;
  if (adjP >= SMALL_PROBABILITY) {
    return (SMALL_SCORE * (1 / adjP - INV_LARGEST)) / (INV_SMALL - INV_LARGEST);
  }
  if (adjP >= MINUSCULE_PROBABILITY) {
    return SMALL_SCORE + ((MINUSCULE_SCORE - SMALL_SCORE) * (-Math.log(adjP) - MINUS_LOG_SMALL)) / (MINUS_LOG_MINUSCULE - MINUS_LOG_SMALL);
  }
  return MINUSCULE_SCORE + ((MAX_SCORE - MINUSCULE_SCORE) * (-Math.log(adjP) - MINUS_LOG_MINUSCULE)) / (MINUS_LOG_SMALLEST - MINUS_LOG_MINUSCULE);
}

/** S⁻¹(raw) as CTools::inverseAnomalyScore; a score of 0 maps to (1 + 0.05)/2 = 0.525, the middle of the "not anomalous" range. */
export function probabilityFromScore(raw: number): number {
  const score = Number.isNaN(raw) ? 0 : Math.min(Math.max(raw, 0), MAX_SCORE);
  if (score === 0) return (1 + LARGEST_SIGNIFICANT_PROBABILITY) / 2;
  if (score <= SMALL_SCORE) return 1 / (INV_LARGEST + ((INV_SMALL - INV_LARGEST) * score) / SMALL_SCORE);
  if (score <= MINUSCULE_SCORE) {
    return Math.exp(-(MINUS_LOG_SMALL + ((MINUS_LOG_MINUSCULE - MINUS_LOG_SMALL) * (score - SMALL_SCORE)) / (MINUSCULE_SCORE - SMALL_SCORE)));
  }
  return Math.exp(-(MINUS_LOG_MINUSCULE + ((MINUS_LOG_SMALLEST - MINUS_LOG_MINUSCULE) * (score - MINUSCULE_SCORE)) / (MAX_SCORE - MINUSCULE_SCORE)));
}
